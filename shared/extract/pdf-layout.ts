/**
 * The geometry of PDF pages → Document blocks, without pdfjs (pdf.ts feeds it). Coordinates are
 * PDF user space (y grows upwards). Tables come from ruling lines where the page has them (each
 * region bounded by lines is a cell; a missing inner line means a merged cell), else from runs of
 * lines whose pieces align on x. Text lines come from baselines; paragraphs from line spacing and
 * indentation; headings from font size.
 *
 * Length (~340 lines): the line, paragraph and ruled-table layout share the page geometry types
 * and the tolerances below; aligned tables (pdf-aligned.ts) and tables continued across pages
 * (pdf-continued.ts) are already apart.
 */
import { maxOf, minOf, pushAll } from '../report/arrays.ts';
import type { Block, Cell } from '../report/model.ts';
import { matchSectionHeading } from '../report/sections.ts';
import { cleanText, expandGrid, type SpanCell, trimGrid } from './grid.ts';
import { alignedTables } from './pdf-aligned.ts';
import { joinPieces, type Line, source, type TextItem, toLines } from './pdf-text.ts';

export type { Line, TextItem } from './pdf-text.ts';
export { dedupe, joinPieces, toLines } from './pdf-text.ts';

/** A horizontal (y1 === y2) or vertical (x1 === x2) ruling segment. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
export interface PageGeometry {
  page: number;
  width: number;
  height: number;
  items: TextItem[];
  segments: Segment[];
}

/** Columns of a table from alignment: boundaries (x), and how many columns left of the numbers hold labels. */
export interface AlignedColumns {
  cuts: number[];
  labels: number;
  /** Columns only cells spanning two columns use: dropped, their text to the neighbours. */
  between: number[];
}

/** A block with its vertical position, so tables and text of one page can be interleaved. */
export interface PlacedBlock {
  block: Block;
  top: number;
  /** Column boundaries of a ruled table, for joining a table continued on the next page. */
  columns?: number[];
  /**
   * Cells (and their span copies) of a ruled table whose text ends in a line that fills the cell's
   * width: their text may go on in the next page's part of the cell.
   */
  open?: Set<Cell>;
  /** Columns of a table from alignment. */
  aligned?: AlignedColumns;
  /**
   * The same table from alignment on other cuts (of its part on the page before or after), when
   * its rows fit them; `continued`: it goes on from the page before.
   */
  recut?: (columns: AlignedColumns, continued: boolean) => PlacedBlock | undefined;
  /** Per column, text at the top of a recut table that goes on from the last row of the page before. */
  carry?: string[];
  /**
   * Lines at the top (bottom) of the page that are a table only if they continue the table of the
   * page before (go on in a table at the top of the next page).
   */
  tentative?: { lines: Line[]; top: boolean; bottom: boolean };
  /** The ruled table's last (first) row has no rule under (above) it: a row broken by the page break. */
  openBottom?: boolean;
  openTop?: boolean;
}

/**
 * A line fills its cell when less than this many characters' width is left (the cell's padding,
 * the part of a character that did not fit, a character moved on by line-breaking rules).
 */
const FULL_SLACK = 3;

const EPS = 2;

function cluster(values: number[], tolerance = EPS): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= tolerance) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

// ---------------------------------------------------------------------------------------------
// Ruled tables
// ---------------------------------------------------------------------------------------------

interface Ruled {
  xs: number[];
  /** Descending (top first). */
  ys: number[];
  segments: Segment[];
  /** The frame's vertical rules go on past the last (first) horizontal rule: a row cut by the page break. */
  openBottom?: boolean;
  openTop?: boolean;
}

/** The smallest ruled table (points). */
const MIN_TABLE = { width: 24, height: 8 };

/** How far the frame's vertical rules must go past the outermost horizontal rule to make an open edge. */
const OPEN_EDGE = 4;

/**
 * Word draws no horizontal rule where a row breaks across pages: the part on page N has its
 * vertical rules running to the bottom with no line under them, the part on page N+1 none above.
 * Where both outer verticals go on past the outermost horizontal rule, the edge is closed with a
 * rule of our own (so the part is a row of the table) and marked open.
 */
function closeOpenEdges(t: Ruled, v: Segment[]): Ruled {
  const [left, right] = [t.xs[0]!, t.xs[t.xs.length - 1]!];
  const outer = [left, right].map((x) => v.filter((s) => Math.abs(s.x1 - x) <= EPS));
  if (outer.some((o) => o.length === 0)) return t;
  const low = maxOf(outer.map((o) => minOf(o.map((s) => s.y1))));
  const high = minOf(outer.map((o) => maxOf(o.map((s) => s.y2))));
  const rule = (y: number): Segment => ({ x1: left, x2: right, y1: y, y2: y });
  const out: Ruled = { ...t, ys: [...t.ys], segments: [...t.segments] };
  if (low < t.ys[t.ys.length - 1]! - OPEN_EDGE) {
    out.ys.push(low);
    out.segments.push(rule(low));
    out.openBottom = true;
  }
  if (high > t.ys[0]! + OPEN_EDGE) {
    out.ys.unshift(high);
    out.segments.push(rule(high));
    out.openTop = true;
  }
  return out;
}

