/**
 * Evaluations of stored reports: findings recomputed from a stored Report (no file is read) and
 * stored as a new version of the report when they changed. Two triggers (docs/history.md):
 *
 * - `previous-year` — out-of-order arrival: when (agency, Y) is stored and the same agency's
 *   report for Y + 1 already exists, Y + 1 is checked again against Y (`followUpNextYear`, called
 *   by the ingest pipeline) and the new evaluation is notified;
 * - `revalidate` — after a rule change: the latest versions of a year / agency / everything are
 *   checked again with the current rules (`revalidateStored`, the `nianbao revalidate` command and
 *   the revalidate Lambda); nothing is notified.
 *
 * Over the repository's methods (a port), so the Lambdas, the CLI and the tests run the same code.
 */
import type { Notifier } from '../adapters/sns/notifier.ts';
import type { ProcessedUpload, UploadEvaluation } from '../render/email.ts';
import type { Finding, Report, Severity } from '../report/model.ts';
import { revalidate } from '../rules/revalidate.ts';
import { RULESET_VERSION } from '../rules/catalogue.ts';
import { diffFindings } from '../rules/diff.ts';
import type { BoilerplateIndex } from '../rules/history/boilerplate.ts';
import { reportIdOf, versionIdOf, type Evaluation, type PreviousYearRef } from '../adapters/dynamodb/items.ts';
import type { ChangedFinding, ObjectVersionRef, ReportRepository, StoredVersion, VersionRecord } from '../adapters/dynamodb/repository.ts';
import { indexedSentences } from '../adapters/dynamodb/sentence-store.ts';

export type Status = 'error' | 'warning' | 'ok';

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export const statusOf = (counts: Record<Severity, number>): Status =>
  counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'ok';

/** Another worker holds the claim on this object version (or evaluation): retry later (SQS redelivers). */
export class ProcessingInProgress extends Error {
  override readonly name = 'ProcessingInProgress';
}

export type EvaluationStore = Pick<
  ReportRepository,
  'claim' | 'complete' | 'release' | 'getReport' | 'latestVersion' | 'storedVersion' | 'boilerplateFor' | 'saveVersion' | 'reportHeads'
>;

/** "Bucket" of the idempotency records of previous-year re-evaluations: never an S3 bucket name. */
export const REEVALUATION_SOURCE = '#re-evaluation';
/** Source of the version ids of revalidations. */
export const REVALIDATION_SOURCE = '#revalidate';

type WithReport = StoredVersion & { report: Report };
const hasReport = (v: StoredVersion | undefined): v is WithReport => v?.report !== undefined;

// ---------------------------------------------------------------------------------------------
// Inputs of the rules from the store
// ---------------------------------------------------------------------------------------------

export interface PreviousYear {
  ref: PreviousYearRef;
  report: Report;
}

/** The latest stored Report of the agency for `year − 1` (exact agency key, see docs/history.md). */
export async function previousYearOf(
  store: Pick<ReportRepository, 'latestVersion'>,
  agency: string | null | undefined,
  year: number | null | undefined,
): Promise<PreviousYear | undefined> {
  if (!agency || typeof year !== 'number') return undefined;
  const reportId = reportIdOf(agency, year - 1);
  const stored = await store.latestVersion(reportId);
  return hasReport(stored) ? { ref: { reportId, versionId: stored.version.versionId }, report: stored.report } : undefined;
}

