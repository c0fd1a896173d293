/**
 * DOCX markup that real Word files carry and our generated fixtures do not: tracked changes,
 * alternate content, fields, content controls, text boxes, nested tables, grid padding, odd merges.
 * The XML follows what Word writes (namespaces, wrappers); packages are zipped in the test.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractDocx } from '../../../shared/extract/docx.ts';
import type { Block, TableBlock } from '../../../shared/report/model.ts';
import { problemOf } from '../../support/problem.ts';
import { fixture } from './fixtures.ts';

const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'mc:Ignorable="w14 wp14"',
].join(' ');
const run = (text: string): string => `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (inner: string): string => `<w:p w:rsidR="00A1" w:rsidRDefault="00A1"><w:pPr><w:jc w:val="left"/></w:pPr>${inner}</w:p>`;
const tc = (inner: string, props = ''): string => `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${props}</w:tcPr>${inner}</w:tc>`;
const cell = (text: string, props = ''): string => tc(p(run(text)), props);
const tbl = (rows: string): string =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid>${rows}</w:tbl>`;

function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  return zipSync({
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${NS}><w:body>${body}<w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:body></w:document>`,
    ),
  });
}
const blocks = (body: string): Block[] => extractDocx(docx(body)).blocks;
const texts = (body: string): string[] => blocks(body).map((b) => (b.kind === 'table' ? 'table' : b.kind === 'image' ? 'image' : b.text));
const grids = (body: string): string[][][] =>
  blocks(body)
    .filter((b): b is TableBlock => b.kind === 'table')
    .map((t) => t.rows.map((r) => r.map((c) => (c.span ? `~${c.text}` : c.text))));

const problem = (bytes: Uint8Array) => problemOf(() => extractDocx(bytes));

describe('DOCX from Word: text as a reader sees it', () => {
  it('tracked changes: insertions and moved-to text kept; deletions and moved-from text dropped', () => {
    const body =
      p(
        `${run('公开')}<w:ins w:id="1" w:author="张三" w:date="2023-01-05T10:00:00Z">${run('申请')}</w:ins>` +
          `<w:del w:id="2" w:author="张三"><w:r><w:delText>删除的</w:delText></w:r></w:del>${run('数量')}`,
      ) +
      p(
        `<w:moveFromRangeStart w:id="3" w:name="move1"/><w:moveFrom w:id="4" w:author="张三">${run('旧位置')}</w:moveFrom>` +
          `<w:moveFromRangeEnd w:id="3"/>${run('正文')}<w:moveToRangeStart w:id="5" w:name="move1"/>` +
          `<w:moveTo w:id="6" w:author="张三">${run('新位置')}</w:moveTo><w:moveToRangeEnd w:id="5"/>`,
      ) +
      // a deleted paragraph: only deleted runs (and a deleted paragraph mark) → no block
      `<w:p><w:pPr><w:rPr><w:del w:id="7" w:author="张三"/></w:rPr></w:pPr><w:del w:id="8" w:author="张三"><w:r><w:delText>整段删除</w:delText></w:r></w:del></w:p>`;
    expect(blocks(body)).toEqual([
      { kind: 'paragraph', text: '公开申请数量', source: { line: 1 } },
      { kind: 'paragraph', text: '正文新位置', source: { line: 2 } },
    ]);
  });

  it('mc:AlternateContent gives its first Choice once, never the Fallback too', () => {
    const alt = (choice: string, fallback: string): string =>
      `<mc:AlternateContent><mc:Choice Requires="w14">${choice}</mc:Choice><mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent>`;
    const body =
      p(`${run('前')}<w:r>${alt('<w:t>选择</w:t>', '<w:t>后备</w:t>')}</w:r>${run('后')}`) + alt(p(run('块级选择')), p(run('块级后备')));
    expect(texts(body)).toEqual(['前选择后', '块级选择']);
  });

  it('hyperlinks, smart tags, custom XML, run-level content controls and simple fields are read through', () => {
    const body = p(
      `<w:hyperlink r:id="rId9" w:history="1">${run('链接')}</w:hyperlink>` +
        `<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chsdate"><w:smartTagPr><w:attr w:name="Year" w:val="2022"/></w:smartTagPr>${run('2022年')}</w:smartTag>` +
        `<w:customXml w:element="agency">${run('某局')}</w:customXml>` +
        `<w:sdt><w:sdtPr><w:alias w:val="日期"/><w:id w:val="-1"/><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent>${run('控件')}</w:sdtContent></w:sdt>` +
        `<w:fldSimple w:instr=" NUMPAGES  \\* MERGEFORMAT ">${run('3')}</w:fldSimple>`,
    );
    expect(texts(body)).toEqual(['链接2022年某局控件3']);
  });

  it('field codes (w:instrText) are not text; the field result is', () => {
    const body = p(
      `${run('共')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES \\* MERGEFORMAT </w:instrText></w:r>` +
        `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${run('页')}`,
    );
    expect(texts(body)).toEqual(['共3页']);
  });

  it('w:sym, w:noBreakHyphen, w:softHyphen, tabs and breaks, equation text', () => {
    const body =
      p(`<w:r><w:t>2021</w:t><w:noBreakHyphen/><w:t>2022</w:t></w:r>`) +
      p(`<w:r><w:t>信息</w:t><w:softHyphen/><w:t>公开</w:t></w:r>`) +
      // a Unicode symbol is text; a symbol-font glyph (private use area: a Wingdings check mark) is not
      p(`<w:r><w:sym w:font="Segoe UI Symbol" w:char="2713"/><w:t>已公开</w:t><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>`) +
      p(`<w:r><w:t>一</w:t><w:tab/><w:t>二</w:t><w:br/><w:t>三</w:t><w:cr/><w:t>四</w:t></w:r>`) +
      p(`${run('增长')}<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>5%</m:t></m:r></m:oMath>`);
    expect(texts(body)).toEqual(['2021-2022', '信息公开', '✓已公开', '一 二 三 四', '增长5%']);
  });

  it('a text box (DrawingML choice, VML fallback) is read once, as paragraphs after the paragraph anchoring it', () => {
    const box = `<w:txbxContent>${p(run('文本框第一段'))}${p(run('文本框第二段'))}</w:txbxContent>`;
    const drawing =
      `<w:drawing><wp:anchor distT="0" distB="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
      `<wp:simplePos x="0" y="0"/><wp:extent cx="1828800" cy="457200"/><wp:docPr id="1" name="文本框 1"/><a:graphic>` +
      `<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>` +
      `<wps:txbx>${box}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>`;
    const pict = `<w:pict><v:shape id="文本框 1" type="#_x0000_t202" style="position:absolute"><v:textbox>${box}</v:textbox></v:shape></w:pict>`;
    const body =
      p(
        `${run('锚定段落')}<w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawing}</mc:Choice><mc:Fallback>${pict}</mc:Fallback></mc:AlternateContent></w:r>`,
      ) +
      p(run('后文')) +
      p(
        `<w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphic></wp:inline></w:drawing></w:r>`,
      );
    expect(blocks(body)).toEqual([
      { kind: 'paragraph', text: '锚定段落', source: { line: 1 } },
      { kind: 'paragraph', text: '文本框第一段', source: { line: 2 } },
      { kind: 'paragraph', text: '文本框第二段', source: { line: 3 } },
      { kind: 'paragraph', text: '后文', source: { line: 4 } },
      { kind: 'image', source: { line: 5 } },
    ]);
  });

  it('block-level content controls and custom XML hold paragraphs and tables', () => {
    const body =
      `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>${p(run('目录'))}` +
      `${tbl(`<w:tr>${cell('甲')}</w:tr>`)}</w:sdtContent></w:sdt><w:customXml w:element="report">${p(run('正文'))}</w:customXml>`;
    expect(texts(body)).toEqual(['目录', 'table', '正文']);
  });
});

describe('DOCX from another producer (LibreOffice writing Word markup)', () => {
  it('tracked changes, a text box with its VML fallback, a nested table and a field, read once each', () => {
    const doc = extractDocx(fixture('word/lo-word-features.docx'));
    expect(
      doc.blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.map((c) => c.text)) : b.kind === 'image' ? 'image' : b.text)),
    ).toEqual([
      '公开申请数量',
      '锚定段落',
      '文本框第一段',
      '文本框第二段',
      '后文',
      [
        ['外层', '内1 内2'],
        ['a', 'b'],
      ],
      '共1页',
    ]);
    expect(doc.blocks.map((b) => b.source.line)).toEqual([1, 2, 3, 4, 5, 6, 12]);
  });
});

describe('DOCX from Word: tables', () => {
  it('rows and cells inside content controls or custom XML (row and cell level)', () => {
    const rows =
      `<w:tr>${cell('项目')}${cell('数量')}</w:tr>` +
      `<w:sdt><w:sdtPr><w:id w:val="1"/></w:sdtPr><w:sdtContent><w:tr>${cell('新收')}${cell('5')}</w:tr></w:sdtContent></w:sdt>` +
      `<w:customXml w:element="row"><w:tr>${cell('上年结转')}<w:sdt><w:sdtPr/><w:sdtContent>${cell('2')}</w:sdtContent></w:sdt></w:tr></w:customXml>`;
    expect(grids(tbl(rows))).toEqual([
      [
        ['项目', '数量'],
        ['新收', '5'],
        ['上年结转', '2'],
      ],
    ]);
  });

  it('a nested table is flattened into its cell (one table block); the cell text is read once', () => {
    const inner = tbl(`<w:tr>${cell('内1')}${cell('内2')}</w:tr><w:tr>${cell('内3')}${cell('内4')}</w:tr>`);
    const body = tbl(`<w:tr>${cell('外层')}${tc(`${inner}<w:p/>`)}</w:tr><w:tr>${cell('a')}${cell('b')}</w:tr>`) + p(run('后'));
    const doc = blocks(body);
    expect(grids(body)).toEqual([
      [
        ['外层', '内1 内2 内3 内4'],
        ['a', 'b'],
      ],
    ]);
    // ordinals: 外层 1, 内1–内4 2–5, the empty paragraph 6, a 7, b 8, 后 9
    expect((doc[0] as TableBlock).rows[1]!.map((c) => c.source?.line)).toEqual([7, 8]);
    expect(doc[1]).toEqual({ kind: 'paragraph', text: '后', source: { line: 9 } });
  });

  it('w:gridBefore and w:gridAfter are padding at the start and the end of a row', () => {
    const rows =
      `<w:tr>${cell('a')}${cell('b')}${cell('c')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/><w:wBefore w:w="1000" w:type="dxa"/></w:trPr>${cell('d')}${cell('e')}</w:tr>` +
      `<w:tr><w:trPr><w:gridAfter w:val="1"/><w:wAfter w:w="1000" w:type="dxa"/></w:trPr>${cell('f')}${cell('g')}</w:tr>`;
    expect(grids(tbl(rows))).toEqual([
      [
        ['a', 'b', 'c'],
        ['~', 'd', 'e'],
        ['f', 'g', '~'],
      ],
    ]);
  });

  it('a vertical merge whose restart was left out starts at its first continuation', () => {
    const rows =
      `<w:tr>${cell('合并', '<w:vMerge/>')}${cell('1')}</w:tr>` +
      `<w:tr>${cell('', '<w:vMerge/>')}${cell('2')}</w:tr>` +
      `<w:tr>${cell('下', '')}${cell('3')}</w:tr>`;
    expect(grids(tbl(rows))).toEqual([
      [
        ['合并', '1'],
        ['~合并', '2'],
        ['下', '3'],
      ],
    ]);
  });

  it('a tracked-deleted row (only deleted text) disappears', () => {
    const rows =
      `<w:tr>${cell('a')}${cell('b')}</w:tr>` +
      `<w:tr><w:trPr><w:del w:id="1" w:author="张三"/></w:trPr>${tc(p('<w:del w:id="2" w:author="张三"><w:r><w:delText>x</w:delText></w:r></w:del>'))}${tc(p(''))}</w:tr>` +
      `<w:tr>${cell('c')}${cell('d')}</w:tr>`;
    expect(grids(tbl(rows))).toEqual([
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ]);
  });
});

describe('DOCX w:altChunk (embedded HTML / MHT)', () => {
  const rels = (targets: Record<string, string>): string =>
    `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Object.entries(
      targets,
    )
      .map(
        ([id, target]) =>
          `<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="${target}" Id="${id}"/>`,
      )
      .join('')}</Relationships>`;
  const page =
    '<html><head><meta charset="utf-8"><title>网页</title></head><body><h1>一、总体情况</h1><p>本年度主动公开信息。</p><table><tr><td rowspan="2">申请</td><td>新收</td></tr><tr><td>5</td></tr></table></body></html>';

  it('an HTML chunk is read in place of the w:altChunk (its blocks at the ordinal there)', () => {
    const doc = extractDocx(
      docx(`${p(run('前言'))}<w:altChunk r:id="c1"/>${p(run('结尾'))}`, {
        'word/_rels/document.xml.rels': rels({ c1: 'afchunk1.html' }),
        'word/afchunk1.html': page,
      }),
    );
    expect(
      doc.blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.map((c) => c.text)) : b.kind === 'image' ? 'image' : b.text)),
    ).toEqual([
      '前言',
      '一、总体情况',
      '本年度主动公开信息。',
      [
        ['申请', '新收'],
        ['申请', '5'],
      ],
      '结尾',
    ]);
    expect(doc.blocks[1]).toEqual({ kind: 'heading', text: '一、总体情况', level: 1, source: { line: 1 } });
    expect((doc.blocks[3] as TableBlock).rows[1]![1]).toEqual({ text: '5', source: { line: 1 } });
    expect(doc.blocks[4]!.source).toEqual({ line: 2 });
    expect(doc.notices).toEqual([]);
  });

  it('an MHT chunk as html-docx-js writes it (quoted-printable, stored as .htm, absolute target)', () => {
    const qp = page.replace(/=/g, '=3D').replace('本年度主动公开', '本年度=\r\n主动公开');
    const mht = `MIME-Version: 1.0\nContent-Type: multipart/related;\n    type="text/html";\n    boundary="----=mhtDocumentPart"\n\n------=mhtDocumentPart\nContent-Type: text/html;\n    charset="utf-8"\nContent-Transfer-Encoding: quoted-printable\nContent-Location: file:///C:/fake/document.html\n\n${qp}\n\n\n------=mhtDocumentPart--\n`;
    const doc = extractDocx(
      docx('<w:altChunk r:id="htmlChunk"/>', {
        'word/_rels/document.xml.rels': rels({ htmlChunk: '/word/afchunk.htm' }),
        'word/afchunk.htm': mht,
      }),
    );
    expect(doc.blocks.filter((b) => b.kind !== 'table').map((b) => (b.kind === 'image' ? '' : b.text))).toEqual([
      '一、总体情况',
      '本年度主动公开信息。',
    ]);
    expect(doc.blocks.some((b) => b.kind === 'table')).toBe(true);
  });

  it('an RTF chunk is not read: a notice says so', () => {
    const doc = extractDocx(
      docx(`${p(run('正文'))}<w:altChunk r:id="r1"/>`, {
        'word/_rels/document.xml.rels': rels({ r1: 'chunk.rtf' }),
        'word/chunk.rtf': '{\\rtf1 x}',
      }),
    );
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: '正文', source: { line: 1 } }]);
    expect(doc.notices).toEqual([{ code: 'docx-altchunk', message: expect.stringContaining('word/chunk.rtf') }]);
  });
});

describe('DOCX from Word: hostile or broken XML', () => {
  it('a DOCTYPE (entity expansion) in document.xml is I-UNREADABLE, nothing is expanded', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${NS}><w:body>${p('<w:r><w:t>&b;</w:t></w:r>')}</w:body></w:document>`;
    const bomb = zipSync({ 'word/document.xml': strToU8(xml) });
    expect(problem(bomb).ruleId).toBe('I-UNREADABLE');
  });

  it('hostile nesting (100 000 levels of content controls) is I-UNREADABLE, not a stack overflow', () => {
    const deep = '<w:sdt><w:sdtContent>'.repeat(100_000) + p(run('x')) + '</w:sdtContent></w:sdt>'.repeat(100_000);
    expect(problem(docx(deep)).detail).toMatchObject({ reason: expect.stringMatching(/nested deeper/) });
  });

  it('a malformed styles.xml costs the heading styles, not the text', () => {
    const bytes = zipSync({
      'word/document.xml': strToU8(
        `<w:document ${NS}><w:body><w:p><w:pPr><w:pStyle w:val="1"/></w:pPr>${run('一、总体情况')}</w:p></w:body></w:document>`,
      ),
      'word/styles.xml': strToU8(
        `<w:styles ${NS}><w:style w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:styleId=2></w:style></w:styles>`,
      ),
    });
    expect(extractDocx(bytes).blocks).toEqual([{ kind: 'paragraph', text: '一、总体情况', source: { line: 1 } }]);
  });

  it('malformed XML (unclosed element, unknown entity) is I-UNREADABLE', () => {
    const broken = (xml: string): Uint8Array =>
      zipSync({ 'word/document.xml': strToU8(`<w:document ${NS}><w:body>${xml}</w:body></w:document>`) });
    expect(problem(broken('<w:p><w:r><w:t>x</w:t></w:r>')).detail).toMatchObject({
      reason: expect.stringMatching(/unexpected <\/w:body>/),
    });
    expect(problem(broken(p('<w:r><w:t>&nbsp;</w:t></w:r>'))).ruleId).toBe('I-UNREADABLE');
  });
});
