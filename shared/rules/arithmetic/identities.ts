/**
 * The arithmetic identities of tables 三 and 四 (docs/template.md "Arithmetic", in ONE place, as cells with
 * coefficients: Σ coef·value = 0. Terms with coefficient +1 form the left side, −1 the right side:
 *   K1 (per column c):  new_received.c + carried_over.c  =  total_processed.c + carried_forward.c
 *   K2 (per column c):  Σ_{r ∈ OUT_edition} r.c            =  total_processed.c
 *   K3 (per data row r): Σ_{a ∈ APPLICANTS} r.a            =  r.total
 *   K5 (per group g):   g.upheld + g.corrected + g.other + g.pending  =  g.total
 * Used by the K rules, C-CELL-BLANK and the suspect analysis.
 *
 * Evaluation is lenient (blank and "/" read as 0); an identity with an absent operand is not
 * assessable. A blank (or "/") total whose parts sum to more than 0 (K3/K5) is replaced by that
 * sum — the "derived total" — for every other identity (K-T3-ROW-TOTAL-BLANK / K-T4-TOTAL-BLANK).
 */

import { IDENTITIES, type Identity, type IdentityKind, identitiesOf, type Term } from '../../report/identities.ts';
import type { CellValue, Report } from '../../report/model.ts';
import type { Edition } from '../../report/template.ts';

export { IDENTITIES, type Identity, type IdentityKind, identitiesOf, type Term };

export type Cells = Readonly<Record<string, CellValue>>;

export interface Evaluation {
  identity: Identity;
  /** Lenient left and right sums; undefined when not assessable (an operand is absent). */
  left?: number;
  right?: number;
  holds?: boolean;
}

/** Evaluates one identity leniently over the given cells. */
export function evaluate(identity: Identity, cells: Cells): Evaluation {
  let left = 0;
  let right = 0;
  const terms = identity.terms;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    // A parsed Report never holds `undefined`: undefined means the key is absent.
    const v = cells[t.key];
    if (v === undefined) return { identity };
    const n = typeof v === 'number' ? v : 0;
    if (t.coef > 0) left += n;
    else right += n;
  }
  return { identity, left, right, holds: Math.abs(left - right) < 1e-9 };
}

/** A blank or "/" total replaced by the sum of its parts. */
export interface DerivedTotal {
  key: string;
  identity: Identity;
  sum: number;
}

export interface Analysis {
  edition: Edition;
  /** The report's cells with derived totals filled in. */
  cells: Cells;
  derived: DerivedTotal[];
  evaluations: Evaluation[];
  broken: Evaluation[];
}

/** The arithmetic view of a report; undefined when the edition is unknown. */
export function analyze(report: Report): Analysis | undefined {
  const edition = report.edition;
  if (edition === null) return undefined;
  // A 2021 table 三 whose （六） is one row (2019's layout) sums its outcomes as 2019 does.
  const oneRow = edition === '2021' && report.recognition.tables.some((t) => t.otherAsOneRow);
  const ids = oneRow
    ? [
        ...IDENTITIES['2021'].filter((i) => i.kind !== 'K2' && !i.subject.startsWith('other.')),
        ...IDENTITIES['2019'].filter((i) => i.kind === 'K2' || i.subject === 'other'),
      ]
    : IDENTITIES[edition];
  const derived: DerivedTotal[] = [];
  let cells: Record<string, CellValue> | undefined;
  for (const id of ids) {
    if (id.kind !== 'K3' && id.kind !== 'K5') continue;
    const totalKey = id.cells[id.cells.length - 1]!;
    if (!Object.hasOwn(report.cells, totalKey)) continue;
    const total = report.cells[totalKey];
    if (total !== null && total !== '/') continue;
    const ev = evaluate(id, report.cells);
    if (ev.left === undefined || ev.left <= 0) continue;
    cells ??= { ...report.cells };
    cells[totalKey] = ev.left;
    derived.push({ key: totalKey, identity: id, sum: ev.left });
  }
  const view: Cells = cells ?? report.cells;
  const evaluations = ids.map((id) => evaluate(id, view));
  return { edition, cells: view, derived, evaluations, broken: evaluations.filter((e) => e.holds === false) };
}

/** Broken identities of one kind (the K rules' input). */
export function brokenOf(report: Report, kind: IdentityKind): Evaluation[] {
  return analyze(report)?.broken.filter((e) => e.identity.kind === kind) ?? [];
}
