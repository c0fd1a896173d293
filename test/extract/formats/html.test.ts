import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../shared/extract/html.ts';
import type { Block, TableBlock } from '../../../shared/report/model.ts';
import { DocumentSchema } from '../../../shared/report/model.ts';
import { input, utf8 } from './fixtures.ts';

const page = (body: string, head = '<meta charset="utf-8"><title>年报</title>'): Uint8Array =>
  utf8(`<!DOCTYPE html>\n<html>\n<head>${head}</head>\n<body>\n${body}\n</body>\n</html>\n`);

function tables(blocks: Block[]): TableBlock[] {
  return blocks.filter((b): b is TableBlock => b.kind === 'table');
}
/** Grid as text, span cells prefixed with ~. */
function grid(t: TableBlock): string[][] {
  return t.rows.map((r) => r.map((c) => (c.span ? `~${c.text}` : c.text)));
}

describe('HTML tables → rectangular grids', () => {
  it('expands rowspan and colspan, marking copies as span', () => {
    const doc = extractHtml(
      page(`<table>
<tr><td rowspan="2" colspan="2">说明</td><td colspan="2">申请人情况</td></tr>
<tr><td>自然人</td><td>总计</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>3</td><td>3</td></tr>
<tr><td>（二）部分公开</td><td>1</td><td>1</td></tr>
</table>`),
    );
    expect(grid(tables(doc.blocks)[0]!)).toEqual([
      ['说明', '~说明', '申请人情况', '~申请人情况'],
      ['~说明', '~说明', '自然人', '总计'],
      ['三、本年度办理结果', '（一）予以公开', '3', '3'],
      ['~三、本年度办理结果', '（二）部分公开', '1', '1'],
    ]);
  });

  it('pads rows whose colspans do not add up with empty span cells', () => {
    const doc = extractHtml(
      page(`<table>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td></tr>
<tr><td>规章</td><td colspan="9">0</td></tr>
</table>`),
    );
    const g = tables(doc.blocks)[0]!;
    expect(g.rows.every((r) => r.length === 10)).toBe(true);
    expect(grid(g)[1]).toEqual(['信息内容', '本年制发件数', '~', '~', '~', '~', '~', '~', '~', '~']);
    expect(grid(g)[2]!.slice(0, 3)).toEqual(['规章', '0', '~0']);
  });

  it('R1 pattern: header and data rows of one sub-table with different colspans keep their own cells', () => {
    const doc = extractHtml(
      page(`<table>
<tr><td colspan="5">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td><td>处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="2">0</td><td>3</td><td>7</td></tr>
</table>`),
    );
    const g = tables(doc.blocks)[0]!;
    expect(grid(g)).toEqual([
      ['第二十条第（五）项', '~第二十条第（五）项', '~第二十条第（五）项', '~第二十条第（五）项', '~第二十条第（五）项'],
      ['信息内容', '上一年项目数量', '本年增/减', '~本年增/减', '处理决定数量'],
      ['行政许可', '0', '~0', '3', '7'],
    ]);
    // in reading order, the cells without span are the values of the sub-table row
    expect(g.rows[2]!.filter((c) => !c.span).map((c) => c.text)).toEqual(['行政许可', '0', '3', '7']);
  });

  it('clips a rowspan that runs past the table and ignores nonsense spans', () => {
    const doc = extractHtml(
      page(`<table>
<tr><td rowspan="50">甲</td><td colspan="0">乙</td><td colspan="x">丙</td></tr>
<tr><td>丁</td><td>戊</td></tr>
</table>`),
    );
    expect(grid(tables(doc.blocks)[0]!)).toEqual([
      ['甲', '乙', '丙'],
      ['~甲', '丁', '戊'],
    ]);
  });

  it('&nbsp; cells are blank (text ""), <br> inside a cell is a space, and the cell is not a span', () => {
    const doc = extractHtml(page('<table><tr><td>本年新<br/>制作数量</td><td>&nbsp;</td><td> / </td></tr></table>'));
    const row = tables(doc.blocks)[0]!.rows[0]!;
    expect(row.map((c) => c.text)).toEqual(['本年新 制作数量', '', '/']);
    expect(row[1]!.span).toBeUndefined();
  });

  it('hidden rows and cells (display:none, hidden) are not part of the grid', () => {
    const doc = extractHtml(
      page(`<table>
<tr><td>信息内容</td><td>本年制发件数</td><td style='display:none' rowspan=2>校验</td></tr>
<tr><td>规章</td><td>0</td></tr>
<tr style="display: none"><td>隐藏行</td><td>9</td></tr>
<tr><td>规范性文件</td><td>2</td><td hidden>0</td></tr>
</table>`),
    );
    expect(grid(tables(doc.blocks)[0]!)).toEqual([
      ['信息内容', '本年制发件数'],
      ['规章', '0'],
      ['规范性文件', '2'],
    ]);
  });

  it('source.line is the line of the element start tag', () => {
    const doc = extractHtml(page('<p>前言</p>\n<table>\n<tr>\n<td>规章</td>\n<td>0</td></tr></table>'));
    const t = tables(doc.blocks)[0]!;
    expect(t.source.line).toBe(6);
    expect(t.rows[0]!.map((c) => c.source?.line)).toEqual([8, 9]);
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', text: '前言', source: { line: 5 } });
  });

  it('a note written in a table outside any cell comes before the table (as a browser shows it); unclosed cells and rows', () => {
    const doc = extractHtml(
      page(`<TABLE border=1>
<TR><TD>信息内容<TD>本年新制作数量
<TR><TD>规章<TD>3</TR>
注：数据截至12月31日
</TABLE>
<p>后文`),
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '注：数据截至12月31日' });
    expect(grid(tables(doc.blocks)[0]!)).toEqual([
      ['信息内容', '本年新制作数量'],
      ['规章', '3'],
    ]);
  });

  it('a layout table around the article is read as flow, its inner table as data', () => {
    const doc = extractHtml(
      page(`<table width="100%"><tr><td>
<h2>二、主动公开政府信息情况</h2>
<table><tr><td>行政许可</td><td>179</td></tr></table>
</td></tr></table>`),
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'table']);
    expect(grid(tables(doc.blocks)[0]!)).toEqual([['行政许可', '179']]);
  });
});

