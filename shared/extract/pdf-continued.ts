/**
 * A ruled table continued on the next page (pdf.ts joins the parts): which columns line up, and
 * what happens at the seam between the last row of page N and the first row of page N+1 — a
 * merged cell cut by the page break, or a row broken across the page break (Word and LibreOffice
 * split a row unless "keep row together" is set).
 */
import { pushAll } from '../report/arrays.ts';
import type { Cell, TableBlock } from '../report/model.ts';
import type { AlignedColumns, PlacedBlock } from './pdf-layout.ts';
import { joinPieces, NUMBER, STARTS_ITEM } from './pdf-text.ts';

type Rows = TableBlock['rows'];

/**
 * How many of the previous table's columns each column of a continued table covers, when the
 * continuation's column lines are a subset of the previous ones (its rows may merge columns that
 * the previous page splits); undefined when the tables do not line up.
 */
export function columnCover(prev: number[] | undefined, next: number[] | undefined): number[] | undefined {
  if (!prev || !next || next.length < 2) return undefined;
  const index = next.map((x) => prev.findIndex((p) => Math.abs(p - x) <= 3));
  if (index.some((i) => i < 0) || index[0] !== 0 || index[index.length - 1] !== prev.length - 1) return undefined;
  return index.slice(1).map((i, k) => i - index[k]!);
}

/** Re-expands the rows of a continued table onto the previous table's columns. */
export function widen(rows: Rows, cover: number[], open?: Set<Cell>): Rows {
  if (cover.every((n) => n === 1)) return rows;
  return rows.map((row) =>
    row.flatMap((cell, c) => [
      cell,
      ...Array.from({ length: (cover[c] ?? 1) - 1 }, () => {
        const copy = { ...cell, span: true };
        if (open?.has(cell)) open.add(copy);
        return copy;
      }),
    ]),
  );
}

/**
 * A merged cell cut by a page break keeps its text on the first page; its part on the next page
 * is empty. Where the previous page's last row ends in a vertical merge and the continued table
 * starts with an empty cell in that column, the empty cell (and its own copies) become copies.
 */
export function continueMergedCells(prev: Rows, rows: Rows): void {
  const last = prev[prev.length - 1];
  const above = prev[prev.length - 2];
  if (!last || !above || rows.length === 0) return;
  last.forEach((cell, c) => {
    const vertical = cell.span === true && cell.text !== '' && above[c]?.text === cell.text;
    if (vertical && rows[0]![c]?.text === '') fillDown(rows, c, cell.text);
  });
}

/** The empty cell at the top of column c and the empty copies under it become copies of text. */
function fillDown(rows: Rows, c: number, text: string): void {
  for (let r = 0; r < rows.length; r++) {
    const target = rows[r]![c];
    if (target?.text !== '' || (r > 0 && !target.span)) break;
    rows[r]![c] = { ...target, text, span: true };
  }
}

/** Renames the merged cell at (r, c) — the cell and its vertical copies above and below — to text. */
function rename(rows: Rows, r: number, c: number, text: string): void {
  const old = rows[r]?.[c];
  if (!old) return;
  let top = r;
  while (old.text !== '' && top > 0 && rows[top]![c]!.span && rows[top - 1]![c]?.text === old.text) top--;
  for (let k = top; k < rows.length && (k <= r || (rows[k]![c]!.span && rows[k]![c]!.text === old.text)); k++) {
    rows[k]![c] = { ...rows[k]![c]!, text };
  }
}

type Seam = 'same' | 'wrap' | 'above' | 'below' | 'both' | 'empty';

/**
 * The seam between the last row of page N (`prev`) and the first row of page N+1 (`rows[0]`),
 * after continueMergedCells. Per column: the text wraps across the break (page N's part ends
 * in a line that fills its cell — `open` holds those cells — and page N+1's part goes on
 * without starting an item or being a number), only one side has text, or both have their own.
 *
 * - Every column wraps or has text on one side only: one row broken across the page break; the
 *   two parts become one row (texts joined per column).
 * - Some columns wrap, others hold two rows' own text: merged cells cut by the break, whose text
 *   goes on in the next page's part; the wrapped texts are joined into one merged cell.
 * - A header cell that fills its cell on page N over an empty cell on page N+1, in a first row
 *   holding no numbers: a merged header cell whose part on page N is a single row.
 *
 * Without that evidence the rows stay as they are. `split` says the rows are one row whatever
 * their texts (no rule between them: the table's edge at the page break is open).
 */
