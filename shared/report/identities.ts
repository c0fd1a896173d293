/**
 * The template's arithmetic identities (docs/template.md "Arithmetic"), as data: each a sum of
 * cells with coefficients, Σ coef·value = 0 — terms with +1 form the left side, −1 the right:
 *   K1 (per column c):  new_received.c + carried_over.c  =  total_processed.c + carried_forward.c
 *   K2 (per column c):  Σ_{r ∈ OUT_edition} r.c            =  total_processed.c
 *   K3 (per data row r): Σ_{a ∈ APPLICANTS} r.a            =  r.total
 *   K5 (per group g):   g.upheld + g.corrected + g.other + g.pending  =  g.total
 * Read by the K rules (shared/rules/arithmetic/) and by recognition, which may let them choose
 * between readings of a row that the text leaves open (shared/recognize/joint.ts).
 */
import { type Edition, outcomeRows, T3_APPLICANTS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, t3Key, t4Key } from './template.ts';

export type IdentityKind = 'K1' | 'K2' | 'K3' | 'K5';

export interface Term {
  key: string;
  coef: 1 | -1;
}

export interface Identity {
  kind: IdentityKind;
  /** The column (K1, K2), row (K3) or group (K5) the identity is about. */
  subject: string;
  terms: readonly Term[];
  /** Every key of the identity, left side first, in template order. */
  cells: readonly string[];
}

function identity(kind: IdentityKind, subject: string, left: string[], right: string[]): Identity {
  const terms: Term[] = [...left.map((key) => ({ key, coef: 1 as const })), ...right.map((key) => ({ key, coef: -1 as const }))];
  return { kind, subject, terms, cells: [...left, ...right] };
}

function build(edition: Edition): Identity[] {
  const out: Identity[] = [];
  const columns = T3_COLUMNS.map((c) => c.key);
  for (const c of columns) {
    out.push(
      identity('K1', c, [t3Key('new_received', c), t3Key('carried_over', c)], [t3Key('total_processed', c), t3Key('carried_forward', c)]),
    );
  }
  const outcomes = outcomeRows(edition);
  for (const c of columns) {
    out.push(
      identity(
        'K2',
        c,
        outcomes.map((r) => t3Key(r, c)),
        [t3Key('total_processed', c)],
      ),
    );
  }
  for (const row of T3_ROWS[edition]) {
    out.push(
      identity(
        'K3',
        row.key,
        T3_APPLICANTS.map((a) => t3Key(row.key, a)),
        [t3Key(row.key, 'total')],
      ),
    );
  }
  const parts = T4_COLUMNS.map((c) => c.key).filter((c) => c !== 'total');
  for (const g of T4_GROUPS) {
    out.push(
      identity(
        'K5',
        g.key,
        parts.map((p) => t4Key(g.key, p)),
        [t4Key(g.key, 'total')],
      ),
    );
  }
  return out;
}

/** All identities of an edition, in order K1 (per column), K2 (per column), K3 (per row), K5 (per group). */
export const IDENTITIES: Record<Edition, readonly Identity[]> = { '2019': build('2019'), '2021': build('2021') };

/** Identities containing a cell, by edition. */
const BY_CELL: Record<Edition, Map<string, Identity[]>> = { '2019': new Map(), '2021': new Map() };
for (const ed of ['2019', '2021'] as const) {
  for (const id of IDENTITIES[ed]) {
    for (const key of id.cells) {
      const list = BY_CELL[ed].get(key) ?? [];
      list.push(id);
      BY_CELL[ed].set(key, list);
    }
  }
}
export function identitiesOf(edition: Edition, key: string): readonly Identity[] {
  return BY_CELL[edition].get(key) ?? [];
}
