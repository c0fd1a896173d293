/**
 * Second pass, the parts every table shares: the accumulator of cells and their origins, how a
 * decoded row's cells are put, the row issues, unfilled tables. The tables themselves are read
 * in map-t2.ts, map-t3.ts and map-t4.ts. The captured rows of each template table are mapped onto canonical cell keys of the
 * decided edition. Values are mapped by their order inside the row (docs/template-tables.md layout pitfall).
 */
import { isBlankText } from '../report/cell-text.ts';
import type { Cell, CellIssue, CellOrigin, CellValue, Recognition, Source, TableFinding } from '../report/model.ts';
import { normalizeLabel } from '../report/normalize.ts';
import { T3_ROWS } from '../report/template.ts';
import type { ReadingKind } from './decode-row.ts';
import type { RowMatch } from './labels.ts';
import { type Capture, labelTexts, type RowView } from './scan.ts';
import { parseCellValue, type ValueContext } from './values.ts';

export interface Accumulator {
  cells: Record<string, CellValue>;
  sources: Record<string, CellOrigin>;
  issues: CellIssue[];
  variants: Recognition['labelVariants'];
  rowIssues: Recognition['rowIssues'];
  /** A row somewhere had fewer values than cells: values vanished from this text, so no table is taken as unfilled. */
  vanished?: boolean;
  /** Tables that look unfilled, with the keys of their cells: blank unless values vanished (applyUnfilled). */
  unfilled?: { f: TableFinding; keys: string[] }[];
}

export type ExtraRow = TableFinding['extraRows'][number];

export function origin(cell: Cell, reading?: CellOrigin['reading']): CellOrigin {
  const o: CellOrigin = { raw: cell.text };
  if (reading) o.reading = reading;
  if (cell.source?.line !== undefined) o.line = cell.source.line;
  if (cell.source?.page !== undefined) o.page = cell.source.page;
  return o;
}

export function parse(acc: Accumulator, key: string, cell: Cell, ctx: ValueContext): CellValue | undefined {
  const { value, issues } = parseCellValue(cell.text, ctx);
  for (const i of issues) {
    const issue: CellIssue = { key, raw: cell.text, issue: i.issue };
    if (i.unit) issue.unit = i.unit;
    if (cell.source) issue.source = cell.source;
    acc.issues.push(issue);
  }
  return value;
}

/** The cell key of a row and column. */
export function cellKey(make: (row: string, column: string) => string, row: string, column: string): string {
  return make(row, column);
}

export function put(acc: Accumulator, key: string, cell: Cell, ctx: ValueContext, reading?: CellOrigin['reading']): void {
  if (Object.hasOwn(acc.cells, key)) return; // first occurrence wins
  const value = parse(acc, key, cell, ctx);
  acc.sources[key] = origin(cell, reading);
  if (value !== undefined) acc.cells[key] = value;
}

/**
 * The value cells of a row fitted to `n` columns: surplus blank cells trimmed from the right,
 * then the left. Fewer cells than columns is ambiguous (which one vanished?) unless the text
 * ends in this row (the rest was cut): then the cells are read in order.
 */
export function fitValues(values: readonly Cell[], n: number, isLast: boolean): Cell[] | undefined {
  let lo = 0;
  let hi = values.length;
  while (hi - lo > n && isBlankText(values[hi - 1]!.text)) hi--;
  while (hi - lo > n && isBlankText(values[lo]!.text)) lo++;
  const out = values.slice(lo, Math.min(hi, lo + n));
  if (out.length < n && !isLast) return undefined;
  return out;
}

export function finding(c: Capture): TableFinding {
  const f: TableFinding = {
    id: c.id,
    section: c.section as TableFinding['section'],
    rows: [],
    extraRows: [],
    missingColumns: [],
    extraColumns: [],
    headerUnits: {},
    cut: c.cut,
  };
  if (c.source.line !== undefined || c.source.page !== undefined) f.source = c.source;
  return f;
}

