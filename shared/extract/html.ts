/**
 * HTML page → Document. Charset from BOM / meta / content (html-charset.ts); tables with
 * rowspan/colspan expanded into a rectangular grid (grid.ts); scripts, styles and navigation
 * chrome ignored; h1–h6 and bold one-line <p>/<div> as headings; <img> as image blocks; <title>
 * as the title. `source.line` is the 1-based line of the element's start tag in the source.
 *
 * Length (~370 lines): one walk over the parsed tree turning elements into blocks, with the
 * heading, table and chrome decisions it makes on the way; parsing (html-parse.ts, html-tree.ts),
 * charset (html-charset.ts), element classes (html-elements.ts) and grids (grid.ts) stand apart.
 */
import type { Block, Document } from '../report/model.ts';
import { cleanText, expandGrid, isSpace, type SpanCell, trimGrid } from './grid.ts';
import { decodeHtml } from './html-charset.ts';
import { type HtmlNode as ChildNode, type HtmlElement as Element, getAttribute, parseHtml } from './html-parse.ts';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'select',
  'button',
  'input',
  'textarea',
  'svg',
  'nav',
  'aside',
  'header',
  'footer',
  'map',
  'canvas',
  'video',
  'audio',
]);
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'blockquote',
  'pre',
  'center',
  'dl',
  'dt',
  'dd',
  'form',
  'main',
  'figure',
  'figcaption',
  'tr',
  'td',
  'th',
  'hr',
  'address',
  'caption',
  'body',
  'tbody',
  'thead',
  'tfoot',
  'fieldset',
  'legend',
]);
/** class / id words of site chrome around the article. */
const CHROME = /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|footer|sidebar|topbar|share|toolbar|skip)($|[\s_-])/i;
const BOLD = new Set(['b', 'strong']);
/** Sectioning content: a <header> inside one belongs to the article, not to the site. */
const ARTICLE = new Set(['article', 'main', 'section']);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const BOLD_STYLE = /font-weight\s*:\s*(bold|[6-9]00)/i;
const HEADING_MAX = 40;

/** 1–6 for h1–h6, else 0 (no regex per element). */
function headingLevel(name: string): number {
  if (name.length !== 2 || name.charCodeAt(0) !== 104) return 0;
  const d = name.charCodeAt(1) - 48;
  return d >= 1 && d <= 6 ? d : 0;
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'element';
}

/**
 * offset → 1-based line. Offsets are asked for almost in document order, so the line found last is
 * the starting point and the search walks from there (a few steps); a far jump bisects.
 */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const last = starts.length - 1;
  let at = 0;
  return (offset) => {
    for (let steps = 0; steps < 8; steps++) {
      if (at < last && starts[at + 1]! <= offset) at++;
      else if (at > 0 && starts[at]! > offset) at--;
      else return at + 1;
    }
    let lo = 0; // the last line start <= offset
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    at = lo;
    return at + 1;
  };
}

/** Characters that are not whitespace (NBSP and ideographic space count as whitespace). */
function visibleLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) || c === 0x200b) n++; // U+200B is not whitespace here
  }
  return n;
}

/** Not shown: the `hidden` attribute or an inline display:none / visibility:hidden. */
function isHidden(el: Element): boolean {
  if (el.attrs.length === 0) return false;
  if (getAttribute(el, 'hidden') !== undefined) return true;
  const style = getAttribute(el, 'style');
  return style !== undefined && HIDDEN_STYLE.test(style);
}

/**
 * Site chrome or hidden. `inArticle`: inside article/main/section, where a <header> is the
 * article's own (its title and byline: HTML's sectioning header, not the site banner).
 */
function isChrome(el: Element, inArticle = false): boolean {
  if (SKIP.has(el.name) && !(inArticle && el.name === 'header')) return true;
  if (el.attrs.length === 0) return false;
  if (isHidden(el)) return true;
  const cls = getAttribute(el, 'class');
  const id = getAttribute(el, 'id');
  if (cls === undefined && id === undefined) return false;
  const words = `${cls ?? ''} ${id ?? ''}`;
  return words.trim() !== '' && CHROME.test(words);
}

