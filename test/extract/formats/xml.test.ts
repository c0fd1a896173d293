import { describe, expect, it } from 'vitest';
import { decodeEntities, parseXml, type XmlElement, XmlError, type XmlNode } from '../../../shared/extract/xml.ts';

/** A compact view of a tree: [name, attrs, ...children], text as strings. */
type View = string | [string, Record<string, string>, ...View[]];
function view(node: XmlNode): View {
  if (typeof node === 'string') return node;
  return [node.name, node.attrs, ...node.children.map(view)];
}
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function error(input: string | Uint8Array): XmlError {
  try {
    parseXml(input);
  } catch (e) {
    if (e instanceof XmlError) return e;
    throw e;
  }
  throw new Error('expected an XmlError');
}

describe('XML reader', () => {
  it('elements, attributes (either quote, > inside a value), self-closing tags, text', () => {
    const root = parseXml(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a x="1" y='a>b' z = "">t1<b/><c k="v">t2</c >t3</a>\n`,
    );
    expect(view(root)).toEqual(['a', { x: '1', y: 'a>b', z: '' }, 't1', ['b', {}], ['c', { k: 'v' }, 't2'], 't3']);
    expect(root.attr('y')).toBe('a>b');
    expect(root.attr('missing')).toBeUndefined();
    expect(root.child('c')?.text()).toBe('t2');
    expect(root.text()).toBe('t1t2t3');
  });

  it('the five predefined entities and character references, in text and attributes', () => {
    const root = parseXml('<a v="&lt;&amp;&quot;&apos;&gt;&#x4E00;">&lt;x&gt; &amp; &#20108;&#x1F600;&#9;</a>');
    expect(root.attr('v')).toBe(`<&"'>一`);
    expect(root.text()).toBe('<x> & 二😀\t');
    expect(decodeEntities('no entities')).toBe('no entities');
  });

  it('line ends in text, CDATA and attribute values read as LF (XML 1.0, 2.11); a CR written as a reference stays', () => {
    // found by the differential fuzzing against fast-xml-parser (xml-differential.test.ts)
    const root = parseXml('<a x="1\r\n2\r3">t\r\nu\rv<![CDATA[w\r\n]]>&#13;</a>');
    expect(root.attrs).toEqual({ x: '1\n2\n3' });
    expect(root.children).toEqual(['t\nu\nv', 'w\n', '\r']);
    expect(view(parseXml(utf8('<a>中\r\n文</a>')))).toEqual(['a', {}, '中\n文']);
  });

  it('only XML white space separates attributes and may stand outside the root element, not U+3000 or a no-break space', () => {
    // found by the differential fuzzing against fast-xml-parser (xml-differential.test.ts)
    expect(view(parseXml(' \t\r\n<a/>\n'))).toEqual(['a', {}]);
    expect(error('\u3000<a/>').message).toMatch(/text outside the root element/);
    expect(error('<a/>\u00a0').message).toMatch(/text outside the root element/);
    expect(() => parseXml('<a\t\u3000 x="1"/>').attrs).toThrow(/malformed attribute/);
    expect(parseXml('<a\t\r\n x = "1"\ny=\'2\'/>').attrs).toEqual({ x: '1', y: '2' });
  });

  it('CDATA is text, comments and processing instructions are dropped', () => {
    const root = parseXml('<!-- before --><a><![CDATA[<w:t>&amp;</w:t>]]><!-- <b/> --><?pi data?>x</a>');
    expect(view(root)).toEqual(['a', {}, '<w:t>&amp;</w:t>', 'x']);
  });

  it('refuses any DOCTYPE or entity declaration, so no entity is ever expanded', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><a>&lol2;</a>`;
    expect(error(laughs).message).toMatch(/declarations/);
    expect(error('<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>').message).toMatch(/declarations/);
    expect(error('<a>&lol;</a>').message).toMatch(/unknown entity &lol;/);
    expect(error('<a>&nbsp;</a>').message).toMatch(/unknown entity/);
    expect(error('<a>&x</a>').message).toMatch(/unterminated entity/);
    expect(() => parseXml('<a v="&lol;"/>').attrs).toThrow(/unknown entity/); // attributes: when read
    expect(error('<a>&#0;</a>').message).toMatch(/unknown entity/);
    expect(error('<a>&#xD800;</a>').message).toMatch(/unknown entity/);
  });

  it('refuses malformed documents', () => {
    expect(error('<a><b></a>').message).toMatch(/unexpected <\/a>/);
    expect(error('<a><b>').message).toMatch(/unclosed <b>/);
    expect(error('<a/><b/>').message).toMatch(/second root/);
    expect(error('text<a/>').message).toMatch(/outside the root/);
    expect(error('').message).toMatch(/no root/);
    expect(error('<a x="1/>').message).toMatch(/unterminated tag/);
    expect(error('<a <b/>').message).toMatch(/inside a tag/);
    expect(() => parseXml('<a x="1" x="2"/>').attrs).toThrow(/duplicate attribute/);
    expect(() => parseXml('<a x=1/>').attrs).toThrow(/malformed attribute/);
  });

  it('refuses nesting deeper than maxDepth (readers of the tree recurse)', () => {
    const deep = (n: number): string => '<a>'.repeat(n) + '</a>'.repeat(n);
    expect(parseXml(deep(1000)).name).toBe('a');
    expect(error(deep(1001)).message).toMatch(/nested deeper than 1000/);
    expect(() => parseXml(deep(11), { maxDepth: 10 })).toThrow(/nested deeper than 10/);
  });

  it('skips whole subtrees, nested elements of the same name included', () => {
    const skip = new Set(['s']);
    const root = parseXml('<a><s k="1">x<s>y</s><t/><s/></s>z<s/><s >w</s ><st>kept</st></a>', { skip });
    expect(view(root)).toEqual(['a', {}, 'z', ['st', {}, 'kept']]);
    expect(() => parseXml('<a><s>x</a>', { skip })).toThrow(XmlError);
  });

  it('reads UTF-8 bytes (BOM dropped; non-ASCII text, attribute values and names decoded)', () => {
    const root = parseXml(utf8('\ufeff<文档 名="年度报告"><w:t>政府信息公开 2022</w:t><文档/></文档>'));
    expect(root.name).toBe('文档');
    expect(root.attr('名')).toBe('年度报告');
    expect(view(root)).toEqual(['文档', { 名: '年度报告' }, ['w:t', {}, '政府信息公开 2022'], ['文档', {}]]);
  });

  it('reads UTF-16 bytes with a byte order mark', () => {
    const text = '<a v="值">文本</a>';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(le.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    const root: XmlElement = parseXml(le);
    expect(root.attr('v')).toBe('值');
    expect(root.text()).toBe('文本');
  });
});
