/**
 * Merged-cell tables → a rectangular grid (model.ts TableBlock). Shared by the HTML, DOCX and PDF
 * extractors so that every format expands rowspan/colspan the same way: the cell itself keeps its
 * text at its top-left position; every other position it covers gets a copy of the text marked
 * `span: true`; holes and short rows are padded with `{ text: '', span: true }`.
 */
import type { Cell, Source } from '../report/model.ts';
import { EXTRACT_LIMITS } from './limits.ts';

export interface SpanCell {
  text: string;
  rowspan?: number;
  colspan?: number;
  source?: Source;
  /** Padding (e.g. DOCX gridBefore): every position it covers is an empty span cell. */
  pad?: boolean;
}

/** Upper bounds that keep hostile markup (colspan="100000") from allocating huge grids (limits.ts). */
const MAX_SPAN = 1000;
const MAX_COLUMNS = EXTRACT_LIMITS.maxColumns;

function clampSpan(n: number | undefined): number {
  if (n === undefined || !Number.isFinite(n) || n < 1) return 1;
  return Math.min(Math.floor(n), MAX_SPAN);
}

/**
 * Places the cells row by row, skipping positions already covered by a rowspan from above (the
 * HTML table model). A rowspan reaching past the last row is clipped; a rowspan of 0 means "to the
 * end of the table".
 */
export function expandGrid(rows: readonly (readonly SpanCell[])[]): Cell[][] {
  const height = rows.length;
  const grid: (Cell | undefined)[][] = [];
  for (let r = 0; r < height; r++) grid.push([]);
  let width = 0;
  for (let r = 0; r < height; r++) {
    const line = grid[r]!;
    let c = 0;
    for (const cell of rows[r]!) {
      while (line[c] !== undefined) c++;
      const rowspan = cell.rowspan === 0 ? height - r : Math.min(clampSpan(cell.rowspan), height - r);
      const colspan = Math.min(clampSpan(cell.colspan), MAX_COLUMNS - c);
      if (colspan < 1) break;
      const { source, pad } = cell;
      const text = pad ? '' : cell.text;
      for (let dr = 0; dr < rowspan; dr++) {
        const target = grid[r + dr]!;
        for (let dc = 0; dc < colspan; dc++) {
          if (target[c + dc] !== undefined) continue; // overlapping spans: the first cell wins
          const placed: Cell = pad || dr > 0 || dc > 0 ? { text, span: true } : { text };
          if (source) placed.source = source;
          target[c + dc] = placed;
        }
        if (target.length > width) width = target.length;
      }
      c += colspan;
    }
  }
  const out: Cell[][] = [];
  for (const line of grid) {
    for (let c = 0; c < width; c++) if (line[c] === undefined) line[c] = { text: '', span: true };
    out.push(line as Cell[]);
  }
  return out;
}

/** Whether a cell is nothing but empty padding. */
const isPadding = (cell: Cell): boolean => cell.span === true && cell.text === '';

/** Drops rows whose cells are all empty, and columns that are nothing but empty padding. */
export function trimGrid(grid: Cell[][]): Cell[][] {
  const rows: Cell[][] = [];
  for (const row of grid) {
    for (const cell of row) {
      if (!isBlank(cell.text)) {
        rows.push(row);
        break;
      }
    }
  }
  if (rows.length === 0) return rows;
  const width = rows[0]!.length;
  const keep: number[] = [];
  for (let c = 0; c < width; c++) {
    for (const row of rows) {
      if (!isPadding(row[c]!)) {
        keep.push(c);
        break;
      }
    }
  }
  if (keep.length === width) return rows;
  return rows.map((row) => keep.map((c) => row[c]!));
}

/** Whether `text.trim() === ''` (trim removes exactly the whitespace isSpace knows, minus U+200B). */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) || c === 0x200b) return false;
  }
  return true;
}

const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** Whether a code unit is one the SPACES class matches (JavaScript `\s` plus U+200B). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether the text is already clean: no edge whitespace, and only single plain spaces inside. */
function isClean(text: string): boolean {
  let previousSpace = true; // a space at the start is not clean
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (previousSpace) return false;
      previousSpace = true;
    } else if (isSpace(c)) {
      return false;
    } else previousSpace = false;
  }
  return !previousSpace || text.length === 0;
}

/** Collapses runs of whitespace (NBSP included) to one space and trims. */
export function cleanText(text: string): string {
  return isClean(text) ? text : text.replace(SPACES, ' ').trim();
}