describe('HTML blocks', () => {
  it('headings, paragraphs, images and the title; scripts, styles and nav chrome ignored', () => {
    const doc = extractHtml(
      page(
        `<div class="nav">首页 &gt; 政务公开</div>
<nav>导航</nav>
<script>document.write("统计")</script>
<div class="article">
<h1>某局2022年政府信息公开工作年度报告</h1>
<p><strong>一、总体情况</strong></p>
<p>2022年，我局……<br>全年主动公开信息100条。</p>
<div>二、主动公开政府信息情况</div>
<p><img src="t2.png" alt="表二"></p>
</div>
<div id="footer">网站标识码</div>
<div style="display: none">隐藏的统计文字</div>`,
        '<meta charset="utf-8"><title>年报页面</title><style>p{color:red}</style>',
      ),
    );
    expect(DocumentSchema.parse(doc)).toBeTruthy();
    expect(doc.title).toBe('年报页面');
    expect(
      doc.blocks.map((b) => [b.kind, 'text' in b ? b.text : 'alt' in b ? b.alt : undefined, 'level' in b ? b.level : undefined]),
    ).toEqual([
      ['heading', '某局2022年政府信息公开工作年度报告', 1],
      ['heading', '一、总体情况', undefined],
      ['paragraph', '2022年，我局……', undefined],
      ['paragraph', '全年主动公开信息100条。', undefined],
      ['paragraph', '二、主动公开政府信息情况', undefined],
      ['image', '表二', undefined],
    ]);
  });

  it('an article’s own <header> (its title) is read; the site’s <header> and <footer> are not', () => {
    const doc = extractHtml(
      page(`<header class="site">某市人民政府门户网站</header>
<main><article>
<header class="article-header"><h1 class="article-title">某局2022年政府信息公开工作年度报告</h1><div>发布时间：2023-01-20</div></header>
<p>一、总体情况</p>
</article></main>
<footer>主办单位：某市人民政府办公室</footer>`),
    );
    expect(doc.blocks.map((b) => ('text' in b ? b.text : b.kind))).toEqual([
      '某局2022年政府信息公开工作年度报告',
      '发布时间：2023-01-20',
      '一、总体情况',
    ]);
  });
});

