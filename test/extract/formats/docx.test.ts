import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractDocx } from '../../../shared/extract/docx.ts';
import { ZIP_LIMITS } from '../../../shared/extract/zip.ts';
import type { TableBlock } from '../../../shared/report/model.ts';
import { problemOf } from '../../support/problem.ts';
import { fixture } from './fixtures.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string, style?: string): string =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = ''): string => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;
const span = (n: number): string => `<w:gridSpan w:val="${n}"/>`;
const restart = '<w:vMerge w:val="restart"/>';
const cont = '<w:vMerge/>';

function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
  });
}

const problem = (bytes: Uint8Array) => problemOf(() => extractDocx(bytes));

const grid = (t: TableBlock): string[][] => t.rows.map((r) => r.map((c) => (c.span ? `~${c.text}` : c.text)));

describe('DOCX paragraphs', () => {
  it('heading styles (from styles.xml names, built-in ids, outline levels) and paragraph ordinals as lines', () => {
    const styles = `<w:styles ${W}>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题 2"/></w:style>
<w:style w:type="paragraph" w:styleId="x"><w:name w:val="Custom"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
</w:styles>`;
    const doc = extractDocx(
      docx(
        `${p('某局年度报告', '1')}${p('')}${p('一、总体情况', 'a5')}${p('（一）主动公开', 'x')}${p('正文</w:t></w:r><w:r><w:tab/><w:t>继续')}`,
        { 'word/styles.xml': styles },
      ),
    );
    expect(doc.format).toBe('docx');
    expect(doc.blocks).toEqual([
      { kind: 'heading', text: '某局年度报告', level: 1, source: { line: 1 } },
      { kind: 'heading', text: '一、总体情况', level: 2, source: { line: 3 } },
      { kind: 'heading', text: '（一）主动公开', level: 3, source: { line: 4 } },
      { kind: 'paragraph', text: '正文 继续', source: { line: 5 } },
    ]);
  });

  it('deleted text and field codes are not text; drawings are image blocks; the core title is read', () => {
    const body = `<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>
<w:p><w:r><w:drawing/></w:r></w:p>`;
    const core =
      '<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>2022年年报</dc:title></cp:coreProperties>';
    const doc = extractDocx(docx(body, { 'docProps/core.xml': core }));
    expect(doc.title).toBe('2022年年报');
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: '保留', source: { line: 1 } },
      { kind: 'image', source: { line: 2 } },
    ]);
  });
});

