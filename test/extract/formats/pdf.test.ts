import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../shared/extract/pdf.ts';
import { dedupe, layoutPage, type PageGeometry, type Segment, type TextItem, toLines } from '../../../shared/extract/pdf-layout.ts';
import type { Document, TableBlock } from '../../../shared/report/model.ts';
import { gridTexts, loadSpecs, table2, table3, table4 } from '../../fixtures/formats/render.ts';
import { problemOfAsync } from '../../support/problem.ts';
import { fixture, input, utf8 } from './fixtures.ts';

const problem = (bytes: Uint8Array) => problemOfAsync(() => extractPdf(bytes));
const tables = (doc: Document): TableBlock[] => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const texts = (t: TableBlock): string[][] => t.rows.map((r) => r.map((c) => c.text));

describe('PDF made by LibreOffice from the DOCX (seed report, three pages)', async () => {
  const doc = await extractPdf(fixture('heilongjiang-gxt-2022.pdf'));
  const spec = loadSpecs().find((s) => s.name === 'heilongjiang-gxt-2022')!;

  it('lines by baseline; headings by font size, with their page', () => {
    const headings = doc.blocks.filter((b) => b.kind === 'heading');
    expect(headings.map((h) => [h.text, h.level, h.source.page])).toEqual([
      ['黑龙江省工业和信息化厅2022年度政府信息公开工作报告', 1, 1],
      ['一、总体情况', 2, 1],
      ['二、主动公开政府信息情况', 2, 1],
      ['三、收到和处理政府信息公开申请情况', 2, 2],
      ['四、政府信息公开行政复议、行政诉讼情况', 2, 2],
      ['五、存在的主要问题及改进情况', 2, 3],
      ['六、其他需要报告的事项', 2, 3],
    ]);
  });

  it('wrapped lines of one paragraph are joined, across a short line ending in a URL', () => {
    const preamble = doc.blocks[1]!;
    expect(preamble.kind).toBe('paragraph');
    expect('text' in preamble && preamble.text.replace(/\s/g, '')).toBe(spec.preamble[0]!.replace(/\s/g, ''));
  });

  it('has no notices: every table has ruling lines', () => {
    expect(doc.notices).toEqual([]);
  });

  it('running header and page numbers are dropped', () => {
    const all = doc.blocks.map((b) => ('text' in b ? b.text : ''));
    expect(all.some((t) => /^-\s*\d+\s*-$/.test(t))).toBe(false);
    expect(all).not.toContain('黑龙江省工业和信息化厅政府信息公开工作年度报告');
  });

  it('table 二 continued from page 1 to page 2 is one table, on the columns of page 1', () => {
    const t2 = tables(doc)[0]!;
    expect(texts(t2)).toEqual(gridTexts(table2(spec)));
    expect(t2.source.page).toBe(1);
    expect(t2.rows[0]![0]!.source?.page).toBe(1);
    expect(t2.rows.at(-1)![0]!.source?.page).toBe(2);
  });

  it('table 三: ruling lines give the merged header cells and the rowspan group labels', () => {
    const t3 = tables(doc)[1]!;
    expect(texts(t3)).toEqual(gridTexts(table3(spec)));
    expect(t3.rows[1]![4]).toMatchObject({ text: '法人或其他组织' });
    expect(t3.rows[1]![5]).toMatchObject({ text: '法人或其他组织', span: true });
    expect(t3.rows.every((r) => r.every((c) => c.source?.page === 2))).toBe(true);
  });
});

describe('PDF: a merged cell cut by a page break (2019-edition report, table 三 on pages 1–2)', async () => {
  const doc = await extractPdf(fixture('shengtai-2020-ed2019.pdf'));
  const spec = loadSpecs().find((s) => s.name === 'shengtai-2020-ed2019')!;
  it('the rows on page 2 carry the group label 三、本年度办理结果 as span copies', () => {
    const t3 = tables(doc)[1]!;
    expect(texts(t3)).toEqual(gridTexts(table3(spec)));
    const pages = new Set(t3.rows.map((r) => r[3]!.source?.page));
    expect([...pages]).toEqual([1, 2]);
    const onPage2 = t3.rows.filter((r) => r[3]!.source?.page === 2 && r[0]!.text === '三、本年度办理结果');
    expect(onPage2.length).toBeGreaterThan(0);
    expect(onPage2.every((r) => r[0]!.span === true)).toBe(true);
  });
});