describe('HTML robustness', () => {
  it('deeply nested unclosed inline elements (as broken generators write them) do not overflow the stack', () => {
    const doc = extractHtml(page(`<p>${'<font size=3>字'.repeat(100000)}</p><p>后文</p>`));
    expect(doc.blocks).toHaveLength(2);
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '字'.repeat(100000) });
    expect(doc.blocks[1]).toMatchObject({ kind: 'paragraph', text: '后文' });
  });

  it('many blocks on one line: source lines stay cheap to find', () => {
    const doc = extractHtml(page('<p>段</p>'.repeat(50000)));
    expect(doc.blocks).toHaveLength(50000);
    expect(doc.blocks.at(-1)).toEqual({ kind: 'paragraph', text: '段', source: { line: 5 } });
  });
});

describe('HTML charset', () => {
  it('the GBK page (meta gb2312) decodes as gb18030', () => {
    const doc = extractHtml(input('gbk-page.html'));
    expect(doc.encoding).toBe('gb18030');
    expect(doc.title).toBe('黑龙江省工业和信息化厅2022年度政府信息公开工作报告');
    expect(doc.blocks.some((b) => b.kind === 'heading' && b.text === '三、收到和处理政府信息公开申请情况')).toBe(true);
    expect(tables(doc.blocks)).toHaveLength(3);
  });

  it('GBK bytes without any declaration are detected from the content', () => {
    // “总体情况” in GBK
    const gbk = new Uint8Array([0x3c, 0x70, 0x3e, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6, 0x3c, 0x2f, 0x70, 0x3e]);
    const doc = extractHtml(gbk);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '总体情况' });
  });

  it('a UTF-8 BOM wins over a wrong meta declaration', () => {
    const doc = extractHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<meta charset="gbk"><p>总体情况</p>')]));
    expect(doc.encoding).toBe('utf-8');
    expect(doc.blocks[0]).toMatchObject({ text: '总体情况' });
  });

  it('UTF-8 decodes to the same text as TextDecoder: CJK, astral characters, ASCII; invalid UTF-8 is GB18030', async () => {
    const { decodeHtml } = await import('../../../shared/extract/html-charset.ts');
    const text = `<p>总体情况 𠮷😀 é ${'数据'.repeat(5000)} end</p>`;
    const bytes = utf8(text);
    expect(decodeHtml(bytes)).toEqual({ text, encoding: 'utf-8', basis: 'content' });
    // a view into a larger buffer (byteOffset 3): 总体情况 𠮷
    expect(decodeHtml(bytes.subarray(3, 20)).text).toBe('总体情况 𠮷');
    expect(decodeHtml(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', basis: 'content' });
    expect(decodeHtml(new Uint8Array([0x61, 0xe6, 0x80])).encoding).toBe('gb18030'); // a cut-off UTF-8 sequence
  });

  it('UTF-8 content under a stale gb2312 declaration is read as UTF-8, with a notice', () => {
    const doc = extractHtml(utf8('<META http-equiv=Content-Type content="text/html; charset=gb2312"><p>总体情况</p>'));
    expect(doc.encoding).toBe('utf-8');
    expect(doc.blocks[0]).toMatchObject({ text: '总体情况' });
    expect(doc.notices.map((n) => n.code)).toEqual(['encoding', 'encoding-mismatch']);
    expect(doc.notices[1]!.message).toBe('网页声明的编码（gb2312）与内容不符，已按 utf-8 读取。');
    // ASCII-only content under the same meta: nothing contradicts it
    expect(extractHtml(utf8('<meta charset="gb2312"><p>2022</p>')).encoding).toBe('gb18030');
  });

  it('http-equiv content-type charset is read', () => {
    const doc = extractHtml(utf8('<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><p>总体情况</p>'));
    expect(doc.encoding).toBe('utf-8');
    expect(doc.notices[0]!.message).toContain('meta');
  });
});