/** A template row whose values could not be placed: its cells stay absent, with the reason. */
export function rowIssue(acc: Accumulator, f: TableFinding, key: string, reason: string, source?: Source, cause?: string): void {
  if (cause === 'fewer') acc.vanished = true;
  f.ambiguousRows ??= [];
  if (!f.ambiguousRows.includes(key)) f.ambiguousRows.push(key);
  acc.rowIssues.push({
    table: f.id,
    row: key,
    reason,
    ...(source && (source.line !== undefined || source.page !== undefined) ? { source } : {}),
  });
}

/** How a decoded reading is recorded in the cell's origin (only the readings the text did not spell out). */
export function readingOf(by: ReadingKind): CellOrigin['reading'] {
  return by === 'split' || by === 'identity' || by === 'blanks' ? by : undefined;
}

/**
 * A table whose labels are (nearly) all there and whose rows hold no value at all — the blanks
 * may have left no trace — was not filled in: its cells are blank, not absent.
 */
export function isUnfilled(rows: readonly RowView[], found: number, template: number): boolean {
  return found >= Math.max(1, Math.ceil(template * 0.8)) && !rows.some((r) => r.hasValues);
}

export function markUnfilled(acc: Accumulator, f: TableFinding, keys: string[]): void {
  (acc.unfilled ??= []).push({ f, keys });
}

/**
 * After every table is read: the tables that looked unfilled have blank cells — unless a row
 * elsewhere lost values (a text whose repeated lines were dropped looks unfilled too).
 */
export function applyUnfilled(acc: Accumulator): void {
  if (acc.vanished) return;
  for (const { f, keys } of acc.unfilled ?? []) {
    f.unfilled = true;
    const cell: Cell = { text: '', ...(f.source ? { source: f.source } : {}) };
    for (const key of keys) put(acc, key, cell, {}, 'blanks');
  }
}

/** Every table-三 row label, normalized, with its key (both editions). */
export const T3_LABELS = [...T3_ROWS['2019'], ...T3_ROWS['2021']].map((r) => ({ key: r.key, label: normalizeLabel(r.label) }));

/** A label cell that holds a second row's label after its own (two rows run together): its values belong to neither for sure. */
export function gluedLabels(label: string, key: string): boolean {
  const n = normalizeLabel(label);
  return T3_LABELS.some((l) => l.key !== key && l.label.length >= 4 && n.indexOf(l.label) > 0);
}

/** K5: in each of table 四's three groups, the four parts add up to 总计. */
export const groupTotalsHold = (n: readonly number[]): boolean =>
  n.length === 15 && [0, 5, 10].every((g) => n[g]! + n[g + 1]! + n[g + 2]! + n[g + 3]! === n[g + 4]);

/** K3: the six applicant columns add up to 总计 (table 三's row identity). */
export const rowTotalHolds = (n: readonly number[]): boolean => n.length === 7 && n.slice(0, 6).reduce((a, b) => a + b, 0) === n[6];

export function variant(acc: Accumulator, table: TableFinding['id'], m: RowMatch, found: string, source?: Cell['source']): void {
  if (m.via === 'exact') return;
  const v: Recognition['labelVariants'][number] = { table, found, canonical: m.canonical };
  if (source) v.source = source;
  acc.variants.push(v);
}

export function leftover(text: string, hits: { at: number; end: number }[]): string {
  let out = '';
  let pos = 0;
  for (const h of [...hits].sort((a, b) => a.at - b.at)) {
    if (h.at > pos) out += text.slice(pos, h.at);
    pos = Math.max(pos, h.end);
  }
  return out + text.slice(pos);
}

/** A non-template row with its values by column key (read in order, never summed in). */
export function extraRowOf(
  r: RowView,
  columns: readonly string[],
  ctx: (column: string) => ValueContext,
  group?: ExtraRow['group'],
): ExtraRow {
  const values: Record<string, CellValue> = {};
  const cells = fitValues(r.values, columns.length, true) ?? [];
  cells.forEach((cell, i) => {
    const { value } = parseCellValue(cell.text, ctx(columns[i]!));
    if (value !== undefined) values[columns[i]!] = value;
  });
  const e: ExtraRow = { label: labelTexts(r).join(' '), values };
  if (group) e.group = group;
  e.source = r.source;
  return e;
}