function isBoldStyle(el: Element): boolean {
  if (BOLD.has(el.name)) return true;
  const style = getAttribute(el, 'style');
  return style !== undefined && BOLD_STYLE.test(style);
}

function descendants(el: Element, test: (e: Element) => boolean, stopAt?: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const visit = (node: ChildNode): void => {
    if (!isElement(node)) return;
    if (test(node)) out.push(node);
    if (stopAt?.(node)) return;
    node.children.forEach(visit);
  };
  el.children.forEach(visit);
  return out;
}

/** The text of a node: everything inline, <br> and block boundaries as spaces. */
function innerText(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node) || SKIP.has(node.name)) return '';
  if (node.name === 'br') return ' ';
  const inner = childrenText(node);
  return BLOCK.has(node.name) || node.name === 'table' ? ` ${inner} ` : inner;
}

/** innerText of the children alone: the cleaned text of an element, whose own boundary spaces are trimmed anyway. */
function childrenText(el: Element): string {
  const children = el.children;
  if (children.length === 1) return innerText(children[0]!);
  let out = '';
  for (const child of children) out += innerText(child);
  return out;
}

function intAttr(el: Element, name: string): number | undefined {
  const raw = getAttribute(el, name);
  if (raw === undefined) return undefined;
  const n = Number.parseInt(raw, 10);
  return Number.isNaN(n) ? undefined : n;
}

/** An upper bound of innerText(node).length, counted without building the text. */
function textLengthBound(node: ChildNode): number {
  if (node.type === 'text') return node.data.length;
  if (!isElement(node) || SKIP.has(node.name)) return 0;
  if (node.name === 'br') return 1;
  let n = BLOCK.has(node.name) || node.name === 'table' ? 2 : 0;
  for (const child of node.children) n += textLengthBound(child);
  return n;
}

interface TableScan {
  /** The table lays out the page rather than holding data: it nests tables or headings, or holds long prose. */
  layout: boolean;
  /** Its rows (with no nested table: every <tr> below it). */
  rows: Element[];
  /** Cleaned cell texts already computed for the long-prose test. */
  texts: Map<Element, string>;
}

/** One pass over a table: whether it is a layout table and, if not, its rows. */
function scanTable(table: Element): TableScan {
  const rows: Element[] = [];
  const cells: Element[] = [];
  let nested = false;
  const visit = (node: ChildNode, inRow: boolean): void => {
    if (nested || !isElement(node)) return;
    const name = node.name;
    if (name === 'table' || headingLevel(name) > 0) {
      nested = true;
      return;
    }
    if (name === 'td' || name === 'th') cells.push(node);
    const row = name === 'tr';
    if (row && !inRow) rows.push(node);
    for (const child of node.children) visit(child, inRow || row);
  };
  for (const child of table.children) visit(child, false);
  const texts = new Map<Element, string>();
  if (nested) return { layout: true, rows, texts };
  // Clean text is never longer than the raw text: only cells that may be long are cleaned.
  for (const cell of cells) {
    if (textLengthBound(cell) <= 400) continue;
    const text = cleanText(childrenText(cell));
    if (text.length > 400) return { layout: true, rows, texts };
    texts.set(cell, text);
  }
  return { layout: false, rows, texts };
}

/** Walks the parsed page once, turning text into paragraphs and headings and data tables into grids. */
class BlockWalker {
  readonly blocks: Block[] = [];
  title: string | undefined;
  private buffer = '';
  private bufferLine = 1;
  private pendingLine: number | undefined;
  private chars = 0;
  private boldChars = 0;
  private boldDepth = 0;
  private articleDepth = 0;

  constructor(private readonly lineOf: (offset: number) => number) {}

  /** Ends the current paragraph (or heading, with its level). */
  flush(level?: number): void {
    const text = cleanText(this.buffer);
    if (text !== '') {
      const source = { line: this.bufferLine };
      if (level !== undefined) this.blocks.push({ kind: 'heading', text, level, source });
      else if (this.boldChars > 0 && this.boldChars >= this.chars && text.length <= HEADING_MAX)
        this.blocks.push({ kind: 'heading', text, source });
      else this.blocks.push({ kind: 'paragraph', text, source });
    }
    this.buffer = '';
    this.chars = 0;
    this.boldChars = 0;
    this.pendingLine = undefined;
  }

