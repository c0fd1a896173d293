import { describe, expect, it } from 'vitest';
import { VOID } from '../../../shared/extract/html-elements.ts';
import { getAttribute, type HtmlElement, type HtmlNode, parseHtml } from '../../../shared/extract/html-parse.ts';

/** The tree as markup: every element closed where the tree closes it, attributes left out. */
function show(node: HtmlNode): string {
  if (node.type === 'text') return node.data;
  const inner = node.children.map(show).join('');
  if (node.name === '#document') return inner;
  return (node.flags & VOID) !== 0 ? `<${node.name}>` : `<${node.name}>${inner}</${node.name}>`;
}
const tree = (html: string): string => show(parseHtml(html));

function find(node: HtmlNode, name: string): HtmlElement | undefined {
  if (node.type === 'text') return undefined;
  if (node.name === name) return node;
  for (const child of node.children) {
    const hit = find(child, name);
    if (hit) return hit;
  }
  return undefined;
}

describe('parseHtml: tokens', () => {
  it('lowercases tag and attribute names; reads quoted, unquoted and valueless attributes; the first duplicate wins', () => {
    const doc = parseHtml(`<TD ColSpan=3 ROWSPAN = "2" class='a b' nowrap data-x=1 colspan="9">x</TD>`);
    const td = find(doc, 'td')!;
    expect(td.attrs).toEqual(['colspan', '3', 'rowspan', '2', 'class', 'a b', 'nowrap', '', 'data-x', '1']);
    expect(getAttribute(td, 'nowrap')).toBe('');
    expect(getAttribute(td, 'style')).toBeUndefined();
    expect(show(doc)).toBe('<td>x</td>');
  });

  it('decodes named, numeric and legacy (no semicolon) character references in text and attributes', () => {
    expect(tree('a&nbsp;b&amp;c&lt;d&gt;e&quot;&#20013;&#x6587;&hellip;&copy 2021 &nbsp&amp')).toBe('a\u00a0b&c<d>e"中文…© 2021 \u00a0&');
    expect(tree('&unknown; &')).toBe('&unknown; &');
    const img = find(parseHtml('<img alt="表&nbsp;二 &amp; 三" src="a.png?x=1&copy=2">'), 'img')!;
    expect(getAttribute(img, 'alt')).toBe('表\u00a0二 & 三');
    // in an attribute a legacy reference followed by "=" stays as written, as browsers keep URLs
    expect(getAttribute(img, 'src')).toBe('a.png?x=1&copy=2');
  });

  it('drops comments, doctypes, processing instructions, CDATA and bogus comments', () => {
    // CDATA outside svg/math is a bogus comment up to the first ">", as in browsers
    expect(tree('<!DOCTYPE html><?xml version="1.0"?><p>a<!-- x <p> y -->b<!---->c<!-->d<![CDATA[e>f]]>g</p>')).toBe('<p>abcdf]]>g</p>');
    expect(tree('<p>a</ >b</>c</p>')).toBe('<p>abc</p>');
    expect(tree('<p>a<!-- x -- y --!>b<!-- never closed <p>c')).toBe('<p>ab</p>');
  });

  it('Word conditional comments: downlevel-hidden blocks vanish, downlevel-revealed content stays', () => {
    const html = `<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<p class=MsoNormal><![if !supportLists]><span>1.<span>&nbsp;&nbsp;</span></span><![endif]>总体情况<o:p></o:p></p>`;
    expect(tree(html)).toBe('\n<p><span>1.<span>\u00a0\u00a0</span></span>总体情况<o:p></o:p></p>');
  });

  it('raw text: script, style, textarea and title end only at their own end tag, in any case', () => {
    expect(tree('<script>if (a</b) document.write("<p>x</p>")</SCRIPT ><p>y</p>')).toBe(
      '<script>if (a</b) document.write("<p>x</p>")</script><p>y</p>',
    );
    expect(tree('<style>p>b{}</style><title>年报 &amp; <b>附件</b></title>')).toBe('<style>p>b{}</style><title>年报 & <b>附件</b></title>');
    expect(tree('<textarea><p>&lt;</textarea>z')).toBe('<textarea><p><</textarea>z');
    expect(tree('<script>never closed <p>x')).toBe('<script>never closed <p>x</script>');
  });

  it('a "<" that starts no tag is text; a tag cut off by the end of the input is dropped', () => {
    expect(tree('<p>1 < 2 <3 <</p>')).toBe('<p>1 < 2 <3 <</p>');
    expect(tree('<p>a</p><div class="x')).toBe('<p>a</p>');
  });

  it('keeps the offset of each start tag and of each text', () => {
    const html = '<p>\n<B>一</B>\n</p>';
    const p = find(parseHtml(html), 'p')!;
    const b = find(p, 'b')!;
    expect([p.start, b.start]).toEqual([0, 4]);
    expect(p.children.map((c) => c.start)).toEqual([3, 4, 12]);
  });
});

