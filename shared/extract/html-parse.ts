/**
 * A small, fast HTML parser for extraction: an indexOf-based tokenizer (tag and attribute names
 * lowercased; quoted, unquoted and valueless attributes; comments, doctypes, `<?…>`, CDATA and
 * Word's `<![if …]>` as browsers skip them; raw-text elements up to their own end tag in any case;
 * character references as browsers decode them) feeding html-tree.ts, which builds a light tree
 * of elements and texts with the source offset of each start tag.
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';
import * as F from './html-elements.ts';
import { type HtmlElement, isBlank, isWhitespace, NO_ATTRIBUTES, TreeBuilder } from './html-tree.ts';

export { getAttribute, type HtmlElement, type HtmlNode, type HtmlText } from './html-tree.ts';

const UNKNOWN = 0;

/** Whether the code unit may start a tag name (ASCII letter). */
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Lowercases ASCII letters only when there are any (the common all-lowercase name is returned as is). */
function lower(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return s.toLowerCase();
  }
  return s;
}

/** The info of the tag named html[from, to): known names by their shared string, others lowercased. */
function tagInfo(html: string, from: number, to: number): F.TagInfo {
  return F.knownTag(html, from, to) ?? { name: lower(html.slice(from, to)), flags: UNKNOWN };
}

const decodeText = (raw: string): string => (raw.includes('&') ? decodeHTML(raw) : raw);

/**
 * Parses an HTML string into a light tree whose root is a `#document` element.
 * Long on purpose (docs/decisions/): one tokenizer loop over the characters, its states
 * inline, so that each character is looked at once (docs/decisions/html-reader.md).
 */
