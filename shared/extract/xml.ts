/**
 * A small, strict XML reader for the parts of Office packages (word/document.xml, styles.xml,
 * core.xml). It builds a light tree: elements with their children, text as plain strings.
 *
 * What it reads: elements, attributes, self-closing tags, text with the five predefined entities
 * and numeric character references, CDATA (as text), line ends (CR LF, CR) read as LF as XML
 * requires; comments and processing instructions are
 * dropped. What it refuses (XmlError): any `<!DOCTYPE` or other declaration — so no DTD and no
 * custom entity is ever expanded (no entity-expansion bombs, no external entities) — unknown
 * entities, mismatched or unclosed tags, markup outside the root element.
 *
 * Speed: tags are found with indexOf; attributes are kept as their source text and only parsed
 * when asked for (most are never read); the subtrees named in `skip` are stepped over without
 * building anything (they end at the first matching close tag at their own nesting depth: a
 * comment or CDATA inside a skipped subtree that spells that close tag would end it early).
 */
import { Buffer } from 'node:buffer';
import { EXTRACT_LIMITS, overLimit } from './limits.ts';

export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at ${offset}`);
    this.name = 'XmlError';
  }
}

export type XmlNode = XmlElement | string;

/** The children of every empty element (shared: nothing is ever added to it). */
const NO_CHILDREN: readonly XmlNode[] = Object.freeze([]);

export class XmlElement {
  private parsed: Record<string, string> | undefined;
  constructor(
    readonly name: string,
    readonly children: readonly XmlNode[],
    /** The document; the attributes are its characters `from`–`to` (sliced when asked for). */
    private readonly source: string,
    private readonly from: number,
    private readonly to: number,
    /** Whether `source` holds UTF-8 bytes as Latin-1 characters (parsed from bytes). */
    private readonly bytes: boolean,
  ) {}

  /** All attributes (parsed on first use; malformed attribute syntax throws XmlError). */
  get attrs(): Record<string, string> {
    if (!this.parsed) {
      const raw = this.source.slice(this.from, this.to);
      this.parsed = parseAttributes(this.bytes ? utf8(raw) : raw, this.from);
    }
    return this.parsed;
  }

  attr(name: string): string | undefined {
    if (this.to === this.from) return undefined;
    return this.attrs[name];
  }

  /** The first child element with this name. */
  child(name: string): XmlElement | undefined {
    for (const c of this.children) if (typeof c !== 'string' && c.name === name) return c;
    return undefined;
  }

  /** The concatenated text of all descendants. */
  text(): string {
    let out = '';
    for (const c of this.children) out += typeof c === 'string' ? c : c.text();
    return out;
  }
}

export interface XmlOptions {
  /** Element names whose whole subtree (the element included) is dropped unread. */
  skip?: ReadonlySet<string>;
  /** Deepest element nesting accepted (readers of the tree recurse); default 1000. */
  maxDepth?: number;
  /** Most elements built (skipped subtrees not counted); more is an I-UNREADABLE InputProblem. Default in limits.ts. */
  maxElements?: number;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces the predefined entities and character references; anything else is an error. */
export function decodeEntities(text: string, offset = 0): string {
  let amp = text.indexOf('&');
  if (amp === -1) return text;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    const semi = text.indexOf(';', amp + 1);
    if (semi === -1 || semi - amp > 12) throw new XmlError('unterminated entity', offset + amp);
    const name = text.slice(amp + 1, semi);
    let value = ENTITIES[name];
    if (value === undefined) {
      const hex = /^#x([0-9a-fA-F]{1,6})$/.exec(name);
      const dec = hex ? null : /^#([0-9]{1,7})$/.exec(name);
      const code = hex ? parseInt(hex[1]!, 16) : dec ? Number(dec[1]) : -1;
      const valid = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff));
      if (!valid) throw new XmlError(`unknown entity &${name};`, offset + amp);
      value = String.fromCodePoint(code);
    }
    out += text.slice(from, amp) + value;
    from = semi + 1;
    amp = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

/** XML's end-of-line handling (XML 1.0, 2.11): CR LF and a lone CR read as LF, before references are decoded. */
function newlines(raw: string): string {
  return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
}

/** Whether a Latin-1 string holds a byte ≥ 0x80 (then it is UTF-8 to decode). */
function hasHighByte(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) >= 0x80) return true;
  return false;
}
/** UTF-8 bytes held as Latin-1 characters → the text they encode. */
function utf8(latin1: string): string {
  return hasHighByte(latin1) ? Buffer.from(latin1, 'latin1').toString('utf8') : latin1;
}

function isNameEnd(c: number): boolean {
  // whitespace, '/', '>'
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 47 || c === 62;
}

/** One attribute (name="value" or 'value') or XML white space (not \s: no U+3000), from lastIndex (sticky). */
const ATTRIBUTE = /[ \t\r\n]*([^ \t\r\n=/>"']+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<]*)"|'([^'<]*)')|[ \t\r\n]+/y;

function parseAttributes(raw: string, offset: number): Record<string, string> {
  const attrs: Record<string, string> = {};
  let at = 0;
  while (at < raw.length) {
    ATTRIBUTE.lastIndex = at;
    const m = ATTRIBUTE.exec(raw);
    if (!m) throw new XmlError('malformed attribute', offset + at);
    if (m[1] !== undefined) {
      if (Object.hasOwn(attrs, m[1])) throw new XmlError(`duplicate attribute ${m[1]}`, offset + at);
      attrs[m[1]] = decodeEntities(newlines(m[2] ?? m[3] ?? ''), offset + at);
    }
    at = ATTRIBUTE.lastIndex;
  }
  return attrs;
}

/** End of the start tag that begins at `from` (index of its '>'), stepping over quoted values. */
function tagEnd(xml: string, from: number): number {
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const close = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close === -1) break;
      i = close;
    } else if (c === 60) throw new XmlError('"<" inside a tag', i);
  }
  throw new XmlError('unterminated tag', from);
}

/** Index just past the close tag of the element `name` whose start tag ends at `from`. */
function skipSubtree(xml: string, name: string, from: number): number {
  const open = `<${name}`;
  const close = `</${name}`;
  let depth = 1;
  let at = from;
  for (;;) {
    let c = xml.indexOf(close, at);
    while (c !== -1 && !isNameEnd(xml.charCodeAt(c + close.length))) c = xml.indexOf(close, c + close.length);
    if (c === -1) throw new XmlError(`unclosed <${name}>`, from);
    // nested elements of the same name before this close tag (looking back from it first: a
    // forward search could run far past it, to the next element of that name)
    const last = xml.lastIndexOf(open, c);
    if (last >= at) {
      for (let o = xml.indexOf(open, at); o !== -1 && o < c; o = xml.indexOf(open, o + open.length)) {
        if (!isNameEnd(xml.charCodeAt(o + open.length))) continue;
        const end = tagEnd(xml, o + open.length);
        if (xml.charCodeAt(end - 1) !== 47) depth++;
      }
    }
    depth--;
    const end = xml.indexOf('>', c + close.length);
    if (end === -1) throw new XmlError(`unclosed <${name}>`, from);
    if (depth === 0) return end + 1;
    at = end + 1;
  }
}

/**
 * Parses a whole document; returns its root element. Bytes are UTF-8 (a UTF-8 BOM is dropped) or
 * UTF-16 with a BOM. UTF-8 is not decoded as a whole: the markup is read as Latin-1 (one character
 * per byte, fast) and only text, attribute values and names holding non-ASCII bytes are decoded —
 * decoding a whole part costs more than parsing it when it mixes ASCII markup with CJK text.
 */
export function parseXml(input: string | Uint8Array, options: XmlOptions = {}): XmlElement {
  if (typeof input === 'string') return parse(input, undefined, options);
  if (input[0] === 0xff && input[1] === 0xfe) return parse(new TextDecoder('utf-16le').decode(input), undefined, options);
  if (input[0] === 0xfe && input[1] === 0xff) return parse(new TextDecoder('utf-16be').decode(input), undefined, options);
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  return parse(bytes.toString('latin1', bom), bytes.subarray(bom), options);
}

/** Whether `xml` holds `name` at `at` (a character loop: cheaper than startsWith at an offset). */
function sameAt(xml: string, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (xml.charCodeAt(at + i) !== name.charCodeAt(i)) return false;
  return true;
}

/**
 * Element names seen so far, bucketed by length and last character: a name is matched in place
 * (no string made, no hashing) and the same string object is reused, with whether it is skipped.
 */
class Names {
  private readonly buckets = new Map<number, { name: string; skip: boolean }[]>();
  constructor(
    private readonly skip: ReadonlySet<string> | undefined,
    private readonly slice: (from: number, to: number) => string,
  ) {}

  get(xml: string, from: number, to: number): { name: string; skip: boolean } {
    const key = ((to - from) << 16) | xml.charCodeAt(to - 1);
    let bucket = this.buckets.get(key);
    if (bucket) {
      for (const entry of bucket) if (sameAt(xml, from, entry.name)) return entry;
    } else this.buckets.set(key, (bucket = []));
    const name = this.slice(from, to);
    const entry = { name, skip: this.skip?.has(name) ?? false };
    // a name with non-ASCII bytes is not the same length decoded: never matched in place
    if (name.length === to - from) bucket.push(entry);
    return entry;
  }
}

/**
 * `bytes`: the UTF-8 bytes that `xml` holds as Latin-1 characters, if it was read so.
 * Long on purpose (docs/decisions/): one tokenizer loop, its states inline
 * (docs/decisions/xml-reader.md).
 */
function parse(xml: string, bytes: Buffer | undefined, options: XmlOptions): XmlElement {
  const slice = bytes
    ? (from: number, to: number): string => (hasHighByte(xml, from, to) ? bytes.toString('utf8', from, to) : xml.slice(from, to))
    : (from: number, to: number): string => xml.slice(from, to);
  const names = new Names(options.skip, slice);
  const maxDepth = options.maxDepth ?? 1000;
  const maxElements = options.maxElements ?? EXTRACT_LIMITS.maxElements;
  let elements = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let at = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const outside = (text: string, offset: number): void => {
    // XML's white space only (String#trim also drops U+3000 and other Unicode spaces)
    if (/[^ \t\r\n]/.test(text)) throw new XmlError('text outside the root element', offset);
  };
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > at) {
      const text = slice(at, textEnd);
      const parent = stack[stack.length - 1];
      if (parent) (parent.children as XmlNode[]).push(decodeEntities(newlines(text), at));
      else outside(text, at);
    }
    if (lt === -1) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 47) {
      // </name>
      const end = xml.indexOf('>', lt + 2);
      if (end === -1) throw new XmlError('unterminated close tag', lt);
      const top = stack.pop();
      // the usual case compared in place: exactly the open element's name (ASCII)
      if (!top || end - lt - 2 !== top.name.length || !sameAt(xml, lt + 2, top.name)) {
        const name = slice(lt + 2, end).trimEnd();
        if (!top || top.name !== name) throw new XmlError(`unexpected </${name}>`, lt);
      }
      at = end + 1;
    } else if (c === 33) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) throw new XmlError('unterminated comment', lt);
        at = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) throw new XmlError('unterminated CDATA', lt);
        const parent = stack[stack.length - 1];
        if (!parent) throw new XmlError('CDATA outside the root element', lt);
        (parent.children as XmlNode[]).push(newlines(slice(lt + 9, end)));
        at = end + 3;
      } else {
        throw new XmlError('declarations (<!DOCTYPE, <!ENTITY) are not accepted', lt);
      }
    } else if (c === 63) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) throw new XmlError('unterminated processing instruction', lt);
      at = end + 2;
    } else {
      let n = lt + 1;
      while (n < xml.length && !isNameEnd(xml.charCodeAt(n))) n++;
      if (n === lt + 1) throw new XmlError('empty tag name', lt);
      const { name, skip } = names.get(xml, lt + 1, n);
      const end = tagEnd(xml, n);
      const selfClosing = xml.charCodeAt(end - 1) === 47 && end - 1 >= n;
      at = end + 1;
      if (skip) {
        if (!selfClosing) at = skipSubtree(xml, name, at);
        if (stack.length === 0) throw new XmlError('the root element is skipped', lt);
        continue;
      }
      const el = new XmlElement(name, selfClosing ? NO_CHILDREN : [], xml, n, selfClosing ? end - 1 : end, bytes !== undefined);
      const parent = stack[stack.length - 1];
      if (parent) (parent.children as XmlNode[]).push(el);
      else if (root) throw new XmlError('a second root element', lt);
      else root = el;
      if (++elements > maxElements) throw overLimit('elements', elements, maxElements);
      if (!selfClosing && stack.push(el) > maxDepth) throw new XmlError(`elements nested deeper than ${maxDepth}`, lt);
    }
  }
  if (stack.length > 0) throw new XmlError(`unclosed <${stack[stack.length - 1]!.name}>`, xml.length);
  if (!root) throw new XmlError('no root element', 0);
  return root;
}
