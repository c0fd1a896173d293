/**
 * What the use cases share when they evaluate a stored Report again (docs/history.md): its
 * inputs from the store (last year's Report, the boilerplate index), the findings recomputed and
 * compared with the stored ones, the record of the new evaluation, and the notifier's message.
 */
import type { ProcessedUpload, UploadEvaluation } from '../render/email.ts';
import type { Finding, Report } from '../report/model.ts';
import { countBySeverity, statusOf } from '../report/status.ts';
import { RULESET_VERSION } from '../rules/catalogue.ts';
import { diffFindings } from '../rules/diff.ts';
import type { BoilerplateIndex } from '../rules/history/boilerplate.ts';
import { boilerplateLookups } from '../rules/history/copied-text.ts';
import { revalidate } from '../rules/revalidate.ts';
import type { BoilerplateStore, StoredVersion, VersionStore } from './ports.ts';
import { type ChangedFinding, type Evaluation, type PreviousYearRef, reportIdOf, type VersionRecord } from './records.ts';

/** Another worker holds the claim on this object version (or evaluation): retry later (SQS redelivers). */
export class ProcessingInProgress extends Error {
  override readonly name = 'ProcessingInProgress';
}

/** "Bucket" of the idempotency records of previous-year re-evaluations: never an S3 bucket name. */
export const REEVALUATION_SOURCE = '#re-evaluation';
/** Source of the version ids of revalidations. */
export const REVALIDATION_SOURCE = '#revalidate';

export type WithReport = StoredVersion & { report: Report };
/** Whether a stored version has a Report (uploads that could not be read have none). */
export const hasReport = (v: StoredVersion | undefined): v is WithReport => v?.report !== undefined;

export interface PreviousYear {
  ref: PreviousYearRef;
  report: Report;
}

/**
 * The latest stored Report of the agency for `year − 1` (exact agency key, see docs/history.md).
 * @returns undefined when agency or year is unknown, or no readable previous report is stored
 * @throws the store's errors
 */
export async function previousYearOf(
  store: Pick<VersionStore, 'latestReport'>,
  agency: string | null | undefined,
  year: number | null | undefined,
): Promise<PreviousYear | undefined> {
  if (!agency || typeof year !== 'number') return undefined;
  const reportId = reportIdOf(agency, year - 1);
  const latest = await store.latestReport(reportId);
  return latest ? { ref: { reportId, versionId: latest.versionId }, report: latest.report } : undefined;
}

/**
 * The stored boilerplate index for the report's own sentences, when it can change a finding
 * (boilerplateLookups: only with a previous-year report that the report repeats in part).
 * @returns undefined when the report has no year, no previous report or no sentence worth looking up
 * @throws the store's errors
 */
export async function boilerplateOf(
  store: Pick<BoilerplateStore, 'boilerplateFor'>,
  report: Report,
  previous: Report | undefined,
): Promise<BoilerplateIndex | undefined> {
  if (report.year === null || !previous) return undefined;
  const norms = boilerplateLookups(report, previous);
  return norms.length > 0 ? store.boilerplateFor(report.year, norms) : undefined;
}

export interface Recomputed {
  findings: Finding[];
  /** The current findings marked new / unchanged relative to the base version. */
  marked: ChangedFinding[];
  added: Finding[];
  resolved: Finding[];
  changed: boolean;
}

/**
 * The findings of a stored version's Report under the current rules, compared with its stored findings.
 * @param base - the stored version with its Report
 * @param previous - the agency's previous-year Report, for the cross-year rules
 * @param boilerplate - the year's boilerplate index, for H-TEXT-COPIED
 */
export function recompute(base: WithReport, previous?: Report, boilerplate?: BoilerplateIndex): Recomputed {
  const metadata = base.version.uploadMetadata ?? { fileName: base.version.fileName };
  const { findings } = revalidate([{ report: base.report, metadata, findings: base.findings, ...(previous ? { previous } : {}) }], {
    pairWithinBatch: false,
    ...(boilerplate ? { boilerplate } : {}),
  });
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

/**
 * A re-evaluation's version record: the base version's identity and file, the new findings.
 * @param at - the new version's id and time
 * @param evaluation - why it was evaluated again (previous-year or revalidate)
 */
export function evaluationRecord(
  base: WithReport,
  r: Recomputed,
  at: { versionId: string; processedAt: string },
  evaluation: Evaluation,
  previousYear: PreviousYearRef | undefined,
): VersionRecord {
  const { previousYear: _py, evaluation: _ev, inputRuleId: _in, ...rest } = base.version;
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

/**
 * What the notifier gets for a stored version (an upload or a re-evaluation).
 * @param evaluation - set for a re-evaluation: why the report was checked again
 */
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
