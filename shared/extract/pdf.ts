/**
 * PDF → Document with unpdf's bundled pdfjs. Reads text items with positions and the ruling
 * lines of every page from one pdfjs operator list per page, in a worker thread (pdf-read.ts,
 * pdf-operators.ts; pdf-isolated.ts runs it), turns them into lines, paragraphs and tables
 * (pdf-layout.ts), drops running
 * headers, footers and page numbers, joins tables continued on the next page (pdf-continued.ts:
 * repeated header rows, merged cells and rows cut by the page break), and keeps the page
 * on every block and cell. Encrypted PDFs → I-PDF-ENCRYPTED; no text layer → I-PDF-NO-TEXT;
 * anything pdfjs cannot open → I-UNREADABLE.
 */

import { insertAll, maxOf, minOf, pushAll } from '../report/arrays.ts';
import { InputProblem } from '../report/errors.ts';
import type { Block, Document, Notice } from '../report/model.ts';
import { continueTable, type OpenTable, startTable } from './pdf-continued.ts';
import { readPagesIsolated } from './pdf-isolated.ts';
import { joinPieces, type Line, layoutPage, type PageGeometry, type PlacedBlock, toLines } from './pdf-layout.ts';
import { STARTS_ITEM } from './pdf-text.ts';

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
  const { pages, total, title } = await readPagesIsolated(bytes);
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