function connected(a: Segment, b: Segment): boolean {
  return a.x1 - EPS <= b.x2 && b.x1 - EPS <= a.x2 && a.y1 - EPS <= b.y2 && b.y1 - EPS <= a.y2;
}

/** Groups ruling segments into tables (connected components with ≥ 2 lines each way). */
export function ruledTables(segments: Segment[]): Ruled[] {
  const n = segments.length;
  const parent = segments.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (connected(segments[i]!, segments[j]!)) parent[root(i)] = root(j);
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    groups.set(root(i), [...(groups.get(root(i)) ?? []), s]);
  });
  const out: Ruled[] = [];
  for (const group of groups.values()) {
    const h = group.filter((s) => s.y2 - s.y1 < EPS);
    const v = group.filter((s) => s.x2 - s.x1 < EPS);
    const xs = cluster(v.map((s) => s.x1));
    const ys = cluster(h.map((s) => s.y1)).reverse();
    // a lone box (page frame, text box) is not a table: a table has at least two cells; strokes
    // smaller than a line of text (a glyph drawn as outlines by some producers) are not either
    const big = xs[xs.length - 1]! - xs[0]! >= MIN_TABLE.width && ys[0]! - ys[ys.length - 1]! >= MIN_TABLE.height;
    if (xs.length >= 2 && ys.length >= 2 && xs.length + ys.length >= 5 && big) out.push(closeOpenEdges({ xs, ys, segments: group }, v));
  }
  return out.sort((a, b) => b.ys[0]! - a.ys[0]!);
}

function covered(segments: Segment[], horizontal: boolean, at: number, from: number, to: number): boolean {
  const mid = (from + to) / 2;
  return segments.some((s) =>
    horizontal
      ? s.y2 - s.y1 < EPS && Math.abs(s.y1 - at) <= EPS && s.x1 - EPS <= mid && mid <= s.x2 + EPS
      : s.x2 - s.x1 < EPS && Math.abs(s.x1 - at) <= EPS && s.y1 - EPS <= mid && mid <= s.y2 + EPS,
  );
}

function inside(t: Ruled, item: TextItem): boolean {
  const cx = item.x + item.width / 2;
  const cy = item.y + item.size * 0.35;
  return cx >= t.xs[0]! && cx <= t.xs[t.xs.length - 1]! && cy <= t.ys[0]! && cy >= t.ys[t.ys.length - 1]!;
}

/** Width of a character relative to a CJK one (ASCII is set about half as wide). */
const charWidth = (ch: string): number => (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1);

/**
 * A text item that runs across a cell's vertical rule (some producers, ghostscript's pdfwrite
 * among them, write the texts of neighbouring cells as one string) → one item per cell, cut
 * where the rule falls (character widths estimated: CJK full, ASCII half).
 */
function splitAtRules(t: Ruled, item: TextItem): TextItem[] {
  const cy = item.y + item.size * 0.35;
  const rules = t.xs.filter(
    (x, i) =>
      i > 0 && i < t.xs.length - 1 && x > item.x + 1 && x < item.x + item.width - 1 && covered(t.segments, false, x, cy - 1, cy + 1),
  );
  if (rules.length === 0) return [item];
  const chars = [...item.str];
  const unit = item.width / chars.reduce((n, ch) => n + charWidth(ch), 0);
  const out: TextItem[] = [];
  let start = 0;
  let x = item.x;
  let pos = item.x;
  let rule = 0;
  for (let k = 0; k < chars.length; k++) {
    const next = pos + charWidth(chars[k]!) * unit;
    // a character whose middle lies past the rule belongs to the next cell
    if (rule < rules.length && (pos + next) / 2 > rules[rule]!) {
      while (rule < rules.length && (pos + next) / 2 > rules[rule]!) rule++;
      if (k > start) out.push({ ...item, str: chars.slice(start, k).join(''), x, width: pos - x });
      start = k;
      x = pos;
    }
    pos = next;
  }
  out.push({ ...item, str: chars.slice(start).join(''), x, width: item.x + item.width - x });
  return out.filter((i) => i.str.trim() !== '');
}

/**
 * One ruled table → grid block; consumes its items.
 * Long on purpose: cells from the rulings, items cut at rules and placed, in one pass.
 */
