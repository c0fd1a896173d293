/**
 * Comparing two sets of findings of the same report (two versions, or stored findings against
 * a re-run of the rules): a finding is the same when its rule id, its cells (in any order) and
 * its message are; duplicates count as many times as they occur (multiset).
 *
 * shared/usecases/ingest.ts uses it for versions.
 */
import type { Finding } from '../report/model.ts';

/** The identity of a finding for comparisons: rule id + cells (sorted) + message. */
export function findingIdentity(f: Finding): string {
  return JSON.stringify([f.ruleId, [...(f.cells ?? [])].sort(), f.message]);
}

export type FindingChange = 'new' | 'unchanged';

export interface FindingDiff {
  /** Every current finding, in its order, marked new or unchanged. */
  marked: { finding: Finding; change: FindingChange }[];
  /** Current findings that the earlier set did not have. */
  added: Finding[];
  /** Current findings that the earlier set had. */
  unchanged: Finding[];
  /** Earlier findings that the current set no longer has. */
  resolved: Finding[];
}

/** Diffs `current` against `earlier`. */
export function diffFindings(earlier: readonly Finding[], current: readonly Finding[]): FindingDiff {
  const remaining = new Map<string, Finding[]>();
  for (const f of earlier) {
    const id = findingIdentity(f);
    const bucket = remaining.get(id);
    if (bucket) bucket.push(f);
    else remaining.set(id, [f]);
  }
  const marked = current.map((finding) => {
    const bucket = remaining.get(findingIdentity(finding));
    if (bucket && bucket.length > 0) {
      bucket.shift();
      return { finding, change: 'unchanged' as const };
    }
    return { finding, change: 'new' as const };
  });
  return {
    marked,
    added: marked.filter((m) => m.change === 'new').map((m) => m.finding),
    unchanged: marked.filter((m) => m.change === 'unchanged').map((m) => m.finding),
    resolved: [...remaining.values()].flat(),
  };
}

/** True when the two sets hold the same findings (as multisets). */
export function sameFindings(earlier: readonly Finding[], current: readonly Finding[]): boolean {
  if (earlier.length !== current.length) return false;
  const d = diffFindings(earlier, current);
  return d.added.length === 0 && d.resolved.length === 0;
}
