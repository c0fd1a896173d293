/**
 * Second pass: the captured rows of each template table mapped onto canonical cell keys of the
 * decided edition. Values are mapped by their order inside the row (docs/template-tables.md layout pitfall).
 */
import { isBlankText } from '../report/cell-text.ts';
import type { Cell, CellIssue, CellOrigin, CellValue, Recognition, Source, TableFinding } from '../report/model.ts';
import {
  type Column,
  type Edition,
  type SubTable,
  T2,
  T3_COLUMNS,
  T3_ROWS,
  T4_COLUMNS,
  T4_GROUPS,
  t2Key,
  t3Key,
  t4Key,
} from '../report/template.ts';
import { decodeRow, type ReadingKind } from './decode-row.ts';
import { readHeader } from './header.ts';
import { type PendingRow, resolveJointly } from './joint.ts';
import { matchT2Row, matchT3Group, matchT3Row, norm, type RowMatch } from './labels.ts';
import { type Capture, labelTexts, type RowView, t3RowLabel } from './scan.ts';
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

type ExtraRow = TableFinding['extraRows'][number];

function origin(cell: Cell, reading?: CellOrigin['reading']): CellOrigin {
  const o: CellOrigin = { raw: cell.text };
  if (reading) o.reading = reading;
  if (cell.source?.line !== undefined) o.line = cell.source.line;
  if (cell.source?.page !== undefined) o.page = cell.source.page;
  return o;
}

function parse(acc: Accumulator, key: string, cell: Cell, ctx: ValueContext): CellValue | undefined {
  const { value, issues } = parseCellValue(cell.text, ctx);
  for (const i of issues) {
    const issue: CellIssue = { key, raw: cell.text, issue: i.issue };
    if (i.unit) issue.unit = i.unit;
    if (cell.source) issue.source = cell.source;
    acc.issues.push(issue);
  }
  return value;
}

/**
 * Cell keys built once per (row, column): the same string objects every time, so property
 * lookups on the accumulator do not hash freshly concatenated strings. Rows and columns are
 * template constants, so the caches stay small.
 */
const keyCaches = new Map<(row: string, column: string) => string, Map<string, Map<string, string>>>();
function cellKey(make: (row: string, column: string) => string, row: string, column: string): string {
  let byRow = keyCaches.get(make);
  if (!byRow) keyCaches.set(make, (byRow = new Map()));
  let byColumn = byRow.get(row);
  if (!byColumn) byRow.set(row, (byColumn = new Map()));
  let key = byColumn.get(column);
  if (key === undefined) byColumn.set(column, (key = make(row, column)));
  return key;
}