function ruledBlock(t: Ruled, items: TextItem[], geo: PageGeometry): PlacedBlock {
  const rows = t.ys.length - 1;
  const cols = t.xs.length - 1;
  const id = (r: number, c: number): number => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const union = (a: number, b: number): void => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [top, bottom] = [t.ys[r]!, t.ys[r + 1]!];
      const [left, right] = [t.xs[c]!, t.xs[c + 1]!];
      if (c + 1 < cols && !covered(t.segments, false, right, bottom, top)) union(id(r, c), id(r, c + 1));
      if (r + 1 < rows && !covered(t.segments, true, bottom, left, right)) union(id(r, c), id(r + 1, c));
    }
  }
  const texts = new Map<number, TextItem[]>();
  for (const item of items.flatMap((i) => splitAtRules(t, i))) {
    const cx = item.x + item.width / 2;
    const cy = item.y + item.size * 0.35;
    const c = t.xs.findIndex((x, i) => i < cols && cx >= x && cx <= t.xs[i + 1]!);
    const r = t.ys.findIndex((y, i) => i < rows && cy <= y && cy >= t.ys[i + 1]!);
    if (c < 0 || r < 0) continue;
    const key = root(id(r, c));
    texts.set(key, [...(texts.get(key) ?? []), item]);
  }
  const spanRows: SpanCell[][] = [];
  const openKeys = new Set<number>();
  for (let r = 0; r < rows; r++) {
    const row: SpanCell[] = [];
    for (let c = 0; c < cols; c++) {
      const key = root(id(r, c));
      if (key !== id(r, c)) continue;
      let rowspan = 1;
      while (r + rowspan < rows && root(id(r + rowspan, c)) === key) rowspan++;
      let colspan = 1;
      while (c + colspan < cols && root(id(r, c + colspan)) === key) colspan++;
      const lines = toLines(texts.get(key) ?? []);
      const text = cleanText(lines.reduce((s, l) => joinPieces(s, l.text), ''));
      const end = lines[lines.length - 1];
      if (end && end.x2 - end.x1 >= t.xs[c + colspan]! - t.xs[c]! - FULL_SLACK * end.size) openKeys.add(key);
      row.push({ text, rowspan, colspan, source: source(geo.page, geo.height, t.xs[c], t.ys[r]!) });
    }
    spanRows.push(row);
  }
  const grid = expandGrid(spanRows);
  const open = new Set<Cell>();
  grid.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) if (openKeys.has(root(id(r, c)))) open.add(row[c]!);
  });
  const kept = trimGrid(grid);
  // an open edge only counts when its row holds text (else the part is empty and dropped)
  const hasText = (row: Cell[] | undefined): boolean => row?.some((cell) => cell.text.trim() !== '') === true;
  const openBottom = t.openBottom === true && hasText(grid[grid.length - 1]);
  const openTop = t.openTop === true && hasText(grid[0]);
  return {
    block: { kind: 'table', rows: kept, source: source(geo.page, geo.height, t.xs[0], t.ys[0]!) },
    top: t.ys[0]!,
    columns: t.xs,
    open,
    ...(openBottom ? { openBottom } : {}),
    ...(openTop ? { openTop } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

/** Prose or a section heading inside a ruled region: a line a table cell does not hold. */
function isFlowText(item: TextItem): boolean {
  const text = item.str.trim();
  return Boolean(matchSectionHeading(text)) || (text.length >= 40 && /[。；]/.test(text));
}

/**
 * The segments of a framed region without the frame's sides: the vertical lines that run the
 * region's whole height. A table's own verticals stop at its rows; a frame's run from the top of
 * the page (or box) to its bottom, through whatever it holds (tables wider than the text area
 * cross it). Without them the frame's top and bottom lines stand alone and the tables separate.
 */
function withoutFrame(t: Ruled): Segment[] {
  const height = t.ys[0]! - t.ys[t.ys.length - 1]!;
  return t.segments.filter((s) => s.y2 - s.y1 < EPS || s.y2 - s.y1 < height * 0.9);
}

/**
 * The ruled regions that are tables: a region framed by lines is a table only when it has the
 * shape of one. A region holding prose or a section heading is a frame (a page border, a box
 * around the body text drawn by the word processor): its frame is taken away and what is left is
 * looked at again, so the tables inside it stay tables and its prose stays prose.
 */
function tablesOnPage(segments: Segment[], items: readonly TextItem[], depth = 0): Ruled[] {
  const out: Ruled[] = [];
  for (const t of ruledTables(segments)) {
    const framed = depth < 3 && (t.xs.length === 2 || items.some((i) => inside(t, i) && isFlowText(i)));
    if (!framed) out.push(t);
    else pushAll(out, tablesOnPage(withoutFrame(t), items, depth + 1));
  }
  return out.sort((a, b) => b.ys[0]! - a.ys[0]!);
}

/** Tables by ruling lines, then tables by alignment among the remaining lines; the rest is flow text. */
export function layoutPage(geo: PageGeometry): { blocks: PlacedBlock[]; lines: Line[] } {
  const placed: PlacedBlock[] = [];
  let rest = geo.items;
  for (const t of tablesOnPage(geo.segments, geo.items)) {
    const mine = rest.filter((i) => inside(t, i));
    rest = rest.filter((i) => !inside(t, i));
    const block = ruledBlock(t, mine, geo);
    if (block.block.kind === 'table' && block.block.rows.length > 0) placed.push(block);
  }
  const aligned = alignedTables(toLines(rest), geo);
  return { blocks: [...placed, ...aligned.blocks], lines: aligned.lines };
}