  private tableBlock(table: Element, { rows, texts }: TableScan): void {
    const spanRows: SpanCell[][] = [];
    for (const tr of rows) {
      // hidden rows and cells (a helper column hidden in Excel) are not part of what people read
      if (isHidden(tr)) continue;
      const cells: SpanCell[] = [];
      for (const cell of tr.children) {
        if (!isElement(cell) || (cell.name !== 'td' && cell.name !== 'th') || isHidden(cell)) continue;
        cells.push({
          text: texts.get(cell) ?? cleanText(childrenText(cell)),
          rowspan: intAttr(cell, 'rowspan'),
          colspan: intAttr(cell, 'colspan'),
          source: { line: this.lineOf(cell.start) },
        });
      }
      spanRows.push(cells);
    }
    const grid = trimGrid(expandGrid(spanRows));
    if (grid.length > 0) this.blocks.push({ kind: 'table', rows: grid, source: { line: this.lineOf(table.start) } });
  }

  private text(node: { data: string; start: number }): void {
    const visible = visibleLength(node.data); // 0 exactly when the text is blank
    if (this.buffer === '') {
      if (visible === 0) return;
      this.bufferLine = this.pendingLine ?? this.lineOf(node.start);
    }
    this.buffer += node.data;
    this.chars += visible;
    if (this.boldDepth > 0) this.boldChars += visible;
  }

  /** Elements that end in one block of their own (or nothing); false for the others. */
  private leaf(node: Element): boolean {
    const name = node.name;
    if (name === 'head') {
      const t = descendants(node, (e) => e.name === 'title')[0];
      if (t) this.title = cleanText(innerText(t)) || undefined;
      return true;
    }
    if (name === 'title') {
      this.title ??= cleanText(innerText(node)) || undefined;
      return true;
    }
    if (isChrome(node, this.articleDepth > 0)) return true;
    if (name === 'img') {
      this.flush();
      const alt = getAttribute(node, 'alt');
      this.blocks.push({ kind: 'image', ...(alt ? { alt } : {}), source: { line: this.lineOf(node.start) } });
      return true;
    }
    if (name === 'br') {
      this.flush();
      return true;
    }
    if (name !== 'table') return false;
    const scan = scanTable(node);
    if (scan.layout) return false;
    this.flush();
    this.tableBlock(node, scan);
    return true;
  }

  walk(node: ChildNode): void {
    if (node.type === 'text') {
      this.text(node);
      return;
    }
    if (!isElement(node) || this.leaf(node)) return;
    const name = node.name;
    const heading = headingLevel(name);
    const block = heading > 0 || BLOCK.has(name) || name === 'table';
    if (block) {
      this.flush();
      this.pendingLine = this.lineOf(node.start);
    }
    const bold = isBoldStyle(node);
    const article = ARTICLE.has(name);
    if (bold) this.boldDepth++;
    if (article) this.articleDepth++;
    for (const child of node.children) this.walk(child);
    if (bold) this.boldDepth--;
    if (article) this.articleDepth--;
    if (block) this.flush(heading > 0 ? heading : undefined);
  }
}

/** HTML bytes → Document: charset decoded (html-charset.ts), `transform`ed (injected pinyin removed), parsed (html-parse.ts), walked once. */
export function extractHtml(bytes: Uint8Array, transform: (text: string) => string = (t) => t): Document {
  const decoded = decodeHtml(bytes);
  const html = transform(decoded.text.replace(/^\ufeff/, ''));
  const walker = new BlockWalker(lineIndex(html));
  for (const child of parseHtml(html).children) walker.walk(child);
  walker.flush();
  return {
    format: 'html',
    encoding: decoded.encoding,
    ...(walker.title ? { title: walker.title } : {}),
    blocks: walker.blocks,
    notices: [
      { code: 'encoding', message: `网页编码：${decoded.encoding}（依据：${decoded.basis}）` },
      ...(decoded.declared
        ? [{ code: 'encoding-mismatch', message: `网页声明的编码（${decoded.declared}）与内容不符，已按 ${decoded.encoding} 读取。` }]
        : []),
    ],
  };
}
