import type { TableFinding } from '../report/model.ts';
import { normalizeLabel } from '../report/normalize.ts';
import { type Column, type Edition, type SubTable, T2, t2Key } from '../report/template.ts';
import { decodeRow } from './decode-row.ts';
import { readHeader } from './header.ts';
import { matchT2Row, type RowMatch } from './labels.ts';
import {
  type Accumulator,
  cellKey,
  extraRowOf,
  finding,
  fitValues,
  isUnfilled,
  leftover,
  markUnfilled,
  put,
  readingOf,
  rowIssue,
  variant,
} from './mapping.ts';
import type { Capture, RowView } from './scan.ts';
import type { ValueContext } from './values.ts';

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

type DataRow = { r: RowView; hit?: { m: RowMatch & { otherEdition: boolean }; text: string } };

/** The sub-table's rows under their header, their labels matched in `edition`'s sub-table. */
function splitRows(c: Capture, edition: Edition): { data: DataRow[]; header: RowView[] } {
  const data: DataRow[] = [];
  const header: RowView[] = [];
  for (const r of c.rows) {
    const hit = matchRowLabel(r, (t) => matchT2Row(c.id, edition, t)) as DataRow['hit'];
    if (hit || r.hasValues) data.push({ r, hit });
    else if (data.length === 0) header.push(r);
  }
  return { data, header };
}

/** A sub-table read in one edition: its template, rows and header, and the columns the header names. */
interface SubReading {
  edition: Edition;
  sub: SubTable;
  data: DataRow[];
  header: RowView[];
  read: ReturnType<typeof readHeader>;
}

function readSub(c: Capture, edition: Edition): SubReading | undefined {
  const sub = T2[edition].find((s) => s.id === c.id);
  if (!sub) return undefined;
  const { data, header } = splitRows(c, edition);
  return { edition, sub, data, header, read: readHeader(header, /信息内容/g, sub.columns) };
}

/**
 * The sub-table read in the report's edition, unless its header names none of that edition's
 * columns and every column of the other's (`本年收费金额` under a 2019 table 二: editions mixed
 * within table 二, family 14): then in the other's. The mixing itself is E-EDITION-MIXED's.
 */
function subTableReading(c: Capture, edition: Edition): SubReading {
  const other: Edition = edition === '2019' ? '2021' : '2019';
  const own = readSub(c, edition);
  if (own && own.read.hits.length > 0) return own;
  const theirs = readSub(c, other);
  if (!own) return theirs!;
  return theirs && theirs.read.hits.length === theirs.sub.columns.length ? theirs : own;
}

export function mapT2(c: Capture, edition: Edition, acc: Accumulator): TableFinding {
  const f = finding(c);
  const { edition: subEdition, sub, data, read } = subTableReading(c, edition);
  const { h, hits } = read;
  // A header cut off by the end of the text says nothing about missing columns.
  if (h.cells.length > 0 && !(c.cut && data.length === 0)) {
    f.missingColumns = sub.columns.filter((col) => !hits.some((x) => x.key === col.key)).map((col) => col.key);
  }
  const otherSub = T2[subEdition === '2019' ? '2021' : '2019'].find((s) => s.id === c.id);
  const rest = leftover(h.text, hits).replace(/\([^()]*\)?/g, '');
  if (otherSub) {
    for (const col of otherSub.columns) {
      if (rest.includes(normalizeLabel(col.label))) f.extraColumns.push(col.label);
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