describe('parseHtml: tree building', () => {
  it('void elements take no children; "/>" closes only svg / math elements', () => {
    expect(tree('<p>a<br>b<img src=x>c<hr/>d</p>')).toBe('<p>a<br>b<img>c</p><hr>d<p></p>');
    expect(tree('<div/>x</div><svg><path/><g/>y</svg>')).toBe('<div>x</div><svg><path></path><g></g>y</svg>');
  });

  it('p is closed by a block start; unclosed p, li, dt and dd close each other', () => {
    expect(tree('<p>a<div>b</div><p>c<p>d<table><tr><td>e</td></tr></table>')).toBe(
      '<p>a</p><div>b</div><p>c</p><p>d</p><table><tr><td>e</td></tr></table>',
    );
    expect(tree('<ul><li>a<li>b<ul><li>c</ul><li>d</ul>')).toBe('<ul><li>a</li><li>b<ul><li>c</li></ul></li><li>d</li></ul>');
    expect(tree('<dl><dt>a<dd>b<dt>c</dl>')).toBe('<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>');
    expect(tree('<h1>a<h2>b</h2>')).toBe('<h1>a</h1><h2>b</h2>');
    expect(tree('<select><option>a<option>b<optgroup><option>c</select>')).toBe(
      '<select><option>a</option><option>b</option><optgroup><option>c</option></optgroup></select>',
    );
  });

  it('unclosed td, th and tr are closed by the next cell or row, sections by the next section', () => {
    expect(tree('<table><tr><td>1<td><span>2<th>3<tr><td>4</table>x')).toBe(
      '<table><tr><td>1</td><td><span>2</span></td><th>3</th></tr><tr><td>4</td></tr></table>x',
    );
    expect(tree('<table><thead><tr><td>h<tbody><tr><td>1<tfoot><tr><td>f</table>')).toBe(
      '<table><thead><tr><td>h</td></tr></thead><tbody><tr><td>1</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>',
    );
  });

  it('a cell right inside a table or a section gets an implied row; whitespace between table parts is dropped', () => {
    const doc = parseHtml('<table>\n  <td>a</td>\n  <td>b</td>\n</table>');
    expect(show(doc)).toBe('<table><tr><td>a</td><td>b</td></tr></table>');
    expect(find(doc, 'tr')!.start).toBe(10);
  });

  it('layout tables: a table in a cell nests; a table right in a table closes the open one', () => {
    expect(tree('<table><tr><td><table><tr><td>in</table>out</td></tr></table>')).toBe(
      '<table><tr><td><table><tr><td>in</td></tr></table>out</td></tr></table>',
    );
    expect(tree('<table><tr><td>a</td></tr><table><tr><td>b</td></tr></table>')).toBe(
      '<table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table>',
    );
  });

  it('content misplaced in a table outside any cell is put before the table, as browsers do', () => {
    expect(tree('<div><table><tr><td>a</td></tr>注：单位为件<tr><td>b</td></tr></table></div>')).toBe(
      '<div>注：单位为件<table><tr><td>a</td></tr><tr><td>b</td></tr></table></div>',
    );
    // a fostered element takes the content that follows it until table structure comes again
    expect(tree('<p>前文</p><table><tr><td>a</td></tr><p>说明<b>一</b><tr><td>b</table>')).toBe(
      '<p>前文</p><p>说明<b>一</b></p><table><tr><td>a</td></tr><tr><td>b</td></tr></table>',
    );
    expect(tree('<table><colgroup><col><col></colgroup><tr><td>a<td>b</tr><img src=x></table>')).toBe(
      '<img><table><colgroup><col><col></colgroup><tr><td>a</td><td>b</td></tr></table>',
    );
    expect(tree('<table><colgroup><col><tr><td>a</table>')).toBe('<table><colgroup><col></colgroup><tr><td>a</td></tr></table>');
  });

  it('stray end tags are ignored: none closes across a cell, an inline end tag none across a block', () => {
    expect(tree('<div><table><tr><td>a</div>b</td><td>c</td></tr></table></div>')).toBe(
      '<div><table><tr><td>ab</td><td>c</td></tr></table></div>',
    );
    expect(tree('<p><span>a<div>b</span>c</div>')).toBe('<p><span>a</span></p><div>bc</div>');
    expect(tree('<b>a<i>b</b>c')).toBe('<b>a<i>b</i></b>c');
    expect(tree('a</span></td></tr></table></ul>b')).toBe('ab');
  });

  it('`</p>` with no open p is an empty p, `</br>` a br; content after </body> stays in the body', () => {
    expect(tree('<div>a</p>b</br>c</div>')).toBe('<div>a<p></p>b<br>c</div>');
    expect(tree('<html><body><p>a</p></body></html><p>b</p>')).toBe('<html><body><p>a</p><p>b</p></body></html>');
  });

  it('an unclosed <head> ends at the first body content; a second <body> or <html> is ignored', () => {
    expect(tree('<html><head><meta charset=utf-8><title>t</title><p>正文')).toBe(
      '<html><head><meta><title>t</title></head><p>正文</p></html>',
    );
    expect(tree('<head><title>t</title>\n正文')).toBe('<head><title>t</title></head>\n正文');
    expect(tree('<body><div><body>a</div>')).toBe('<body><div>a</div></body>');
  });

  it('caps the depth of the tree at 512, as browsers do, so that hostile nesting stays cheap to build and to walk', () => {
    let depth = 0;
    for (let node: HtmlNode | undefined = parseHtml('<font>字'.repeat(5000)); node?.type === 'element'; depth++) {
      node = node.children.at(-1);
    }
    expect(depth).toBe(1 + 512); // #document and 512 nested elements (then the last text)
    // Every </i> searches the open elements: bounded by the depth cap (the test timeout guards a hang).
    const unmatched = parseHtml(`${'<b>'.repeat(20000)}x${'</i>'.repeat(20000)}`);
    let deepest = 0;
    for (let node: HtmlNode | undefined = unmatched; node?.type === 'element'; deepest++) node = node.children.at(-1);
    expect(deepest).toBe(1 + 512);
  }, 10_000);

  it('uppercase and mixed-case markup as old CMS pages write it', () => {
    expect(tree('<TABLE><TR><TD>a<TD>b</TABLE><P>c<BR>d</P>')).toBe('<table><tr><td>a</td><td>b</td></tr></table><p>c<br>d</p>');
  });

  it('Word "Save as HTML": o:p, spans and unclosed cells inside a layout table', () => {
    const html = `<table class=MsoNormalTable border=1><tr><td width=100><p class=MsoNormal><span lang=EN-US>12<o:p></o:p></span></p>
<td><p class=MsoNormal><b><span>总计</span></b><o:p></o:p></td></tr></table>`;
    expect(tree(html)).toBe(
      '<table><tr><td><p><span>12<o:p></o:p></span></p>\n</td><td><p><b><span>总计</span></b><o:p></o:p></p></td></tr></table>',
    );
  });
});

// The differential check against htmlparser2 (fixtures and fuzzed mutations): html-differential.test.ts
