/**
 * Rows of table 三 whose digits ran together and that still have several readings after their
 * own row total (decode-row.ts) are read together: of every combination of their readings, the
 * one under which the table's column identities (K1, K2: docs/template.md "Arithmetic") hold is
 * taken, when it is the only one. The identities choose between readings the text leaves open;
 * they never change a digit. A report whose numbers are wrong has no such combination, and its
 * rows stay absent.
 */
import { IDENTITIES } from '../report/identities.ts';
import type { Cell, CellValue } from '../report/model.ts';
import { type Edition, t3Key } from '../report/template.ts';

/** A row with several readings (each a cell per column of `columns`). */
export interface PendingRow {
  row: string;
  readings: Cell[][];
}

const MAX_COMBINATIONS = 20_000;

const numberOf = (cell: Cell): number | undefined => {
  const t = cell.text.trim();
  return t === '' ? 0 : /^\d+$/.test(t) ? Number(t) : undefined;
};

/**
 * The one reading per pending row under which every column identity that can be evaluated holds.
 * @param known - the table's cells read so far (numbers count; blanks and "/" as 0)
 * @param columns - the column keys of a reading's cells, in order
 * @returns the chosen reading of each row, or undefined when none or several combinations fit
 */
export function resolveJointly(
  edition: Edition,
  known: Readonly<Record<string, CellValue>>,
  columns: readonly string[],
  pending: readonly PendingRow[],
): Map<string, Cell[]> | undefined {
  if (pending.length === 0) return undefined;
  const total = pending.reduce((n, p) => n * p.readings.length, 1);
  if (total > MAX_COMBINATIONS) return undefined;
  const pendingKeys = new Set(pending.flatMap((p) => columns.map((c) => t3Key(p.row, c))));
  const identities = IDENTITIES[edition].filter((i) => (i.kind === 'K1' || i.kind === 'K2') && i.cells.some((k) => pendingKeys.has(k)));
  let found: number[] | undefined;
  for (let index = 0; index < total; index++) {
    const choice = pending.map(
      (_, k) => Math.floor(index / pending.slice(k + 1).reduce((n, p) => n * p.readings.length, 1)) % pending[k]!.readings.length,
    );
    const values = new Map<string, number | undefined>();
    pending.forEach((p, k) => {
      for (const [c, cell] of p.readings[choice[k]!]!.entries()) values.set(t3Key(p.row, columns[c]!), numberOf(cell));
    });
    const numberAt = (key: string): number | undefined => {
      if (values.has(key)) return values.get(key);
      const v = known[key];
      return typeof v === 'number' ? v : v === null || v === '/' ? 0 : undefined;
    };
    let checked = 0;
    const holds = identities.every((i) => {
      let sum = 0;
      for (const t of i.terms) {
        const v = numberAt(t.key);
        if (v === undefined) return true; // not assessable: says nothing
        sum += t.coef * v;
      }
      checked++;
      return sum === 0;
    });
    if (!holds || checked === 0) continue;
    if (found) return undefined; // a second combination fits: still open
    found = choice;
  }
  return found ? new Map(pending.map((p, k) => [p.row, p.readings[found![k]!]!])) : undefined;
}