describe('DOCX tables', () => {
  it('w:gridSpan and w:vMerge restart/continue become a grid with span copies', () => {
    const body = `${p('前')}<w:tbl>
<w:tr>${tc('说明', span(2) + restart)}${tc('申请人情况', span(2))}</w:tr>
<w:tr>${tc('', span(2) + cont)}${tc('自然人')}${tc('总计')}</w:tr>
<w:tr>${tc('三、本年度办理结果', restart)}${tc('（一）予以公开')}${tc('3')}${tc('')}</w:tr>
<w:tr>${tc('', cont)}${tc('（二）部分公开')}${tc('1')}${tc('1')}</w:tr>
</w:tbl>${p('后')}`;
    const doc = extractDocx(docx(body));
    const table = doc.blocks[1] as TableBlock;
    expect(grid(table)).toEqual([
      ['说明', '~说明', '申请人情况', '~申请人情况'],
      ['~说明', '~说明', '自然人', '总计'],
      ['三、本年度办理结果', '（一）予以公开', '3', ''],
      ['~三、本年度办理结果', '（二）部分公开', '1', '1'],
    ]);
    // paragraph ordinals count the paragraphs inside the table
    expect(table.source.line).toBe(2);
    expect(table.rows[2]!.map((c) => c.source?.line)).toEqual([7, 8, 9, 10]);
    expect(doc.blocks[2]).toEqual({ kind: 'paragraph', text: '后', source: { line: 15 } });
  });

  it('gridBefore is padding; short rows are padded; a continuation with nothing above stays a cell', () => {
    const body = `<w:tbl>
<w:tr>${tc('a')}${tc('b')}${tc('c')}</w:tr>
<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('d')}</w:tr>
<w:tr>${tc('e', cont)}${tc('f')}${tc('g')}</w:tr>
</w:tbl>`;
    const table = extractDocx(docx(body)).blocks[0] as TableBlock;
    expect(grid(table)).toEqual([
      ['a', 'b', 'c'],
      ['~', 'd', '~'],
      ['e', 'f', 'g'],
    ]);
  });

  it('legacy w:hMerge continuation cells join the cell on their left', () => {
    const body = `<w:tbl>
<w:tr>${tc('行政复议', '<w:hMerge w:val="restart"/>')}${tc('', '<w:hMerge/>')}${tc('行政诉讼')}</w:tr>
<w:tr>${tc('结果维持')}${tc('结果纠正')}${tc('总计')}</w:tr>
</w:tbl>`;
    expect(grid(extractDocx(docx(body)).blocks[0] as TableBlock)).toEqual([
      ['行政复议', '~行政复议', '行政诉讼'],
      ['结果维持', '结果纠正', '总计'],
    ]);
  });

  it('the generated seed report: table 三 has the template header and 25 data rows', () => {
    const doc = extractDocx(fixture('heilongjiang-gxt-2022.docx'));
    const t3 = doc.blocks.filter((b): b is TableBlock => b.kind === 'table')[1]!;
    expect(t3.rows).toHaveLength(28);
    expect(t3.rows[5]!.map((c) => c.text)).toEqual([
      '三、本年度办理结果',
      '（一）予以公开',
      '（一）予以公开',
      '12',
      '0',
      '0',
      '0',
      '0',
      '0',
      '12',
    ]);
    expect(t3.rows[5]![2]!.span).toBe(true);
    expect(t3.rows[27]![0]).toMatchObject({ text: '四、结转下年度继续办理' });
    expect(doc.title).toBe('黑龙江省工业和信息化厅2022年度政府信息公开工作报告');
  });
});

describe('DOCX input problems', () => {
  it('a corrupt zip is I-UNREADABLE', () => {
    const bytes = fixture('heilongjiang-gxt-2022.docx').slice();
    bytes.fill(0x41, 40, bytes.length - 200);
    expect(problem(bytes).ruleId).toBe('I-UNREADABLE');
  });

  it('a zip without word/document.xml is I-UNREADABLE', () => {
    expect(problem(zipSync({ 'a.txt': strToU8('x') })).ruleId).toBe('I-UNREADABLE');
  });

  it(`more than ${ZIP_LIMITS.maxEntries} entries are refused before inflating`, () => {
    const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8(`<w:document ${W}><w:body/></w:document>`) };
    for (let i = 0; i <= ZIP_LIMITS.maxEntries; i++) files[`f${i}`] = new Uint8Array(0);
    const p = problem(zipSync(files, { level: 0 }));
    expect(p.ruleId).toBe('I-UNREADABLE');
    expect(p.detail).toMatchObject({ reason: 'entries' });
  });

  it('an entry that lies about its size cannot inflate past what it declares', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(64 * 1024 * 1024).fill(0x20) }, { level: 9 });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    view.setUint32(22, 100, true); // local header: uncompressed size
    let end = bomb.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    view.setUint32(view.getUint32(end + 16, true) + 24, 100, true); // central directory: uncompressed size
    const before = process.memoryUsage().rss;
    expect(problem(bomb).ruleId).toBe('I-UNREADABLE');
    expect(process.memoryUsage().rss - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('a document.xml that inflates past the size cap (a zip bomb) is refused', () => {
    const big = new Uint8Array(ZIP_LIMITS.maxTotalBytes + 1024).fill(0x20);
    const bomb = zipSync({ 'word/document.xml': big }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const p = problem(bomb);
    expect(p.ruleId).toBe('I-UNREADABLE');
    expect(p.detail).toMatchObject({ reason: 'size' });
  });
});