function put(acc: Accumulator, key: string, cell: Cell, ctx: ValueContext, reading?: CellOrigin['reading']): void {
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

function finding(c: Capture): TableFinding {
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
function rowIssue(acc: Accumulator, f: TableFinding, key: string, reason: string, source?: Source, cause?: string): void {
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
function readingOf(by: ReadingKind): CellOrigin['reading'] {
  return by === 'split' || by === 'identity' || by === 'blanks' ? by : undefined;
}

/**
 * A table whose labels are (nearly) all there and whose rows hold no value at all — the blanks
 * may have left no trace — was not filled in: its cells are blank, not absent.
 */
function isUnfilled(rows: readonly RowView[], found: number, template: number): boolean {
  return found >= Math.max(1, Math.ceil(template * 0.8)) && !rows.some((r) => r.hasValues);
}

function markUnfilled(acc: Accumulator, f: TableFinding, keys: string[]): void {
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
const T3_LABELS = [...T3_ROWS['2019'], ...T3_ROWS['2021']].map((r) => ({ key: r.key, label: norm(r.label) }));

/** A label cell that holds a second row's label after its own (two rows run together): its values belong to neither for sure. */
function gluedLabels(label: string, key: string): boolean {
  const n = norm(label);
  return T3_LABELS.some((l) => l.key !== key && l.label.length >= 4 && n.indexOf(l.label) > 0);
}

/** K5: in each of table 四's three groups, the four parts add up to 总计. */
const groupTotalsHold = (n: readonly number[]): boolean =>
  n.length === 15 && [0, 5, 10].every((g) => n[g]! + n[g + 1]! + n[g + 2]! + n[g + 3]! === n[g + 4]);

/** K3: the six applicant columns add up to 总计 (table 三's row identity). */
const rowTotalHolds = (n: readonly number[]): boolean => n.length === 7 && n.slice(0, 6).reduce((a, b) => a + b, 0) === n[6];

function variant(acc: Accumulator, table: TableFinding['id'], m: RowMatch, found: string, source?: Cell['source']): void {
  if (m.via === 'exact') return;
  const v: Recognition['labelVariants'][number] = { table, found, canonical: m.canonical };
  if (source) v.source = source;
  acc.variants.push(v);
}

function leftover(text: string, hits: { at: number; end: number }[]): string {
  let out = '';
  let pos = 0;
  for (const h of [...hits].sort((a, b) => a.at - b.at)) {
    if (h.at > pos) out += text.slice(pos, h.at);
    pos = Math.max(pos, h.end);
  }
  return out + text.slice(pos);
}

/** A non-template row with its values by column key (read in order, never summed in). */
function extraRowOf(r: RowView, columns: readonly string[], ctx: (column: string) => ValueContext, group?: ExtraRow['group']): ExtraRow {
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

// ---- table 二 -------------------------------------------------------------------------------

function t2Context(edition: Edition, column: string, unit: string | undefined): ValueContext {
  return {
    delta: edition === '2019' && column === 'delta',
    money: column === 'amount',
    columnUnit: unit,
    shiftSensitive: edition === '2019' && (column === 'prev' || column === 'decisions'),
  };
}

function matchRowLabel(r: RowView, match: (t: string) => RowMatch | undefined): { m: RowMatch; text: string } | undefined {
  for (let k = r.labels.length - 1; k >= 0; k--) {
    const text = r.cells[r.labels[k]!]!.text;
    const m = match(text);
    if (m) return { m, text };
  }
  return undefined;
}

export function mapT2(c: Capture, edition: Edition, acc: Accumulator): TableFinding {
  const f = finding(c);
  const own = T2[edition].find((s) => s.id === c.id);
  const other: Edition = edition === '2019' ? '2021' : '2019';
  const sub: SubTable = own ?? T2[other].find((s) => s.id === c.id)!;
  const subEdition = own ? edition : other;
  const data: { r: RowView; hit?: { m: RowMatch & { otherEdition: boolean }; text: string } }[] = [];
  const header: RowView[] = [];
  for (const r of c.rows) {
    const hit = matchRowLabel(r, (t) => matchT2Row(c.id, subEdition, t)) as
      | { m: RowMatch & { otherEdition: boolean }; text: string }
      | undefined;
    if (hit || r.hasValues) data.push({ r, hit });
    else if (data.length === 0) header.push(r);
  }
  const { h, hits } = readHeader(header, /信息内容/g, sub.columns);
  // A header cut off by the end of the text says nothing about missing columns.
  if (h.cells.length > 0 && !(c.cut && data.length === 0)) {
    f.missingColumns = sub.columns.filter((col) => !hits.some((x) => x.key === col.key)).map((col) => col.key);
  }
  const otherSub = T2[subEdition === '2019' ? '2021' : '2019'].find((s) => s.id === c.id);
  const rest = leftover(h.text, hits).replace(/\([^()]*\)?/g, '');
  if (otherSub) {
    for (const col of otherSub.columns) {
      if (rest.includes(norm(col.label))) f.extraColumns.push(col.label);
    }
  }
  if (f.extraColumns.length === 0 && rest.replace(/[()（）:：]/g, '').length >= 2) f.extraColumns.push(rest);
  for (const x of hits) {
    if (x.found) variant(acc, c.id, { key: x.key, canonical: x.label, via: 'alias' }, x.found);
  }
  // Units written in headers.
  hits.forEach((x, i) => {
    const seg = h.text.slice(x.at, hits[i + 1]?.at ?? h.text.length);
    const u = /(万元|元)/.exec(seg);
    if (u) f.headerUnits[x.key] = u[1]!;
  });
  // Values map onto the header's columns in the header's order; when the header does not name
  // every column but the row has a value for each, onto the template's order.
  const order: Column[] = hits.length > 0 ? hits.map((x) => sub.columns.find((col) => col.key === x.key)!) : [...sub.columns];
  let fullRows = 0;
  let valueRows = 0;
  for (const { r, hit } of data) {
    const full = order.length < sub.columns.length && fitValues(r.values, sub.columns.length, false) !== undefined;
    if (hit && !hit.m.otherEdition && r.hasValues) {
      valueRows++;
      if (full) fullRows++;
    }
    const cols = full ? sub.columns : order;
    if (!hit || hit.m.otherEdition) {
      if (r.hasValues) {
        f.extraRows.push(
          extraRowOf(
            r,
            cols.map((col) => col.key),
            (col) => t2Context(subEdition, col, f.headerUnits[col]),
          ),
        );
      }
      continue;
    }
    const key = hit.m.key;
    if (!f.rows.includes(key)) f.rows.push(key);
    variant(acc, c.id, hit.m, hit.text, r.source);
    const decision = decodeRow(r.tokens, cols.length, { isLast: r.isLast });
    if (decision.kind !== 'read') {
      if (decision.kind === 'ambiguous') rowIssue(acc, f, key, decision.reason, r.source, decision.cause);
      continue;
    }
    decision.cells.forEach((cell, i) => {
      const col = cols[i]!.key;
      const unit = f.headerUnits[col] ?? (subEdition === '2021' && col === 'amount' ? '万元' : undefined);
      put(acc, cellKey(t2Key, key, col), cell, t2Context(subEdition, col, unit), readingOf(decision.by));
    });
  }
  if (isUnfilled(c.rows, f.rows.length, sub.rows.length)) {
    markUnfilled(
      acc,
      f,
      f.rows.flatMap((row) => order.map((col) => t2Key(row, col.key))),
    );
  }
  // Every row has a value for every column: a header lacking a word does not make a column missing.
  if (valueRows > 0 && fullRows === valueRows) f.missingColumns = [];
  return f;
}

// ---- table 三 -------------------------------------------------------------------------------

/** Table-三 header words that are not columns: 申请人情况, the group 法人或其他组织. */
const T3_NOT_COLUMNS = /申请人情况|法人或其他组织|三、本年度办理结果/g;

/**
 * The columns table-三 values map onto. All template columns, unless the header lacks some
 * (`missing`) and the data rows agree: no row has a value for every template column and most
 * rows have exactly one per named column (a clipped 总计 column: 6 values a row). Then the
 * missing columns' cells stay absent (docs/rules.md, C-COL-MISSING) instead of every row being
 * ambiguous. A single short row among full ones stays ambiguous, as before.
 */
export function t3ValueColumns(rows: readonly RowView[], missing: readonly string[]): string[] {
  const all = T3_COLUMNS.map((col) => col.key);
  if (missing.length === 0) return all;
  const present = all.filter((k) => !missing.includes(k));
  if (present.length === 0) return all;
  const counts = rows.filter((r) => r.hasValues).map((r) => r.values.filter((v) => !isBlankText(v.text)).length);
  if (counts.length === 0 || counts.some((n) => n >= all.length)) return all;
  const exact = counts.filter((n) => n === present.length).length;
  return exact * 2 > counts.length ? present : all;
}

export function mapT3(c: Capture, edition: Edition, acc: Accumulator): TableFinding {
  const f = finding(c);
  const header: RowView[] = [];
  let i = 0;
  for (; i < c.rows.length; i++) {
    const r = c.rows[i]!;
    if (r.hasValues || t3RowLabel(r) !== undefined || labelTexts(r).some((t) => matchT3Group(t))) break;
    header.push(r);
  }
  const { h, hits } = readHeader(header, T3_NOT_COLUMNS, T3_COLUMNS);
  if (h.cells.length > 0) {
    f.missingColumns = T3_COLUMNS.filter((col) => !hits.some((x) => x.key === col.key)).map((col) => col.key);
    const rest = leftover(h.text, hits).replace(/\([^()]*\)?/g, '');
    if (rest.length >= 2) f.extraColumns.push(rest);
  }
  for (const x of hits) if (x.found) variant(acc, 't3', { key: x.key, canonical: x.label, via: 'alias' }, x.found);
  const colKeys = t3ValueColumns(c.rows.slice(i), f.missingColumns);
  // A header that lacks a word while most rows carry a value for every column (split or
  // de-duplicated header words) does not make the column missing.
  if (f.missingColumns.length > 0 && colKeys.length === T3_COLUMNS.length) {
    const counts = c.rows
      .slice(i)
      .filter((r) => r.hasValues)
      .map((r) => r.values.length);
    if (counts.filter((n) => n >= colKeys.length).length * 2 > counts.length) f.missingColumns = [];
  }
  // Rows whose digits ran together and that their own total leaves open: read together at the end.
  const pending: (PendingRow & { reason: string; source: Source })[] = [];
  // A label row without numbers whose label wraps onto the next line, which carries the numbers
  // (PDF text: `（二）部分公开（区分处理的，只计` / `这一情形，不计其他情形） 1 0 …`).
  let wrapped: { m: RowMatch; label: string } | undefined;
  for (; i < c.rows.length; i++) {
    const r = c.rows[i]!;
    let label = t3RowLabel(r);
    let m = label !== undefined ? matchT3Row(label) : undefined;
    const group = labelTexts(r)
      .map((t) => matchT3Group(t))
      .find((g) => g !== undefined);
    if (!m && wrapped && r.hasValues && r.labels.length > 0 && group === undefined) {
      const joined = wrapped.label + labelTexts(r).join('');
      const whole = matchT3Row(joined);
      m = whole?.key === wrapped.m.key ? whole : wrapped.m;
      label = whole?.key === wrapped.m.key ? joined : wrapped.label;
    }
    wrapped = m && !r.hasValues && label !== undefined ? { m, label } : undefined;
    if (!m) {
      if (r.hasValues) f.extraRows.push(extraRowOf(r, colKeys, () => ({}), group));
      continue;
    }
    const wrongEdition = (edition === '2019' && m.key.startsWith('other.')) || (edition === '2021' && m.key === 'other');
    if (wrongEdition) {
      if (r.hasValues) f.extraRows.push(extraRowOf(r, colKeys, () => ({}), m.key === 'other' ? 'other' : undefined));
      continue;
    }
    if (!f.rows.includes(m.key)) f.rows.push(m.key);
    variant(acc, 't3', m, label!, r.source);
    if (gluedLabels(label!, m.key)) {
      rowIssue(acc, f, m.key, '两行的名称连在一起，无法确定数值属于哪一行', r.source);
      continue;
    }
    const decision = decodeRow(r.tokens, colKeys.length, {
      isLast: r.isLast,
      ...(colKeys.length === T3_COLUMNS.length ? { identity: rowTotalHolds } : {}),
    });
    if (decision.kind !== 'read') {
      if (decision.kind === 'ambiguous' && decision.readings)
        pending.push({ row: m.key, readings: decision.readings, reason: decision.reason, source: r.source });
      else if (decision.kind === 'ambiguous') rowIssue(acc, f, m.key, decision.reason, r.source, decision.cause);
      continue;
    }
    decision.cells.forEach((cell, k) => {
      put(acc, cellKey(t3Key, m.key, colKeys[k]!), cell, {}, readingOf(decision.by));
    });
  }
  if (isUnfilled(c.rows, f.rows.length, T3_ROWS[edition].length)) {
    markUnfilled(
      acc,
      f,
      f.rows.flatMap((row) => colKeys.map((col) => t3Key(row, col))),
    );
  }
  const chosen = resolveJointly(edition, acc.cells, colKeys, pending);
  for (const p of pending) {
    const cells = chosen?.get(p.row);
    if (!cells) {
      rowIssue(acc, f, p.row, p.reason, p.source);
      continue;
    }
    cells.forEach((cell, k) => put(acc, cellKey(t3Key, p.row, colKeys[k]!), cell, {}, 'identity'));
  }
  return f;
}

// ---- table 四 -------------------------------------------------------------------------------

export function mapT4(c: Capture, _edition: Edition, acc: Accumulator): TableFinding {
  const f = finding(c);
  const values: Cell[] = [];
  const labels: string[] = [];
  for (const r of c.rows) {
    for (const t of labelTexts(r)) labels.push(norm(t));
    if (r.labels.length === 0 || r.hasValues) values.push(...r.values);
  }
  const n = T4_GROUPS.length * T4_COLUMNS.length;
  let cells: Cell[] | undefined;
  let reading: CellOrigin['reading'];
  if (values.filter((v) => !isBlankText(v.text)).length > 0) {
    cells = fitValues(values, n, c.cut);
    if (!cells) {
      // Fewer tokens than cells: digits run together; each group's total is the sum of its four parts.
      const decision = decodeRow(
        values.map((cell) => ({ cell })),
        n,
        { identity: groupTotalsHold },
      );
      if (decision.kind === 'read') [cells, reading] = [decision.cells, readingOf(decision.by)];
      else if (decision.kind === 'ambiguous') rowIssue(acc, f, 'review', decision.reason, values[0]?.source, decision.cause);
    }
  }
  const text = labels.join('');
  for (const g of T4_GROUPS) {
    const read = cells !== undefined && cells.length > T4_GROUPS.indexOf(g) * T4_COLUMNS.length;
    if (read || text.includes(g.label)) f.rows.push(g.key);
  }
  // Column labels are not judged: PDF text splits them into vertical fragments (docs/template-tables.md; the
  // 15 values in order are what counts.
  cells?.forEach((cell, i) => {
    const g = T4_GROUPS[Math.floor(i / T4_COLUMNS.length)]!;
    const col = T4_COLUMNS[i % T4_COLUMNS.length]!;
    put(acc, cellKey(t4Key, g.key, col.key), cell, {}, reading);
  });
  return f;
}
