/**
 * PDF → Document with unpdf's bundled pdfjs. Reads text items with positions and the ruling
 * lines of every page from one pdfjs operator list per page (pdf-operators.ts; pdf-layout.ts turns
 * them into lines, paragraphs and tables), drops running
 * headers, footers and page numbers, joins tables continued on the next page (pdf-continued.ts:
 * repeated header rows, merged cells and rows cut by the page break), and keeps the page
 * on every block and cell. Encrypted PDFs → I-PDF-ENCRYPTED; no text layer → I-PDF-NO-TEXT;
 * anything pdfjs cannot open → I-UNREADABLE.
 */

import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { insertAll, maxOf, minOf, pushAll } from '../report/arrays.ts';
import { InputProblem } from '../report/errors.ts';
import type { Block, Document, Notice } from '../report/model.ts';
import { continueTable, type OpenTable, startTable } from './pdf-continued.ts';
import { dedupe, joinPieces, type Line, layoutPage, type PageGeometry, type PlacedBlock, toLines } from './pdf-layout.ts';
import { type FontMetrics, readOperators } from './pdf-operators.ts';
import { STARTS_ITEM } from './pdf-text.ts';

/** pdfjs calls ArrayBuffer#transfer / transferToFixedLength and Uint8Array#toBase64, which Node 20 lacks. */
function polyfillTransfer(): void {
  const proto = ArrayBuffer.prototype as unknown as Record<string, unknown>;
  for (const name of ['transfer', 'transferToFixedLength']) {
    if (typeof proto[name] === 'function') continue;
    proto[name] = function (this: ArrayBuffer, length?: number): ArrayBuffer {
      const size = length ?? this.byteLength;
      const out = new ArrayBuffer(size);
      new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(size, this.byteLength)));
      return out;
    };
  }
  // pdfjs writes an embedded font's @font-face rule with Uint8Array#toBase64 (Node 20 lacks it);
  // without it, installing the font fails and pdfjs falls back to compiling glyph outlines.
  const bytes = Uint8Array.prototype as unknown as Record<string, unknown>;
  if (typeof bytes.toBase64 !== 'function') {
    bytes.toBase64 = function (this: Uint8Array, options?: { alphabet?: string; omitPadding?: boolean }): string {
      const buffer = Buffer.from(this.buffer, this.byteOffset, this.byteLength);
      const text = buffer.toString(options?.alphabet === 'base64url' ? 'base64url' : 'base64').replace(/=+$/, '');
      return options?.omitPadding ? text : text + '='.repeat((4 - (text.length % 4)) % 4);
    };
  }
}

/**
 * Pages read (the rest is dropped with a notice), and pages a PDF may have at all: pdfjs finds a
 * page by walking the page tree, so with a tree of 100,000 pages each page read costs tens of
 * milliseconds (RELIABILITY.md, "Resource limits"). A page drawing more line segments than
 * maxSegments (a table page draws a few hundred) is read without its rules: finding tables in
 * the segments grows faster than their number (60,000 segments: 6.6 s), text alignment does not.
 */
export const PDF_LIMITS = { maxPages: 300, maxTotalPages: 2000, maxSegments: 10_000 };

function fail(error: unknown): never {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    throw new InputProblem('I-PDF-ENCRYPTED', 'PDF 文件已加密（需要密码才能打开），无法读取内容。请上传未加密的版本。', {
      reason: String(error),
    });
  }
  throw new InputProblem('I-UNREADABLE', '文件已损坏或无法读取：PDF 结构无效。', { reason: String(error) });
}

interface PdfProxy {
  numPages: number;
  getPage(n: number): Promise<{
    view: number[];
    commonObjs: { has(name: string): boolean; get(name: string): unknown };
    getOperatorList(options?: { intent?: string; annotationMode?: number }): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  }>;
  getMetadata(): Promise<{ info?: unknown }>;
  destroy(): Promise<void>;
}

/**
 * Where pdfjs "installs" embedded fonts as CSS @font-face rules: nowhere. With font faces disabled
 * (or when installing one fails, as it does in Node without a document) pdfjs compiles every glyph
 * outline of every embedded font in getOperatorList and posts each one to the main thread, which
 * is most of the operator list's cost. Nothing is rendered here, so a document whose style sheet
 * accepts and ignores the rules lets pdfjs skip that work.
 */
const FONT_SINK = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

/**
 * pdfjs options: no system fonts (text comes from the fonts' own mappings), embedded fonts
 * "installed" into FONT_SINK instead of compiled to glyph outlines, images skipped (maxImageSize
 * 0: a seal or a scanned page is never decoded, its text layer is all that is read), no eval, no
 * console noise, keep going past recoverable errors.
 */
const PDF_OPTIONS = {
  isEvalSupported: false,
  stopAtErrors: false,
  disableFontFace: false,
  useSystemFonts: false,
  verbosity: 0,
  ownerDocument: FONT_SINK,
  maxImageSize: 0,
};
/** pdfjs AnnotationMode.DISABLE. */
const ANNOTATIONS_DISABLED = 0;