export function parseHtml(html: string): HtmlElement {
  const builder = new TreeBuilder();
  const n = html.length;
  let pos = 0;
  /** The next "&" at or after some earlier position (-1: none left): whether a text needs decoding, without a scan per text. */
  let amp = html.indexOf('&');

  /** The position after the next `needle` from `from`, or n. */
  const skipTo = (needle: string, from: number): number => {
    const end = html.indexOf(needle, from);
    return end === -1 ? n : end + needle.length;
  };

  /** The position after the `-->` (or `--!>`) that ends a comment whose text starts at `from`, or n. */
  const commentEnd = (from: number): number => {
    for (let i = html.indexOf('--', from); i !== -1; i = html.indexOf('--', i + 1)) {
      const c = html.charCodeAt(i + 2);
      if (c === 62) return i + 3;
      if (c === 33 && html.charCodeAt(i + 3) === 62) return i + 4;
    }
    return n;
  };

  /** Offset of `</name` (any case) that ends a raw-text element whose content starts at `from`, else -1. */
  const findRawEnd = (name: string, from: number): number => {
    for (let i = html.indexOf('</', from); i !== -1; i = html.indexOf('</', i + 2)) {
      const after = i + 2 + name.length;
      if (lower(html.slice(i + 2, after)) !== name) continue;
      const c = html.charCodeAt(after);
      if (after >= n || isWhitespace(c) || c === 47 || c === 62) return i;
    }
    return -1;
  };

  /** Reads a start tag at `lt`; returns the position after it (n when the input ends inside it). */
  const startTag = (lt: number): number => {
    let i = lt + 1;
    let c = html.charCodeAt(i);
    while (i < n && !isWhitespace(c) && c !== 47 && c !== 62) c = html.charCodeAt(++i);
    const { name, flags } = tagInfo(html, lt + 1, i);
    let attrs: string[] | undefined;
    let selfClosing = false;
    for (;;) {
      while (i < n && (isWhitespace(c) || c === 47)) {
        selfClosing = c === 47;
        c = html.charCodeAt(++i);
      }
      if (i >= n) return n; // the input ends inside the tag: dropped, as browsers do
      if (c === 62) break;
      selfClosing = false;
      const nameStart = i;
      c = html.charCodeAt(++i);
      while (i < n && !isWhitespace(c) && c !== 47 && c !== 62 && c !== 61) c = html.charCodeAt(++i);
      const attr = lower(html.slice(nameStart, i));
      while (i < n && isWhitespace(c)) c = html.charCodeAt(++i);
      let value = '';
      if (c === 61) {
        c = html.charCodeAt(++i);
        while (i < n && isWhitespace(c)) c = html.charCodeAt(++i);
        if (c === 34 || c === 39) {
          const close = html.indexOf(c === 34 ? '"' : "'", i + 1);
          if (close === -1) return n;
          value = html.slice(i + 1, close);
          i = close + 1;
        } else {
          const from = i;
          while (i < n && !isWhitespace(c) && c !== 62) c = html.charCodeAt(++i);
          value = html.slice(from, i);
        }
        c = html.charCodeAt(i);
        if (value.includes('&')) value = decodeHTMLAttribute(value);
      }
      if (attrs === undefined) attrs = [attr, value];
      else {
        let seen = false;
        for (let k = 0; k < attrs.length; k += 2) if (attrs[k] === attr) seen = true;
        if (!seen) attrs.push(attr, value);
      }
    }
    const el = builder.open(name, flags, attrs ?? NO_ATTRIBUTES, lt, selfClosing);
    i++; // past '>'
    if (el === undefined || (flags & F.RAW_TEXT) === 0) return i;
    // raw text (script, style, title, textarea …): everything up to the matching end tag
    const end = name === 'plaintext' ? -1 : findRawEnd(name, i);
    const stop = end === -1 ? n : end;
    if (stop > i) {
      const raw = html.slice(i, stop);
      builder.text(name === 'title' || name === 'textarea' ? decodeText(raw) : raw, i);
    }
    if (end === -1) return n;
    builder.close(name, flags, end);
    return skipTo('>', end);
  };

  /** Reads an end tag at `lt` (`</` and a letter); returns the position after it. */
  const endTag = (lt: number): number => {
    let i = lt + 3;
    for (let c = html.charCodeAt(i); i < n && !isWhitespace(c) && c !== 47 && c !== 62; c = html.charCodeAt(++i));
    const end = html.charCodeAt(i) === 62 ? i : html.indexOf('>', i);
    if (end === -1) return n; // the input ends inside the tag
    const { name, flags } = tagInfo(html, lt + 2, i);
    builder.close(name, flags, lt);
    return end + 1;
  };

  while (pos < n) {
    // the gap before the next tag is mostly a few characters: a short scan costs less than a search call
    let lt = pos;
    const near = Math.min(n, pos + 16);
    while (lt < near && html.charCodeAt(lt) !== 60) lt++;
    if (lt === near && lt < n) {
      lt = html.indexOf('<', lt);
      if (lt === -1) lt = n;
    }
    if (lt > pos && !(builder.dropsWhitespace() && isBlank(html, pos, lt))) {
      if (amp !== -1 && amp < pos) amp = html.indexOf('&', pos);
      const raw = html.slice(pos, lt);
      builder.text(amp !== -1 && amp < lt ? decodeHTML(raw) : raw, pos);
    }
    if (lt === n) break;
    const c = html.charCodeAt(lt + 1);
    if (isLetter(c)) {
      pos = startTag(lt);
    } else if (c === 47) {
      const c2 = html.charCodeAt(lt + 2);
      if (isLetter(c2)) pos = endTag(lt);
      else {
        builder.separator(); // `</>` is nothing, `</…>` a bogus comment
        pos = c2 === 62 ? lt + 3 : skipTo('>', lt + 2);
      }
    } else if (c === 33) {
      builder.separator();
      if (html.startsWith('--', lt + 2)) {
        // <!-- … -->; `<!-->` and `<!--->` are empty comments
        if (html.charCodeAt(lt + 4) === 62) pos = lt + 5;
        else if (html.startsWith('->', lt + 4)) pos = lt + 6;
        else pos = commentEnd(lt + 4);
      } else pos = skipTo('>', lt + 2); // doctype, <![if …]>, CDATA outside foreign content: bogus comments
    } else if (c === 63) {
      builder.separator();
      pos = skipTo('>', lt + 2); // <? … >
    } else {
      builder.text('<', lt);
      pos = lt + 1;
    }
  }
  return builder.root;
}
