/**
 * Suspect-cell analysis (docs/template.md "Arithmetic"; docs/rules.md: when one cell appears in every
 * broken identity of the report (K1, K2, K3, K5) and changing it by the common difference makes
 * all of them hold and breaks none that held, that cell is the suspect. With a single broken
 * identity every cell that occurs in no other identity would qualify: no suspect is named unless
 * exactly one cell qualifies.
 */
import type { Report } from '../report/model.ts';
import { analyze, evaluate, identitiesOf } from './arithmetic/identities.ts';

export interface Suspect {
  key: string;
  /** The value as read (blank and "/" read as 0). */
  current: number;
  /** The value that makes every identity hold. */
  corrected: number;
}

export function findSuspect(report: Report): Suspect | undefined {
  const a = analyze(report);
  if (!a || a.broken.length === 0) return undefined;
  let candidates = new Set(a.broken[0]!.identity.cells);
  for (const e of a.broken.slice(1)) candidates = new Set(e.identity.cells.filter((k) => candidates.has(k)));
  const found: Suspect[] = [];
  for (const key of candidates) {
    let delta: number | undefined;
    let consistent = true;
    for (const e of a.broken) {
      const coef = e.identity.terms.find((t) => t.key === key)!.coef;
      // left − right + coef·d = 0
      const d = -(e.left! - e.right!) / coef;
      if (delta === undefined) delta = d;
      else if (Math.abs(delta - d) > 1e-9) consistent = false;
    }
    if (!consistent || delta === undefined) continue;
    const raw = a.cells[key];
    const current = typeof raw === 'number' ? raw : 0;
    const corrected = current + delta;
    if (corrected < 0) continue;
    const trial = { ...a.cells, [key]: corrected };
    if (identitiesOf(a.edition, key).every((id) => evaluate(id, trial).holds !== false)) {
      found.push({ key, current, corrected });
    }
  }
  return found.length === 1 ? found[0] : undefined;
}