async function readPages(bytes: Uint8Array): Promise<{ pages: PageGeometry[]; total: number; title?: string }> {
  polyfillTransfer();
  const { OPS, normalizeUnicode } = await getResolvedPDFJS();
  let pdf: PdfProxy;
  try {
    // pdfjs transfers (detaches) the buffer it is given: hand it a copy
    pdf = (await getDocumentProxy(bytes.slice(), PDF_OPTIONS)) as unknown as PdfProxy;
  } catch (error) {
    fail(error);
  }
  try {
    if (pdf.numPages > PDF_LIMITS.maxTotalPages) {
      throw new InputProblem(
        'I-UNREADABLE',
        `文件无法读取：PDF 共 ${pdf.numPages} 页，超过 ${PDF_LIMITS.maxTotalPages} 页的上限，疑似异常文件。`,
        {
          reason: 'too many pages',
          pages: pdf.numPages,
        },
      );
    }
    const pages: PageGeometry[] = [];
    for (let n = 1; n <= Math.min(pdf.numPages, PDF_LIMITS.maxPages); n++) {
      const page = await pdf.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 595, y1 = 842] = page.view;
      // Only the page's own painting: annotations (form fields, links) hold no report text.
      const ops = await page.getOperatorList({ intent: 'display', annotationMode: ANNOTATIONS_DISABLED });
      const fontOf = (name: string): FontMetrics | undefined =>
        page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontMetrics) : undefined;
      const content = readOperators(ops, OPS, fontOf, normalizeUnicode);
      const items = content.items.flatMap((i) => (i.str.trim() === '' ? [] : [{ ...i, x: i.x - x0, y: i.y - y0 }]));
      const drawn = content.segments.length > PDF_LIMITS.maxSegments ? [] : content.segments;
      const segments = drawn.map((g) => ({ x1: g.x1 - x0, x2: g.x2 - x0, y1: g.y1 - y0, y2: g.y2 - y0 }));
      pages.push({ page: n, width: x1 - x0, height: y1 - y0, items: dedupe(items), segments });
    }
    const info = (await pdf.getMetadata().catch(() => ({ info: undefined }))).info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : undefined;
    return { pages, total: pdf.numPages, ...(title ? { title } : {}) };
  } catch (error) {
    if (error instanceof InputProblem) throw error;
    fail(error);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Running headers and footers
// ---------------------------------------------------------------------------------------------

const PAGE_NUMBER =
  /^[-—–\s]*(第\s*)?\d{1,4}\s*(页)?(\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?\s*(页)?[-—–\s]*$|^(page|p\.)\s*\d+(\s*of\s*\d+)?$/i;
const MARGIN = 0.08;

function inMargin(line: Line, height: number): boolean {
  return line.y > height * (1 - MARGIN) || line.y < height * MARGIN;
}

/** Lines in the top or bottom margin that are page numbers or repeat on several pages. */
function runningLines(pages: PageGeometry[]): (page: PageGeometry, line: Line) => boolean {
  const key = (l: Line): string => l.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set(
      toLines(p.items)
        .filter((l) => inMargin(l, p.height))
        .map(key),
    );
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return (page, line) =>
    inMargin(line, page.height) && (PAGE_NUMBER.test(line.text) || (pages.length > 1 && (counts.get(key(line)) ?? 0) >= 2));
}

// ---------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------

type LineEntry = { page: number; height: number; top: number; line: Line; left: number; right: number };
type Entry = { page: number; height: number; top: number; table: PlacedBlock; left: number; right: number } | LineEntry;

/**
 * The body text size: the size with the most characters among prose-like lines (one piece, at
 * least 20 characters), so that small table text does not make every prose line a heading.
 */
function bodySize(entries: Entry[]): number {
  const weight = new Map<number, number>();
  const lines = entries.flatMap((e) => ('line' in e ? [e.line] : []));
  const prose = lines.filter((l) => l.text.length >= 20 && !l.text.includes(' '));
  for (const l of prose.length > 0 ? prose : lines) {
    const size = Math.round(l.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + l.text.length);
  }
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/** Longer lines are prose even in a large font. */
const HEADING_MAX = 40;

/** True when `next` continues the full-width line `prev` directly below it, in the same size. */
function wrapsOnto(prev: LineEntry, next: LineEntry): boolean {
  return (
    prev.page === next.page &&
    Math.abs(prev.line.size - next.line.size) < 0.5 &&
    prev.line.x2 >= prev.right - next.line.size * 2 &&
    prev.line.y - next.line.y <= next.line.size * 2
  );
}

/**
 * The pages' placed blocks in reading order, tables continued across page breaks joined.
 * Long on purpose: the page-break joins (docs/formats.md, PDF) are one decision per case, in order.
 */
function assemble(pages: PageGeometry[]): { blocks: Block[]; unruled: number } {
  const running = runningLines(pages);
  const entries: Entry[] = [];
  let unruled = 0;
  for (const geo of pages) {
    const kept = new Set(
      toLines(geo.items)
        .filter((l) => !running(geo, l))
        .flatMap((l) => l.items),
    );
    const { blocks, lines: flow } = layoutPage({ ...geo, items: geo.items.filter((i) => kept.has(i)) });
    const left = minOf(flow.map((l) => l.x1));
    const right = maxOf(flow.map((l) => l.x2));
    const page: Entry[] = [
      ...blocks.map((b) => ({ page: geo.page, height: geo.height, top: b.top, table: b, left, right })),
      ...flow.map((l) => ({ page: geo.page, height: geo.height, top: l.y + l.size, line: l, left, right })),
    ];
    pushAll(
      entries,
      page.sort((a, b) => b.top - a.top),
    );
  }
  const body = bodySize(entries);
  const larger = [...new Set(entries.flatMap((e) => ('line' in e && e.line.size > body * 1.1 ? [Math.round(e.line.size)] : [])))].sort(
    (a, b) => b - a,
  );

  const blocks: Block[] = [];
  let lastTable: OpenTable | undefined;
  let lastPara: { entry: LineEntry; block: { text: string } } | undefined;
  let lastHeading: LineEntry | undefined;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k]!;
    const src = { page: e.page, y: Math.round((e.height - e.top) * 10) / 10 };
    if ('table' in e) {
      if (lastTable && continueTable(lastTable, e.page, e.table)) continue;
      let placed: PlacedBlock | undefined = e.table;
      if (e.table.tentative) {
        // the head of a table going on at the top of the next page, on that part's columns
        const next = entries[k + 1];
        const goesOn = e.table.tentative.bottom && next && 'table' in next && next.page === e.page + 1 && next.table.aligned;
        placed = goesOn ? e.table.recut?.(next.table.aligned!, false) : undefined;
      }
      if (!placed) {
        // neither the end of the table on the page before nor the head of one on the next: text
        const lines = e.table.tentative!.lines.map((l) => ({
          page: e.page,
          height: e.height,
          top: l.y + l.size,
          line: l,
          left: e.left,
          right: e.right,
        }));
        insertAll(entries, k + 1, lines);
        continue;
      }
      lastPara = undefined;
      lastHeading = undefined;
      blocks.push(placed.block);
      if (!placed.columns) unruled++;
      lastTable = startTable(e.page, placed);
      continue;
    }
    lastTable = undefined;
    const line = e.line;
    const level = line.size > body * 1.1 && line.text.length <= HEADING_MAX ? larger.indexOf(Math.round(line.size)) + 1 : 0;
    if (lastPara && level === 0) {
      const p = lastPara.entry;
      const full = p.line.x2 >= p.right - p.line.size * 2;
      const gapOk = p.page === e.page ? p.line.y - line.y <= line.size * 2 : p.page + 1 === e.page;
      const notIndented = line.x1 <= e.left + line.size * 0.5;
      if (Math.abs(p.line.size - line.size) < 0.5 && (full || !STARTS_ITEM.test(line.text)) && gapOk && notIndented) {
        lastPara.block.text = joinPieces(lastPara.block.text, line.text);
        lastPara.entry = e;
        continue;
      }
    }
    const lastBlock = blocks[blocks.length - 1];
    if (level > 0 && lastHeading && lastBlock?.kind === 'heading' && wrapsOnto(lastHeading, e)) {
      // a long title wrapped onto a second line
      lastBlock.text = joinPieces(lastBlock.text, line.text);
      lastHeading = e;
      continue;
    }
    lastHeading = undefined;
    if (level > 0) {
      lastHeading = e;
      blocks.push({ kind: 'heading', text: line.text, level: Math.min(level, 6), source: src });
      lastPara = undefined;
    } else {
      const block = { kind: 'paragraph' as const, text: line.text, source: src };
      blocks.push(block);
      lastPara = { entry: e, block };
    }
  }
  return { blocks, unruled };
}

export async function extractPdf(bytes: Uint8Array): Promise<Document> {
  const { pages, total, title } = await readPages(bytes);
  if (pages.every((p) => p.items.length === 0)) {
    throw new InputProblem('I-PDF-NO-TEXT', 'PDF 没有文字层（可能是扫描件或图片），无法读取内容。请上传可复制文字的 PDF 或 Word 版本。', {
      pages: pages.length,
    });
  }
  const { blocks, unruled } = assemble(pages);
  const notices: Notice[] = [];
  if (total > pages.length) notices.push({ code: 'pdf-pages-truncated', message: `PDF 共 ${total} 页，只读取了前 ${pages.length} 页。` });
  if (unruled > 0) {
    notices.push({ code: 'pdf-unruled-tables', message: `有 ${unruled} 个表格没有表格线，按文字对齐还原行列，合并单元格可能未完全还原。` });
  }
  return { format: 'pdf', ...(title ? { title } : {}), blocks, notices };
}
