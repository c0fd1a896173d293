import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText, textToDocument } from '../../shared/extract/text.ts';
import { recognize } from '../../shared/recognize/index.ts';
import { type Block, type Document, DocumentSchema, type TableBlock } from '../../shared/report/model.ts';

type Table = Extract<Block, { kind: 'table' }>;

function tables(doc: Document): Table[] {
  return doc.blocks.filter((b): b is Table => b.kind === 'table');
}
/** Rows as text, span padding left out. */
function grid(t: Table): string[][] {
  return t.rows.map((r) => r.filter((c) => !c.span).map((c) => c.text));
}

describe('textToDocument: prose and headings', () => {
  it('prose lines become paragraphs, section headings become headings, every block has its line', () => {
    const doc = textToDocument(
      '某局2022年政府信息公开工作年度报告\n\n一、总体情况\n2022年，我局认真贯彻落实《条例》。\n六、其他需要报告的事项\n无',
    );
    expect(doc.blocks.map((b) => [b.kind, b.source.line])).toEqual([
      ['paragraph', 1],
      ['heading', 3],
      ['paragraph', 4],
      ['heading', 5],
      ['paragraph', 6],
    ]);
  });
});

/** `n` lines holding a lone `|`. */
const loneBars = (n: number): string[] => Array.from({ length: n }, () => '|');

/** The texts of a row's cells after its label, up to the first padding cell (span): the cells the text gave it. */
const ownCells = (t: TableBlock, start: string): string[] => {
  const row = t.rows.find((r) => r[0]!.text.startsWith(start))!.slice(1);
  const end = row.findIndex((c) => c.span);
  return (end < 0 ? row : row.slice(0, end)).map((c) => c.text);
};