export function joinSeam(prev: Rows, rows: Rows, open: ReadonlySet<Cell>, split = false): void {
  const last = prev.length - 1;
  const a = prev[last];
  const b = rows[0];
  if (!a || !b || a.length !== b.length) return;
  // a row of one cell across the table (a title such as 第二十条第（五）项) is its own row
  const titleRow = b.every((y, c) => y.text === b[0]!.text && (c === 0 || y.span === true));
  const seams: Seam[] = a.map((x, c) => {
    const y = b[c]!;
    if (x.text === '' && y.text === '') return 'empty';
    if (y.span && y.text === x.text) return 'same';
    if (y.text === '') return 'above';
    if (x.text === '') return 'below';
    const wraps = open.has(x) && !titleRow && !NUMBER.test(x.text) && !NUMBER.test(y.text) && !STARTS_ITEM.test(y.text);
    return wraps ? 'wrap' : 'both';
  });
  const wrapped = seams.filter((s) => s === 'wrap').length;
  if (split || (wrapped > 0 && !seams.includes('both'))) {
    // one row broken across the page break
    a.forEach((x, c) => {
      const y = b[c]!;
      if (seams[c] === 'wrap' || seams[c] === 'both') {
        const text = joinPieces(x.text, y.text);
        rename(prev, last, c, text);
        rename(rows, 0, c, text);
      } else if (seams[c] === 'below') {
        rename(prev, last, c, y.text);
      }
    });
    rows.shift();
    return;
  }
  const headerRow = b.every((y) => y.span || !NUMBER.test(y.text));
  a.forEach((x, c) => {
    if (seams[c] === 'wrap') {
      const text = joinPieces(x.text, b[c]!.text);
      rename(prev, last, c, text);
      rename(rows, 0, c, text);
      b[c] = { ...b[c]!, span: true };
    } else if (seams[c] === 'above' && headerRow && open.has(x) && !NUMBER.test(x.text) && b.some((y) => !y.span && y.text !== '')) {
      fillDown(rows, c, x.text);
    }
  });
}

/** The table being assembled: its last page, and what its last part there says about the seam. */
export interface OpenTable {
  page: number;
  block: TableBlock;
  /** Column lines (ruled) or columns from alignment of its last part. */
  columns?: number[];
  aligned?: AlignedColumns;
  open: Set<Cell>;
  openBottom: boolean;
}

export function startTable(page: number, placed: PlacedBlock): OpenTable {
  return {
    page,
    block: placed.block as TableBlock,
    open: placed.open ?? new Set(),
    openBottom: placed.openBottom === true,
    ...(placed.columns ? { columns: placed.columns } : {}),
    ...(placed.aligned ? { aligned: placed.aligned } : {}),
  };
}

/** Leading rows of `rows` that repeat the first rows of `prev` (a header repeated on every page). */
function repeatedHeader(prev: Rows, rows: Rows): number {
  let skip = 0;
  while (skip < rows.length && skip < prev.length && rows[skip]!.every((c, i) => c.text === prev[skip]![i]?.text)) skip++;
  return skip === rows.length ? 0 : skip;
}

/**
 * Appends `placed`, the first block of page `page`, to `table` when it is the same table continued
 * (ruled: the column lines line up, one page's may be a subset of the other's; from alignment: its
 * number rows fit the columns of the page before). Repeated header rows are dropped and the seam
 * is joined. False when it is another table.
 */
export function continueTable(table: OpenTable, page: number, placed: PlacedBlock): boolean {
  if (table.page + 1 !== page) return false;
  const current = placed.block as TableBlock;
  const prev = (): Rows => table.block.rows;
  if (!placed.columns) {
    // tables from alignment: the next page's part on the columns of the page before
    const again = table.aligned && !table.columns ? placed.recut?.(table.aligned, true) : undefined;
    if (!again) return false;
    const rows = (again.block as TableBlock).rows;
    const last = prev()[prev().length - 1];
    again.carry?.forEach((text, c) => {
      if (last?.[c] && text !== '') last[c] = { ...last[c]!, text: joinPieces(last[c]!.text, text) };
    });
    pushAll(prev(), rows.slice(repeatedHeader(prev(), rows)));
    table.page = page;
    return true;
  }
  const cover = columnCover(table.columns, placed.columns);
  // the page before may be the coarser one (its rows merge columns the next page splits)
  const coverBack = cover ? undefined : columnCover(placed.columns, table.columns);
  if (!cover && !coverBack) return false;
  const open = placed.open ?? new Set<Cell>();
  let rows = cover ? widen(current.rows, cover, open) : current.rows;
  if (coverBack) {
    table.block.rows = widen(table.block.rows, coverBack, table.open);
    table.columns = placed.columns;
  }
  const skip = repeatedHeader(prev(), rows);
  rows = rows.slice(skip);
  continueMergedCells(prev(), rows);
  joinSeam(prev(), rows, table.open, table.openBottom || (placed.openTop === true && skip === 0));
  pushAll(prev(), rows);
  table.page = page;
  table.open = open;
  table.openBottom = placed.openBottom === true;
  return true;
}