/** The stored boilerplate index for the report's own sentences (undefined: nothing to look up). */
export async function boilerplateOf(store: Pick<ReportRepository, 'boilerplateFor'>, report: Report): Promise<BoilerplateIndex | undefined> {
  if (report.year === null) return undefined;
  const norms = indexedSentences(report);
  return norms.length > 0 ? store.boilerplateFor(report.year, norms) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Recomputing and writing
// ---------------------------------------------------------------------------------------------

export interface Recomputed {
  findings: Finding[];
  /** The current findings marked new / unchanged relative to the base version. */
  marked: ChangedFinding[];
  added: Finding[];
  resolved: Finding[];
  changed: boolean;
}

/** The findings of a stored version's Report under the current rules, compared with its stored findings. */
export function recompute(base: WithReport, previous?: Report, boilerplate?: BoilerplateIndex): Recomputed {
  const metadata = base.version.uploadMetadata ?? { fileName: base.version.fileName };
  const { findings } = revalidate(
    [{ report: base.report, metadata, findings: base.findings, ...(previous ? { previous } : {}) }],
    { pairWithinBatch: false, ...(boilerplate ? { boilerplate } : {}) },
  );
  const current = findings[0] ?? [];
  const diff = diffFindings(base.findings, current);
  return {
    findings: current,
    marked: diff.marked,
    added: diff.added,
    resolved: diff.resolved,
    changed: diff.added.length > 0 || diff.resolved.length > 0,
  };
}

/** A re-evaluation's version record: the base version's identity and file, the new findings. */
export function evaluationRecord(
  base: WithReport,
  r: Recomputed,
  at: { versionId: string; processedAt: string },
  evaluation: Evaluation,
  previousYear: PreviousYearRef | undefined,
): VersionRecord {
  const { pk: _pk, sk: _sk, type: _type, previousYear: _py, evaluation: _ev, inputRuleId: _in, ...rest } = base.version;
  const counts = countBySeverity(r.findings);
  return {
    ...rest,
    versionId: at.versionId,
    processedAt: at.processedAt,
    status: statusOf(counts),
    counts,
    findingCount: r.findings.length,
    diff: { new: r.added.length, resolved: r.resolved.length, unchanged: r.marked.length - r.added.length },
    previousVersionId: base.version.versionId,
    rulesetVersion: RULESET_VERSION,
    uploadMetadata: base.version.uploadMetadata ?? { fileName: base.version.fileName },
    evaluation,
    ...(previousYear ? { previousYear } : {}),
  };
}

/** What the notifier gets for a stored version (an upload or a re-evaluation). */
export function processedUploadOf(
  version: VersionRecord,
  findings: ChangedFinding[],
  resolved: Finding[],
  evaluation?: UploadEvaluation,
): ProcessedUpload {
  return {
    reportId: version.reportId,
    versionId: version.versionId,
    agency: version.agency,
    year: version.year,
    identified: version.identified,
    bucket: version.bucket,
    objectKey: version.objectKey,
    fileName: version.fileName,
    status: version.status,
    counts: version.counts,
    findings,
    resolved,
    ...(version.previousVersionId ? { previousVersionId: version.previousVersionId } : {}),
    ...(evaluation ? { evaluation } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Out-of-order arrival
// ---------------------------------------------------------------------------------------------

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
  store: EvaluationStore;
  notifier: Notifier;
  now: () => Date;
}

/**
 * After (agency, Y) was stored as the latest version: when the agency's report for Y + 1 exists
 * and was not evaluated against this version of Y, re-evaluate it. Idempotent per (Y + 1, this
 * version of Y): a claim like an upload's (a redelivery finds it completed; a retry after a
 * failure rewrites the same version id and publishes once more at most).
 */
export async function followUpNextYear(stored: StoredYear, deps: FollowUpDeps): Promise<FollowUp> {
  const { store } = deps;
  const nextId = reportIdOf(stored.agency, stored.year + 1);
  if (!(await store.getReport(nextId))) return { kind: 'none' };
  const ref: ObjectVersionRef = { bucket: REEVALUATION_SOURCE, objectKey: nextId, sourceVersion: `${stored.reportId}#${stored.versionId}` };
  const claim = await store.claim(ref, deps.now());
  if (claim.kind === 'completed') return { kind: 'done-before', reportId: nextId };
  if (claim.kind === 'busy') throw new ProcessingInProgress(`re-evaluation of ${nextId} after ${stored.reportId} is in progress elsewhere`);
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

  const r = recompute(base, stored.report, await boilerplateOf(store, base.report));
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
 */
export async function catchUpPreviousYear(stored: StoredYear & { usedPrevious?: PreviousYearRef }, deps: FollowUpDeps): Promise<FollowUp> {
  const previousId = reportIdOf(stored.agency, stored.year - 1);
  const head = await deps.store.getReport(previousId);
  if (!head || head.latestVersionId === stored.usedPrevious?.versionId) return { kind: 'none' };
  const previous = await deps.store.storedVersion(previousId, head.latestVersionId);
  if (!hasReport(previous)) return { kind: 'none' };
  const trigger = { reportId: previousId, versionId: head.latestVersionId, agency: stored.agency, year: stored.year - 1, report: previous.report };
  return followUpNextYear(trigger, deps);
}

export interface FollowUps {
  /** Y + 1 re-evaluated against this version (out-of-order arrival). */
  nextYear: FollowUp;
  /** This version re-evaluated against a Y − 1 stored while it was being checked. */
  thisYear: FollowUp;
}

/** Both follow-ups of a stored latest version of (agency, Y). */
export async function followUps(stored: StoredYear & { usedPrevious?: PreviousYearRef }, deps: FollowUpDeps): Promise<FollowUps> {
  const nextYear = await followUpNextYear(stored, deps);
  const thisYear = await catchUpPreviousYear(stored, deps);
  return { nextYear, thisYear };
}

// ---------------------------------------------------------------------------------------------
// Revalidation of stored reports
// ---------------------------------------------------------------------------------------------

export interface RevalidateStoredOptions {
  year?: number;
  agency?: string;
  /** Report what would change; write nothing. */
  dryRun?: boolean;
  now?: () => Date;
}

export interface RevalidatedReport {
  reportId: string;
  agency: string | null;
  year: number | null;
  /** The latest version that was re-checked, and the ruleset it was checked with. */
  basedOn: string;
  storedRulesetVersion: string;
  added: Finding[];
  resolved: Finding[];
  unchanged: number;
  /** The new version (absent on a dry run). */
  versionId?: string;
  latest?: boolean;
}

export interface RevalidateStoredResult {
  rulesetVersion: string;
  dryRun: boolean;
  /** Reports whose latest version was re-checked. */
  checked: number;
  /** Reports without a stored Report (uploads that could not be read). */
  skipped: number;
  changed: RevalidatedReport[];
}

/** Re-checks the latest versions with the current rules; stores a new evaluation where findings changed. */
export async function revalidateStored(store: EvaluationStore, options: RevalidateStoredOptions = {}): Promise<RevalidateStoredResult> {
  const now = options.now ?? (() => new Date());
  const dryRun = options.dryRun ?? false;
  const filter = { ...(options.year !== undefined ? { year: options.year } : {}), ...(options.agency !== undefined ? { agency: options.agency } : {}) };
  const result: RevalidateStoredResult = { rulesetVersion: RULESET_VERSION, dryRun, checked: 0, skipped: 0, changed: [] };
  for (const head of await store.reportHeads(filter)) {
    const base = await store.storedVersion(head.reportId, head.latestVersionId);
    if (!hasReport(base)) {
      result.skipped += 1;
      continue;
    }
    result.checked += 1;
    const previous = await previousYearOf(store, head.agency, head.year);
    const r = recompute(base, previous?.report, await boilerplateOf(store, base.report));
    if (!r.changed) continue;
    const entry: RevalidatedReport = {
      reportId: head.reportId,
      agency: head.agency,
      year: head.year,
      basedOn: base.version.versionId,
      storedRulesetVersion: base.version.rulesetVersion,
      added: r.added,
      resolved: r.resolved,
      unchanged: r.marked.length - r.added.length,
    };
    if (!dryRun) {
      const processedAt = now().toISOString();
      const versionId = versionIdOf(processedAt, REVALIDATION_SOURCE, head.reportId, base.version.versionId);
      const evaluation: Evaluation = { kind: 'revalidate', basedOn: base.version.versionId };
      const record = evaluationRecord(base, r, { versionId, processedAt }, evaluation, previous?.ref);
      const { latest } = await store.saveVersion({ version: record, report: base.report, findings: r.marked, resolved: r.resolved });
      Object.assign(entry, { versionId, latest });
    }
    result.changed.push(entry);
  }
  return result;
}

/** A revalidation's outcome as plain JSON (the CLI's `--json` and the revalidate Lambda's response). */
export function revalidationSummary(result: RevalidateStoredResult) {
  const byRule = (findings: Finding[]) => ({ count: findings.length, ruleIds: findings.map((f) => f.ruleId) });
  return {
    rulesetVersion: result.rulesetVersion,
    dryRun: result.dryRun,
    checked: result.checked,
    skipped: result.skipped,
    changed: result.changed.map((c) => ({
      reportId: c.reportId,
      agency: c.agency,
      year: c.year,
      basedOn: c.basedOn,
      storedRulesetVersion: c.storedRulesetVersion,
      new: byRule(c.added),
      resolved: byRule(c.resolved),
      unchanged: c.unchanged,
      ...(c.versionId !== undefined ? { versionId: c.versionId, latest: c.latest ?? false } : {}),
    })),
  };
}
export type RevalidationSummary = ReturnType<typeof revalidationSummary>;
