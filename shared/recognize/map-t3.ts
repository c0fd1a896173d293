/**
 * Table 三: the header's columns, then each row matched to a template row and its values decoded (decode-row.ts), rows left open by their own total decided together (joint.ts).
 */
import { pushAll } from '../report/arrays.ts';
import { isBlankText } from '../report/cell-text.ts';
import type { Cell, Source, TableFinding } from '../report/model.ts';
import { type Edition, T3_COLUMNS, T3_ROWS, type T3Group, t3Key } from '../report/template.ts';
import { decodeRow } from './decode-row.ts';
import { readHeader } from './header.ts';
import { type PendingRow, resolveJointly } from './joint.ts';
import { matchT3Group, matchT3Row, type RowMatch } from './labels.ts';
import {
  type Accumulator,
  cellKey,
  extraRowOf,
  finding,
  gluedLabels,
  isUnfilled,
  leftover,
  markUnfilled,
  put,
  readingOf,
  rowIssue,
  rowTotalHolds,
  variant,
} from './mapping.ts';
import { type Capture, labelTexts, type RowView, t3RowLabel } from './scan.ts';

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
  // A group label followed by bare values whose sub-row labels were lost (`(三)不予公开` then 56 zeros).
  const runs: LostRun[] = [];
  let lost: LostRun | undefined;
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
    if (!m && group !== undefined && group !== 'other' && r.labels.length === 1) {
      lost = { group, row: r, values: r.tokens.filter((t) => !t.placeholder).map((t) => t.cell), source: r.source, continued: false };
      runs.push(lost);
      continue;
    }
    if (!m && lost && r.labels.length === 0) {
      pushAll(
        lost.values,
        r.tokens.filter((t) => !t.placeholder).map((t) => t.cell),
      );
      lost.continued = true;
      continue;
    }
    if (!m) {
      if (r.hasValues) f.extraRows.push(extraRowOf(r, colKeys, () => ({}), group));
      continue;
    }
    lost = undefined;
    // A 2021 report with （六）其他处理 as one row with numbers (2019's layout): read as that row
    // (s3.other.*); E-EDITION-MIXED says so once, and the three sub-rows are not reported missing.
    if (edition === '2021' && m.key === 'other' && r.hasValues) f.otherAsOneRow = true;
    const wrongEdition = (edition === '2019' && m.key.startsWith('other.')) || (edition === '2021' && m.key === 'other' && !r.hasValues);
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
  for (const run of runs) readLostRun(run, edition, colKeys, f, acc);
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
    for (const [k, cell] of cells.entries()) put(acc, cellKey(t3Key, p.row, colKeys[k]!), cell, {}, 'identity');
  }
  return f;
}

/** A group label and the values that followed it with no sub-row label. */
interface LostRun {
  group: T3Group;
  /** The group label's row. */
  row: RowView;
  values: Cell[];
  source: Source;
  /** Values came on rows after the group label's own row. */
  continued: boolean;
}

/**
 * The values of a group whose sub-row labels were lost: placed in template order when there is
 * exactly one value per cell of the group's rows not read by their own labels, or all the same
 * value (then every such cell has it, whatever the alignment); otherwise the rows stay absent.
 */
function readLostRun(run: LostRun, edition: Edition, colKeys: readonly string[], f: TableFinding, acc: Accumulator): void {
  const values = run.values.filter((v) => !isBlankText(v.text));
  if (values.length === 0) return;
  const rows = T3_ROWS[edition].map((r) => r.key).filter((k) => k.startsWith(`${run.group}.`) && !f.rows.includes(k));
  const groupRows = T3_ROWS[edition].filter((r) => r.key.startsWith(`${run.group}.`)).length;
  if (!run.continued && run.values.length <= colKeys.length && rows.length < groupRows) {
    // One row of values on the group label while its sub-rows have their own labels: a subtotal row (K-T3-GROUP-SUBTOTAL).
    f.extraRows.push(extraRowOf(run.row, colKeys, () => ({}), run.group));
    return;
  }
  const n = rows.length * colKeys.length;
  const same = values.every((v) => v.text.trim() === values[0]!.text.trim()) && values.length >= colKeys.length;
  if (rows.length === 0 || (values.length !== n && !same)) {
    const reason = `小项名称缺失，数值 ${values.length} 个与该组 ${rows.length} 行 × ${colKeys.length} 栏不符`;
    for (const row of rows) rowIssue(acc, f, row, reason, run.source);
    return;
  }
  rows.forEach((row, r) => {
    if (!f.rows.includes(row)) f.rows.push(row);
    for (const [k, col] of colKeys.entries()) {
      put(acc, cellKey(t3Key, row, col), values.length === n ? values[r * colKeys.length + k]! : values[0]!, {}, 'order');
    }
  });
}
