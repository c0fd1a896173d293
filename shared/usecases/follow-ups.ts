/**
 * Out-of-order arrival (docs/history.md): when (agency, Y) is stored and the same agency's report
 * for Y + 1 already exists, Y + 1 is checked again against Y and the new evaluation is notified;
 * and when Y − 1 was stored while Y was being checked, Y is checked again against it. Each
 * re-evaluation is claimed like an upload, so it runs once whichever side triggers it.
 */
import type { Report } from '../report/model.ts';
import {
  boilerplateOf,
  evaluationRecord,
  hasReport,
  ProcessingInProgress,
  processedUploadOf,
  REEVALUATION_SOURCE,
  recompute,
} from './evaluate.ts';
import type { Notifier, ObjectVersionRef, ReportStore } from './ports.ts';
import { type Evaluation, type PreviousYearRef, type ReportHead, reportIdOf } from './records.ts';

export interface StoredYear {
  reportId: string;
  versionId: string;
  agency: string;
  year: number;
  report: Report;
}

export type FollowUp =
  | { kind: 'none' }
  | { kind: 'unchanged'; reportId: string }
  | { kind: 'done-before'; reportId: string }
  | { kind: 'stored'; reportId: string; versionId: string; latest: boolean; added: number; resolved: number };

export interface FollowUpDeps {
  store: ReportStore;
  notifier: Notifier;
  now: () => Date;
}

/**
 * After (agency, Y) was stored as the latest version: when the agency's report for Y + 1 exists
 * and was not evaluated against this version of Y, re-evaluate it. Idempotent per (Y + 1, this
 * version of Y): a claim like an upload's (a redelivery finds it completed; a retry after a
 * failure rewrites the same version id and publishes once more at most).
 * @param nextExists - whether Y + 1 exists, when the caller has read it already
 * @returns what happened: none (no Y + 1), done-before, unchanged, or stored (with the new version)
 * @throws ProcessingInProgress when another worker holds the re-evaluation's claim; the store's and notifier's errors
 */
export async function followUpNextYear(stored: StoredYear, deps: FollowUpDeps, nextExists?: boolean): Promise<FollowUp> {
  const { store } = deps;
  const nextId = reportIdOf(stored.agency, stored.year + 1);
  if (!(nextExists ?? (await store.getReport(nextId)) !== undefined)) return { kind: 'none' };
  const ref: ObjectVersionRef = { bucket: REEVALUATION_SOURCE, objectKey: nextId, sourceVersion: `${stored.reportId}#${stored.versionId}` };
  const claim = await store.claim(ref, deps.now());
  if (claim.kind === 'completed') return { kind: 'done-before', reportId: nextId };
  if (claim.kind === 'busy')
    throw new ProcessingInProgress(
      `re-evaluation of ${nextId} against its previous year ${stored.reportId}#${stored.versionId} is being processed`,
    );
  try {
    const outcome = await reevaluateNext(stored, nextId, claim, deps);
    await store.complete(ref, claim.token, nextId, deps.now().toISOString());
    return outcome;
  } catch (error) {
    await store.release(ref, claim.token).catch(() => undefined);
    throw error;
  }
}

async function reevaluateNext(
  stored: StoredYear,
  nextId: string,
  claim: { versionId: string; processedAt: string },
  { store, notifier }: FollowUpDeps,
): Promise<FollowUp> {
  let base = await store.latestVersion(nextId);
  // A retry after this very evaluation was written: start again from the version it was based on.
  if (base?.version.versionId === claim.versionId && base.version.evaluation) {
    base = await store.storedVersion(nextId, base.version.evaluation.basedOn);
  }
  if (!hasReport(base)) return { kind: 'unchanged', reportId: nextId };
  const used = base.version.previousYear;
  if (used?.reportId === stored.reportId && used.versionId === stored.versionId) return { kind: 'done-before', reportId: nextId };

  const r = recompute(base, stored.report, await boilerplateOf(store, base.report, stored.report));
  if (!r.changed) return { kind: 'unchanged', reportId: nextId };
  const triggeredBy = { reportId: stored.reportId, versionId: stored.versionId, year: stored.year };
  const evaluation: Evaluation = { kind: 'previous-year', basedOn: base.version.versionId, triggeredBy };
  const record = evaluationRecord(base, r, claim, evaluation, { reportId: stored.reportId, versionId: stored.versionId });
  const { latest } = await store.saveVersion({ version: record, report: base.report, findings: r.marked, resolved: r.resolved });
  await notifier.publish(processedUploadOf(record, r.marked, r.resolved, { kind: 'previous-year', triggeredBy }));
  return { kind: 'stored', reportId: nextId, versionId: record.versionId, latest, added: r.added.length, resolved: r.resolved.length };
}

/**
 * After (agency, Y) was stored: when the agency's latest Y − 1 version is not the one the rules
 * were given — it was stored while this upload was being checked (two years of a bulk load in
 * flight at once), so neither saw the other — re-evaluate Y against it, exactly as if Y − 1 had
 * arrived after Y (same claim, so whichever side runs it, it runs once).
 * @param previousHead - the head of Y − 1 read after this version was stored (undefined: none)
 * @returns as followUpNextYear; none when no newer Y − 1 exists
 * @throws as followUpNextYear
 */
export async function catchUpPreviousYear(
  stored: StoredYear & { usedPrevious?: PreviousYearRef },
  deps: FollowUpDeps,
  previousHead: ReportHead | undefined,
): Promise<FollowUp> {
  const previousId = reportIdOf(stored.agency, stored.year - 1);
  const head = previousHead;
  if (!head || head.latestVersionId === stored.usedPrevious?.versionId) return { kind: 'none' };
  const previous = await deps.store.storedVersion(previousId, head.latestVersionId);
  if (!hasReport(previous)) return { kind: 'none' };
  const trigger = {
    reportId: previousId,
    versionId: head.latestVersionId,
    agency: stored.agency,
    year: stored.year - 1,
    report: previous.report,
  };
  // Its next year is this stored report.
  return followUpNextYear(trigger, deps, true);
}

export interface FollowUps {
  /** Y + 1 re-evaluated against this version (out-of-order arrival). */
  nextYear: FollowUp;
  /** This version re-evaluated against a Y − 1 stored while it was being checked. */
  thisYear: FollowUp;
}

/**
 * Both follow-ups of a stored latest version of (agency, Y): Y + 1 against it, and it against a late Y − 1.
 * @throws ProcessingInProgress (retry later); the store's and notifier's errors
 */
export async function followUps(stored: StoredYear & { usedPrevious?: PreviousYearRef }, deps: FollowUpDeps): Promise<FollowUps> {
  // Both neighbours' heads in one read, after this version was stored.
  const nextId = reportIdOf(stored.agency, stored.year + 1);
  const previousId = reportIdOf(stored.agency, stored.year - 1);
  const heads = await deps.store.getReports([nextId, previousId]);
  const nextYear = await followUpNextYear(stored, deps, heads.has(nextId));
  const thisYear = await catchUpPreviousYear(stored, deps, heads.get(previousId));
  return { nextYear, thisYear };
}
