/**
 * HTML page → Document. Charset from BOM / meta / content (html-charset.ts); tables with
 * rowspan/colspan expanded into a rectangular grid (grid.ts); scripts, styles and navigation
 * chrome ignored; h1–h6 and bold one-line <p>/<div> as headings; <img> as image blocks; <title>
 * as the title. `source.line` is the 1-based line of the element's start tag in the source.
 */
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Block, Document } from '../report/model.ts';
import { type SpanCell, cleanText, expandGrid, trimGrid } from './grid.ts';
import { decodeHtml } from './html-charset.ts';

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'select', 'button', 'input',
  'textarea', 'svg', 'nav', 'aside', 'header', 'footer', 'map', 'canvas', 'video', 'audio',
]);
const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'section', 'article', 'blockquote', 'pre', 'center', 'dl', 'dt', 'dd',
  'form', 'main', 'figure', 'figcaption', 'tr', 'td', 'th', 'hr', 'address', 'caption', 'body', 'tbody',
  'thead', 'tfoot', 'fieldset', 'legend',
]);
/** class / id words of site chrome around the article. */
const CHROME = /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|footer|sidebar|topbar|share|toolbar|skip)($|[\s_-])/i;
const BOLD = new Set(['b', 'strong']);
const HEADING_MAX = 40;

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function lineIndex(text: string): (offset: number | null) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    if (offset === null) return 1;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function isChrome(el: Element): boolean {
  if (SKIP.has(el.name) || el.attribs['hidden'] !== undefined) return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.attribs['style'] ?? '')) return true;
  const words = `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`;
  return words.trim() !== '' && CHROME.test(words);
}

function isBoldStyle(el: Element): boolean {
  return BOLD.has(el.name) || /font-weight\s*:\s*(bold|[6-9]00)/i.test(el.attribs['style'] ?? '');
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

/** The text of a cell: everything inline, <br> and block boundaries as spaces. */
function innerText(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node) || SKIP.has(node.name)) return '';
  if (node.name === 'br') return ' ';
  const inner = node.children.map(innerText).join('');
  return BLOCK.has(node.name) || node.name === 'table' ? ` ${inner} ` : inner;
}

function intAttr(el: Element, name: string): number | undefined {
  const raw = el.attribs[name];
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

/** A table that lays out the page rather than holding data: it nests tables or headings, or holds long prose. */
function isLayoutTable(table: Element): boolean {
  if (descendants(table, (e) => e.name === 'table' || /^h[1-6]$/.test(e.name)).length > 0) return true;
  const cells = descendants(table, (e) => e.name === 'td' || e.name === 'th');
  // Clean text is never longer than the raw text: only cells that may be long are cleaned.
  return cells.some((cell) => textLengthBound(cell) > 400 && cleanText(innerText(cell)).length > 400);
}

export function extractHtml(bytes: Uint8Array): Document {
  const decoded = decodeHtml(bytes);
  const html = decoded.text.replace(/^\ufeff/, '');
  const lineOf = lineIndex(html);
  const dom = parseDocument(html, { withStartIndices: true, decodeEntities: true, lowerCaseTags: true });

  const blocks: Block[] = [];
  let title: string | undefined;
  let buffer = '';
  let bufferLine = 1;
  let pendingLine: number | undefined;
  let chars = 0;
  let boldChars = 0;
  let boldDepth = 0;

  const flush = (level?: number): void => {
    const text = cleanText(buffer);
    if (text !== '') {
      const source = { line: bufferLine };
      if (level !== undefined) blocks.push({ kind: 'heading', text, level, source });
      else if (boldChars > 0 && boldChars >= chars && text.length <= HEADING_MAX) blocks.push({ kind: 'heading', text, source });
      else blocks.push({ kind: 'paragraph', text, source });
    }
    buffer = '';
    chars = 0;
    boldChars = 0;
    pendingLine = undefined;
  };

  const tableBlock = (table: Element): void => {
    const rows = descendants(table, (e) => e.name === 'tr', (e) => e.name === 'table' || e.name === 'tr');
    const spanRows: SpanCell[][] = rows.map((tr) =>
      tr.children
        .filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'))
        .map((cell) => ({
          text: cleanText(innerText(cell)),
          rowspan: intAttr(cell, 'rowspan'),
          colspan: intAttr(cell, 'colspan'),
          source: { line: lineOf(cell.startIndex) },
        })),
    );
    const grid = trimGrid(expandGrid(spanRows));
    if (grid.length > 0) blocks.push({ kind: 'table', rows: grid, source: { line: lineOf(table.startIndex) } });
  };

  const walk = (node: ChildNode): void => {
    if (node.type === 'text') {
      const data = node.data;
      if (buffer === '' && data.trim() === '') return;
      if (buffer === '') bufferLine = pendingLine ?? lineOf(node.startIndex);
      buffer += data;
      const visible = data.replace(/[\s\u00a0\u3000]/g, '').length;
      chars += visible;
      if (boldDepth > 0) boldChars += visible;
      return;
    }
    if (!isElement(node)) return;
    const name = node.name;
    if (name === 'head') {
      const t = descendants(node, (e) => e.name === 'title')[0];
      if (t) title = cleanText(innerText(t)) || undefined;
      return;
    }
    if (name === 'title') {
      title ??= cleanText(innerText(node)) || undefined;
      return;
    }
    if (isChrome(node)) return;
    if (name === 'img') {
      flush();
      const alt = node.attribs['alt'];
      blocks.push({ kind: 'image', ...(alt ? { alt } : {}), source: { line: lineOf(node.startIndex) } });
      return;
    }
    if (name === 'br') {
      flush();
      return;
    }
    if (name === 'table' && !isLayoutTable(node)) {
      flush();
      tableBlock(node);
      return;
    }
    const heading = /^h([1-6])$/.exec(name);
    const block = heading !== null || BLOCK.has(name) || name === 'table';
    if (block) {
      flush();
      pendingLine = lineOf(node.startIndex);
    }
    const bold = isBoldStyle(node);
    if (bold) boldDepth++;
    node.children.forEach(walk);
    if (bold) boldDepth--;
    if (block) flush(heading ? Number(heading[1]) : undefined);
  };
  dom.children.forEach(walk);
  flush();

  return {
    format: 'html',
    encoding: decoded.encoding,
    ...(title ? { title } : {}),
    blocks,
    notices: [{ code: 'encoding', message: `网页编码：${decoded.encoding}（依据：${decoded.basis}）` }],
  };
}
