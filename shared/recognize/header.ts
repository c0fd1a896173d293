/**
 * The header rows of a captured table as header cells and their concatenated text, the words that
 * are not column labels removed: read row by row (the usual case) or column by column (header
 * words wrapped over two rows of cells: `商业` above `企业`).
 */

import { isBlankText, looksLikeValue } from '../report/cell-text.ts';
import type { Cell } from '../report/model.ts';
import { normalizeLabel } from '../report/normalize.ts';
import type { Column } from '../report/template.ts';
import { type ColumnHit, findColumns, type HeaderCell } from './labels.ts';
import { labelTexts, type RowView } from './scan.ts';

export interface Header {
  cells: HeaderCell[];
  text: string;
}

/** The table-三 note over the label columns, which names no column. */
function isNote(text: string): boolean {
  const whole = normalizeLabel(text);
  return whole.includes('本列数据') || whole.includes('勾稽关系');
}

/** Header cells and their concatenated text, with words that are not column labels removed. */
export function headerOf(rows: readonly RowView[], strip: RegExp): Header {
  const cells: HeaderCell[] = [];
  for (const r of rows) {
    for (const t of labelTexts(r)) {
      if (isNote(t)) continue;
      // Several labels in one cell (PDF lines) are separate header cells.
      const pieces = t
        .trim()
        .split(/[\s\u00a0\u3000]+/)
        .map((raw) => ({ raw, n: normalizeLabel(raw) }));
      for (const p of stripWords(pieces, strip)) if (p.n.length > 0) cells.push(p);
    }
  }
  return { cells, text: cells.map((c) => c.n).join('') };
}

/**
 * Removes the words that are not column labels from the pieces of one cell, also when a line
 * break inside the cell cut such a word in two (`信息<br>内容`).
 */
function stripWords(pieces: HeaderCell[], strip: RegExp): HeaderCell[] {
  const joined = pieces.map((p) => p.n).join('');
  const removed = new Uint8Array(joined.length);
  let any = false;
  for (const m of joined.matchAll(strip)) {
    removed.fill(1, m.index, m.index + m[0].length);
    any = true;
  }
  if (!any) return pieces;
  let pos = 0;
  return pieces.map((p) => {
    let n = '';
    for (let i = 0; i < p.n.length; i++) if (removed[pos + i] === 0) n += p.n[i];
    pos += p.n.length;
    return { raw: p.raw, n };
  });
}

/**
 * The header read column by column: each grid column's label texts top to bottom (a merged cell
 * counted once), so that a word wrapped over two rows of cells is one label again. Cells of one
 * row are the row's grid (span copies included), so columns line up as people see them.
 */
export function headerByColumns(rows: readonly RowView[], strip: RegExp): Header {
  const width = rows.reduce((w, r) => Math.max(w, r.grid.length), 0);
  const cells: HeaderCell[] = [];
  for (let c = 0; c < width; c++) {
    const pieces: HeaderCell[] = [];
    let above: Cell | undefined;
    for (const r of rows) {
      const cell = r.grid[c];
      if (!cell) continue;
      // A span copy of the cell above (rowspan) or to the left (colspan) is that cell again.
      const left = r.grid[c - 1];
      const again =
        cell.span === true && ((above !== undefined && cell.text === above.text) || (left !== undefined && cell.text === left.text));
      above = cell;
      if (again || isBlankText(cell.text) || looksLikeValue(cell.text) || isNote(cell.text)) continue;
      for (const raw of cell.text.trim().split(/[\s\u00a0\u3000]+/)) pieces.push({ raw, n: normalizeLabel(raw) });
    }
    const kept = stripWords(pieces, strip).filter((p) => p.n.length > 0);
    if (kept.length > 0) cells.push({ raw: kept.map((p) => p.raw).join(' '), n: kept.map((p) => p.n).join('') });
  }
  return { cells, text: cells.map((c) => c.n).join('') };
}

/**
 * The header and the template columns found in it: read row by row, or column by column when
 * that finds more of the columns (words wrapped over two rows of cells).
 */
export function readHeader(rows: readonly RowView[], strip: RegExp, columns: readonly Column[]): { h: Header; hits: ColumnHit[] } {
  const h = headerOf(rows, strip);
  const hits = findColumns(columns, h.cells, h.text);
  if (hits.length < columns.length && rows.length > 1) {
    const byColumns = headerByColumns(rows, strip);
    const more = findColumns(columns, byColumns.cells, byColumns.text);
    if (more.length > hits.length) return { h: byColumns, hits: more };
  }
  return { h, hits };
}