describe('textToDocument: flattened tables', () => {
  it('tab rows keep blank cells and are padded to a rectangle with span cells', () => {
    const [t] = tables(textToDocument('第二十条第（五）项\t\n信息内容\t本年处理决定数量\n行政许可\t179\n行政事业性收费\t'));
    expect(t!.rows.every((r) => r.length === 2)).toBe(true);
    expect(grid(t!)).toEqual([
      ['第二十条第（五）项', ''],
      ['信息内容', '本年处理决定数量'],
      ['行政许可', '179'],
      ['行政事业性收费', ''],
    ]);
    expect(t!.rows[2]![1]!.source?.line).toBe(3);
  });

  it('pipe rows: leading and trailing pipes, merged placeholders become span cells', () => {
    const text = '| 第二十条第(一)项 | |||\n| 规章 | 2 | 0 | 2 | \n行政许可 | 1 | ||\n三、本年度辦理結果 | (一)予以公開 | 0 | 0 |';
    const [t] = tables(textToDocument(text));
    expect(grid(t!)).toEqual([
      ['第二十条第(一)项'],
      ['规章', '2', '0', '2'],
      ['行政许可', '1'],
      ['三、本年度辦理結果', '(一)予以公開', '0', '0'],
    ]);
    expect(t!.rows[0]!.slice(1).every((c) => c.span)).toBe(true);
  });

  it('one cell per line with a ` |` suffix and placeholder lines (mianzhu)', () => {
    const text =
      '第二十条第(一)项 |\n|||\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n规章 |\n0 |\n0 |\n1 |\n第二十条第(五)项 |\n|||\n行政许可 |\n7 |\n||';
    expect(grid(tables(textToDocument(text))[0]!)).toEqual([
      ['第二十条第(一)项'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '1'],
      ['第二十条第(五)项'],
      ['行政许可', '7'],
    ]);
  });

  it('one cell per line between blank lines; a whitespace-only line is a blank cell; split header words stay cells', () => {
    const text =
      '第二十条第(八)项\n\n信息内容\n\n本年收费金额(单位:万元)\n\n行政事业性收费\n\n\n\u00a0\n\n三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n商业\n\n企业\n\n一、本年新收政府信息公开申请数量\n\n 1\n\n  0';
    const doc = textToDocument(text);
    const [t2, t3] = tables(doc);
    expect(grid(t2!)).toEqual([['第二十条第(八)项'], ['信息内容', '本年收费金额(单位:万元)'], ['行政事业性收费', '']]);
    expect(grid(t3!)).toEqual([
      ['申请人情况', '商业', '企业'],
      ['一、本年新收政府信息公开申请数量', '1', '0'],
    ]);
    expect(doc.blocks.some((b) => b.kind === 'heading' && b.text.startsWith('三、收到'))).toBe(true);
  });

  it("table 三's own row labels do not end the table; the next section heading does", () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果',
      '(三)',
      '不予公开',
      '1.属于国家秘密',
      '四、结转下年度继续办理',
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议',
    ].join('\n');
    const doc = textToDocument(text);
    const kinds = doc.blocks.map((b) => b.kind);
    expect(kinds).toEqual(['heading', 'table', 'heading', 'table']);
    expect(grid(tables(doc)[0]!).map((r) => r.join('|'))).toEqual([
      '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果',
      '(三)|不予公开',
      '1.属于国家秘密',
      '四、结转下年度继续办理',
    ]);
  });

  it('numbers run together on one line (PDF text) become cells of one row', () => {
    const [t] = tables(textToDocument('行政复议\t行政诉讼\n0 0 1 0 1 0 0 0 0 0 2 0 0 0 2'));
    expect(grid(t!)[1]).toHaveLength(15);
    expect(grid(t!)[1]![2]).toBe('1');
  });

  it('one cell per line with a ` |` suffix: `| ||` under a label is its blank last cell, then the row ends', () => {
    const [t] = tables(
      textToDocument(
        ['第二十条第(六)项 | |||', '信息内容 |', '本年处理决定数量 | ||', '行政处罚 |', '3 | ||', '行政强制 |', '| ||'].join('\n'),
      ),
    );
    const coercion = t!.rows.find((r) => r[0]!.text === '行政强制')!;
    // a cell of its own, not the padding that makes the grid rectangular (span)
    expect(coercion[1]).toMatchObject({ text: '' });
    expect(coercion[1]!.span).toBeUndefined();
    expect(
      grid(t!)
        .find((r) => r[0] === '行政处罚')!
        .slice(0, 2),
    ).toEqual(['行政处罚', '3']);
  });

  it('a row a cell per line, blanks as lone `|` lines, its last cell as `| 0 |`: the leading `|` closes one more blank', () => {
    const [t] = tables(
      textToDocument(
        [
          '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |',
          '二、上年结转政府信息公开申请数量 |',
          ...loneBars(5),
          '| 0 |',
        ].join('\n'),
      ),
    );
    expect(ownCells(t!, '二、')).toEqual(['', '', '', '', '', '', '0']);
  });

  it('a pipe row with its first cells (`label | 25 |`), then a lone `|` line per blank and `| 25 |`: one row', () => {
    const [t] = tables(
      textToDocument(
        [
          '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |',
          '一、本年新收政府信息公开申请数量 | 25 |',
          ...loneBars(4),
          '| 25 |',
          '二、上年结转政府信息公开申请数量 |',
        ].join('\n'),
      ),
    );
    expect(ownCells(t!, '一、')).toEqual(['25', '', '', '', '', '', '25']);
  });

  it('a row label with a long note in parentheses (Hubei) is a label, however long the note', () => {
    const note =
      '规范性文件(行政机关制定发布的决定、公告、通告、意见、通知,以及标题采用“规定”“办法”“细则”“规范”“规程”“规则”等字样的公文,一般情况下属于规范性文件)';
    const [t] = tables(textToDocument(['第二十条第(一)项', '信息内容', '本年新制作数量', '规章', '0', note, '34', '4', '47'].join('\n')));
    expect(ownCells(t!, '规范性文件')).toEqual(['34', '4', '47']);
  });

  it('spaced digits are one number (`1 523`) unless they start with a zero (`0 00 0`: cells whose separators were partly lost)', () => {
    const [t] = tables(textToDocument('行政复议\t行政诉讼\n0 00 0 0 0 00 00 0 00 00'));
    expect(grid(t!)[1]!.filter((c) => c !== '')).toEqual(['0', '00', '0', '0', '0', '00', '00', '0', '00', '00']);
    const [one] = tables(textToDocument('第二十条第（五）项\n行政许可\n1 523'));
    expect(grid(one!).flat()).toContain('1 523');
  });

  it('short prose after a table is given back as paragraphs; at the end of the text the run is kept (cut)', () => {
    const closed = textToDocument('第二十条第（五）项\n行政许可\n3\n注：数据来自系统\n五、存在的主要问题及改进情况');
    expect(closed.blocks.map((b) => b.kind)).toEqual(['table', 'paragraph', 'heading']);
    const cut = textToDocument('第二十条第(一)项 | |||\n规 章 | 0 | 0 | 0 |\n行政规范性文');
    expect(grid(tables(cut)[0]!).at(-1)).toEqual(['行政规范性文']);
  });
});