describe('PDF: rows broken across a page break (LibreOffice, rows allowed to split)', async () => {
  const zhujian = loadSpecs().find((s) => s.name === 'zhujian-2021-ed2021')!;
  const seed = loadSpecs().find((s) => s.name === 'heilongjiang-gxt-2022')!;
  const split = await extractPdf(fixture('variants/zhujian-2021-ed2021.split-rows.pdf'));
  const header = await extractPdf(fixture('variants/heilongjiang-gxt-2022.split-rows.pdf'));

  it('table 三: the row whose label wraps over the break is one row, on the page where it starts', () => {
    const t3 = tables(split)[1]!;
    expect(texts(t3)).toEqual(gridTexts(table3(zhujian)));
    const row = t3.rows.find((r) => r[2]!.text === '4.无正当理由大量反复申请')!;
    expect(row.map((c) => c.text).slice(3)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect(row[2]!.source?.page).toBe(1);
    expect(new Set(t3.rows.map((r) => r[2]!.source?.page))).toEqual(new Set([1, 2]));
  });

  it('table 四: header cells cut by the break (结果 | 维持) are one merged cell; 总计 goes on empty', () => {
    const t4 = tables(header)[2]!;
    expect(texts(t4)).toEqual(gridTexts(table4(seed)));
    expect(t4.rows[2]!.slice(0, 5).map((c) => [c.text, c.span])).toEqual([
      ['结果维持', true],
      ['结果纠正', true],
      ['其他结果', true],
      ['尚未审结', true],
      ['总计', true],
    ]);
  });

  it('with no rule at the break (as Word draws a split row) the row is one row too', async () => {
    const open = await extractPdf(fixture('variants/zhujian-2021-ed2021.split-rows-open.pdf'));
    const t3 = tables(open)[1]!;
    expect(texts(t3)).toEqual(gridTexts(table3(zhujian)));
    expect(t3.rows.find((r) => r[2]!.text === '4.无正当理由大量反复申请')![2]!.source?.page).toBe(1);
  });

  it('header rows repeated on the next page are dropped, and the split row under them is one row', async () => {
    const doc = await extractPdf(fixture('variants/zhujian-2021-ed2021.split-rows-repeat-header.pdf'));
    expect(texts(tables(doc)[1]!)).toEqual(gridTexts(table3(zhujian)));
  });

  it('every other table is exact and report.cells are the spec values', async () => {
    const { checkBytes } = await import('../../../shared/usecases/check.ts');
    for (const [name, spec] of [
      ['zhujian-2021-ed2021', zhujian],
      ['heilongjiang-gxt-2022', seed],
    ] as const) {
      const result = await checkBytes(fixture(`variants/${name}.split-rows.pdf`));
      expect(texts(tables(result.document!)[0]!)).toEqual(gridTexts(table2(spec)));
      expect(result.report?.cells).toEqual(spec.cells);
    }
  });
});

describe('PDF geometry without pdfjs', () => {
  const item = (str: string, x: number, y: number, size = 10): TextItem => ({ str, x, y, width: str.length * size, size });
  const geo = (items: TextItem[], segments: Segment[] = []): PageGeometry => ({ page: 1, width: 595, height: 842, items, segments });

  it('items on one baseline form one line, left to right', () => {
    const lines = toLines([item('公开', 120, 700), item('主动', 100, 700.5), item('下一行', 100, 685)]);
    expect(lines.map((l) => l.text)).toEqual(['主动公开', '下一行']);
  });

  it('columns from x-alignment when there are no ruling lines', () => {
    const rows = [
      ['信息内容', '本年制发件数', '本年废止件数'],
      ['规章', '0', '0'],
      ['行政规范性文件', '17', '4'],
    ];
    const items = rows.flatMap((r, i) => r.map((t, c) => item(t, 100 + c * 150, 700 - i * 14)));
    const { blocks, lines } = layoutPage(geo([item('二、主动公开政府信息情况', 100, 730), ...items]));
    expect(lines.map((l) => l.text)).toEqual(['二、主动公开政府信息情况']);
    expect(blocks).toHaveLength(1);
    expect(texts(blocks[0]!.block as TableBlock)).toEqual(rows);
  });

  it('vertical rules running past the last horizontal rule: an open edge closing a last row', () => {
    const h = (y: number, x1: number, x2: number): Segment => ({ x1, x2, y1: y, y2: y });
    const v = (x: number, y1: number, y2: number): Segment => ({ x1: x, x2: x, y1, y2 });
    const frame = [v(100, 60, 700), v(200, 60, 700), v(300, 60, 700)];
    const items = [item('行政许可', 110, 688), item('1523', 210, 688), item('4.无正当理由', 110, 668), item('0', 210, 668)];
    const { blocks } = layoutPage(geo(items, [h(700, 100, 300), h(680, 100, 300), ...frame]));
    expect(texts(blocks[0]!.block as TableBlock)).toEqual([
      ['行政许可', '1523'],
      ['4.无正当理由', '0'],
    ]);
    expect(blocks[0]).toMatchObject({ openBottom: true });
    expect(blocks[0]!.openTop).toBeUndefined();
    // a closed table has no open edge
    const closed = layoutPage(
      geo(items, [h(700, 100, 300), h(680, 100, 300), h(660, 100, 300), v(100, 660, 700), v(200, 660, 700), v(300, 660, 700)]),
    );
    expect(closed.blocks[0]!.openBottom).toBeUndefined();
  });

  it('one text item across a cell rule (ghostscript joins neighbouring cells’ strings) is cut at the rule', () => {
    const h = (y: number, x1: number, x2: number): Segment => ({ x1, x2, y1: y, y2: y });
    const v = (x: number, y1: number, y2: number): Segment => ({ x1: x, x2: x, y1, y2 });
    const segments = [h(700, 100, 200), h(680, 100, 200), h(660, 100, 200), v(100, 660, 700), v(134, 660, 700), v(200, 660, 700)];
    // 自然人 and 法人 written as one string across the rule at x = 134; 12 and 3 (half-width digits) too
    const joined = { str: '自然人法人', x: 105, y: 688, width: 50, size: 10 };
    const digits = { str: '12 3', x: 120, y: 668, width: 20, size: 10 };
    const { blocks } = layoutPage(geo([joined, digits], segments));
    expect(texts(blocks[0]!.block as TableBlock)).toEqual([
      ['自然人', '法人'],
      ['12', '3'],
    ]);
  });

  it('ruled cells: a missing inner line is a merged cell', () => {
    // 3 columns × 2 rows; the first column has no line between the rows (rowspan 2)
    const h = (y: number, x1: number, x2: number): Segment => ({ x1, x2, y1: y, y2: y });
    const v = (x: number, y1: number, y2: number): Segment => ({ x1: x, x2: x, y1, y2 });
    const segments = [
      h(700, 100, 400),
      h(680, 200, 400),
      h(660, 100, 400),
      v(100, 660, 700),
      v(200, 660, 700),
      v(300, 660, 700),
      v(400, 660, 700),
    ];
    const items = [
      item('不予公开', 110, 675),
      item('1.属于国家秘密', 205, 688, 6),
      item('0', 340, 688),
      item('2.其他', 205, 668, 6),
      item('1', 340, 668),
    ];
    const { blocks } = layoutPage(geo(items, segments));
    const t = blocks[0]!.block as TableBlock;
    expect(t.rows.map((r) => r.map((c) => (c.span ? `~${c.text}` : c.text)))).toEqual([
      ['不予公开', '1.属于国家秘密', '0'],
      ['~不予公开', '2.其他', '1'],
    ]);
  });
});

describe('PDF input problems', () => {
  it('an encrypted PDF (qpdf, user password) is I-PDF-ENCRYPTED', async () => {
    const p = await problem(input('encrypted.pdf'));
    expect(p.ruleId).toBe('I-PDF-ENCRYPTED');
    expect(p.message).toContain('加密');
  });

  it('a PDF with drawings only is I-PDF-NO-TEXT', async () => {
    const p = await problem(input('no-text.pdf'));
    expect(p.ruleId).toBe('I-PDF-NO-TEXT');
    expect(p.detail).toEqual({ pages: 2 });
  });

  it('a corrupt PDF is I-UNREADABLE', async () => {
    expect((await problem(utf8('%PDF-1.7\nthis is not a pdf at all'))).ruleId).toBe('I-UNREADABLE');
  });

  it('does not detach the caller’s buffer', async () => {
    const bytes = fixture('zhujian-2021-ed2021.pdf');
    await extractPdf(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect((await extractPdf(bytes)).format).toBe('pdf');
  });
});

describe('PDF geometry: things that are not tables', () => {
  const item = (str: string, x: number, y: number, size = 10): TextItem => ({ str, x, y, width: str.length * size, size });
  const h = (y: number, x1: number, x2: number): Segment => ({ x1, x2, y1: y, y2: y });
  const v = (x: number, y1: number, y2: number): Segment => ({ x1: x, x2: x, y1, y2 });

  it('a frame around the page is not a one-cell table', () => {
    const frame = [h(800, 50, 545), h(40, 50, 545), v(50, 40, 800), v(545, 40, 800)];
    const { blocks, lines } = layoutPage({ page: 1, width: 595, height: 842, items: [item('一、总体情况', 100, 700)], segments: frame });
    expect(blocks).toEqual([]);
    expect(lines.map((l) => l.text)).toEqual(['一、总体情况']);
  });

  it('a glyph drawn as tiny strokes (cairo outlines a bold glyph) is not a table', () => {
    const box = (x: number, y: number): Segment[] => [
      h(y, x, x + 3),
      h(y - 3.4, x, x + 3),
      h(y - 7, x, x + 3),
      v(x, y - 7, y),
      v(x + 3, y - 7, y),
      v(x + 6, y - 7, y),
    ];
    const { blocks, lines } = layoutPage({
      page: 1,
      width: 595,
      height: 842,
      items: [item('五', 102, 700.5, 6), item('、存在的主要问题', 108, 700.5, 6)],
      segments: box(102, 706),
    });
    expect(blocks).toEqual([]);
    expect(lines.map((l) => l.text)).toEqual(['五、存在的主要问题']);
  });

  it('glyphs painted twice for a fake bold are read once', () => {
    const twice = dedupe([item('总体情况', 100, 700), item('总体情况', 100.4, 700.2)]);
    expect(toLines(twice).map((l) => l.text)).toEqual(['总体情况']);
  });
});

describe('PDF without ruling lines (the 2021 report rendered with borderless tables)', async () => {
  const spec = loadSpecs().find((s) => s.name === 'zhujian-2021-ed2021')!;
  const { checkBytes } = await import('../../../shared/usecases/check.ts');
  const result = await checkBytes(fixture('variants/zhujian-2021-ed2021.borderless.pdf'));
  const cells = result.report?.cells ?? {};
  const right = Object.keys(spec.cells).filter((k) => JSON.stringify(cells[k]) === JSON.stringify(spec.cells[k]));

  it('columns from x-alignment recover every cell (table 三 continued on page 2 on the columns of page 1), with a notice', () => {
    expect(result.report?.edition).toBe('2021');
    expect(result.document?.notices.map((n) => n.code)).toEqual(['pdf-unruled-tables']);
    expect(result.document?.notices[0]?.message).toContain('有 3 个表格没有表格线');
    expect(Object.keys(spec.cells).filter((k) => !right.includes(k))).toEqual([]);
    expect(right.length).toBe(200);
  });

  it('header and title lines above a table are rows of it, not paragraphs', () => {
    const paragraphs = result.document!.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    for (const line of ['第二十条第（一）项', '申请人情况', '法人或其他组织']) expect(paragraphs).not.toContain(line);
    const own = (t: TableBlock): string[][] => t.rows.map((r) => r.map((c) => c.text).filter((x) => x !== ''));
    const [t2, t3] = tables(result.document!);
    expect(own(t2!)[0]).toEqual(['第二十条第（一）项']);
    expect(own(t3!).slice(0, 2)).toEqual([['申请人情况'], ['法人或其他组织']]);
  });

  it('a label wrapped over lines above and below its number row is one cell; title rows stand alone', () => {
    const doc = result.document!;
    const [t2, t3] = tables(doc);
    const own = (r: TableBlock['rows'][number]): string[] => r.map((c) => c.text).filter((t) => t !== '');
    expect(t2!.rows.map(own)).toContainEqual(['第二十条第（六）项']);
    expect(t2!.rows.map(own)).toContainEqual(['行政许可', '1523']);
    const labels = t3!.rows.map((r) => r[2]!.text);
    expect(labels).toContain('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
    expect(labels).toContain('5.要求行政机关确认或重新出具已获取信息');
    expect(labels).toContain('4.无正当理由大量反复申请');
    expect(new Set(t3!.rows.map((r) => r[3]!.source?.page))).toEqual(new Set([1, 2]));
  });

  it('table 四 (one number row under three header lines) and the head of table 三 are exact', () => {
    const keys = Object.keys(spec.cells).filter(
      (k) => k.startsWith('s4.') || /^s3\.(new_received|carried_over|granted|partial|denied\.[a-z_]+|unable\.[a-z_]+)\./.test(k),
    );
    expect(keys.length).toBe(15 + 7 * 15);
    expect(keys.filter((k) => !right.includes(k))).toEqual([]);
  });
});

describe('PDF without ruling lines, tables cut by page breaks', async () => {
  const { checkBytes } = await import('../../../shared/usecases/check.ts');
  const cases = [
    { name: 'heilongjiang-gxt-2022', file: 'variants/heilongjiang-gxt-2022.borderless-split-rows.pdf' },
    { name: 'zhujian-2023-arith-error', file: 'variants/zhujian-2023-arith-error.borderless-split-rows.pdf' },
  ];
  it('2019 table 二 without borders: a value centered under a header over two columns is one cell over both', async () => {
    const spec = loadSpecs().find((s) => s.name === 'shengtai-2020-ed2019')!;
    const result = await checkBytes(fixture('variants/shengtai-2020-ed2019.borderless.pdf'));
    expect(result.report?.cells).toEqual(spec.cells);
    const t2 = tables(result.document!)[0]!;
    const want = gridTexts(table2(spec));
    // every row of the template; a title row's text sits in the column under its middle
    expect(texts(t2)).toEqual(want.map((r) => (r.every((t) => t === r[0]) && r[0]!.startsWith('第二十条') ? ['', r[0]!, '', ''] : r)));
    expect(t2.rows.at(-1)!.map((c) => [c.text, c.span === true])).toEqual([
      ['政府集中采购', false],
      ['5', false],
      ['126.5', false],
      ['126.5', true],
    ]);
  });

  it.each(cases)('$file: every cell exact, three tables', async ({ name, file }) => {
    const spec = loadSpecs().find((s) => s.name === name)!;
    const result = await checkBytes(fixture(file));
    expect(result.report?.cells).toEqual(spec.cells);
    expect(tables(result.document!)).toHaveLength(3);
  });

  it('a table part too small for a table of its own joins the table on the page before (table 二) or after (table 四)', async () => {
    const doc = await extractPdf(fixture('variants/heilongjiang-gxt-2022.borderless-split-rows.pdf'));
    const [t2, , t4] = tables(doc);
    const own = (r: TableBlock['rows'][number]): string[] => r.map((c) => c.text).filter((t) => t !== '');
    expect(t2!.rows.filter((r) => r[0]!.source?.page === 2).map(own)).toEqual([
      ['第二十条第（六）项'],
      ['信息内容', '本年处理决定数量'],
      ['行政处罚', '60'],
      ['行政强制', '0'],
      ['第二十条第（八）项'],
      ['信息内容', '本年收费金额（单位：万元）'],
      ['行政事业性收费', '0'],
    ]);
    expect(t2!.rows.at(-1)!.map((c) => c.text)).toEqual(['行政事业性收费', '', '0', '']);
    expect(new Set(t4!.rows.map((r) => r[0]!.source?.page))).toEqual(new Set([2, 3]));
    expect(own(t4!.rows.at(-1)!)).toEqual(Array.from({ length: 15 }, () => '0'));
  });

  it('a label that goes on at the top of the next page joins the last row of the page before', async () => {
    const doc = await extractPdf(fixture('variants/zhujian-2023-arith-error.borderless-split-rows.pdf'));
    const labels = tables(doc)[1]!.rows.map((r) => r[2]!.text);
    expect(labels).toContain('5.要求行政机关确认或重新出具已获取信息');
    expect(labels).toContain('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
  });
});

describe('PDF with restrictions but no user password', () => {
  it('is read like any other PDF (the seed report’s tables come out whole)', async () => {
    const doc = await extractPdf(input('owner-password-only.pdf'));
    const spec = loadSpecs().find((s) => s.name === 'heilongjiang-gxt-2022')!;
    expect(texts(tables(doc)[1]!)).toEqual(gridTexts(table3(spec)));
  });
});