describe('textToDocument on the corpus', () => {
  const dir = join(import.meta.dirname, '..', 'fixtures');
  const files = [
    ...readdirSync(join(dir, 'corpus'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join('corpus', f)),
    join('seed', 'heilongjiang-gxt-2022.txt'),
  ];
  it.each(files)('%s: a valid Document, rectangular tables, a source line on every block and cell', (file) => {
    const doc = DocumentSchema.parse(extractText(new Uint8Array(readFileSync(join(dir, file)))));
    expect(doc.encoding).toBe('utf-8');
    for (const b of doc.blocks) {
      expect(b.source.line).toBeGreaterThan(0);
      if (b.kind !== 'table') continue;
      const width = b.rows[0]!.length;
      for (const row of b.rows) {
        expect(row).toHaveLength(width);
        for (const c of row) expect(c.source?.line).toBeGreaterThan(0);
      }
    }
  });
});

describe('textToDocument: PDF-style rows (label and numbers on one line)', () => {
  it('splits the trailing numbers off the label', () => {
    const text = [
      '第二十条第（五）项',
      '信息内容 上一年项目数量 本年增/减 处理决定数量',
      '行政许可 21 +19 40',
      '其他对外管理服务事项 0 0 0',
      '2.其他法律行政法规禁止公开 0 0 0 0 0 0 0',
    ].join('\n');
    expect(grid(tables(textToDocument(text))[0]!)).toEqual([
      ['第二十条第（五）项'],
      ['信息内容 上一年项目数量 本年增/减 处理决定数量'],
      ['行政许可', '21', '+19', '40'],
      ['其他对外管理服务事项', '0', '0', '0'],
      ['2.其他法律行政法规禁止公开', '0', '0', '0', '0', '0', '0', '0'],
    ]);
  });

  it('prose with a number at the end stays prose outside tables', () => {
    const doc = textToDocument('某局2022年政府信息公开工作年度报告\n回应公众关注热点 3\n一、总体情况');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'heading']);
  });
});

describe('textToDocument: table 四 as PDF text', () => {
  it('header words on one line and vertically split header characters stay in the table with the 15 numbers', () => {
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议 行政诉讼',
      '结 结 其 尚 总',
      '果 果 他 未 计',
      '0 0 0 0 0 0 0 0 0 0 1 0 0 0 1',
      '五、存在的主要问题及改进情况',
    ].join('\n');
    const doc = textToDocument(text);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'table', 'heading']);
    // Labels and the numbers after them form one row; the numbers are its last 15 cells.
    expect(grid(tables(doc)[0]!).at(-1)!.slice(-15).join(' ')).toBe('0 0 0 0 0 0 0 0 0 0 1 0 0 0 1');
    const r = recognize({ ...doc, title: '某局2022年政府信息公开工作年度报告' });
    expect(r.cells['s4.litigation_after_review.upheld']).toBe(1);
    expect(r.cells['s4.litigation_after_review.total']).toBe(1);
  });
});
