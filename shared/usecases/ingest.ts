/**
 * The ingest use case (design.md "The flow"): one uploaded object version → a stored report
 * version with findings → one message. Over ports, so the Lambda handler, the local stack and the
 * tests run the same code. Idempotent per object version (see docs/data-model.md).
 */
import { checkBytes, checkDocument, type CheckResult } from './check.ts';
import {
  boilerplateOf,
  countBySeverity,
  followUps,
  previousYearOf,
  processedUploadOf,
  ProcessingInProgress,
  statusOf,
  type EvaluationStore,
  type FollowUps,
  type PreviousYear,
} from './evaluation.ts';
import type { Report, Severity, UploadMetadata } from '../report/model.ts';
import { RULESET_VERSION } from '../rules/catalogue.ts';
import { validate } from '../rules/index.ts';
import { finding } from '../rules/rule.ts';
import type { Notifier } from '../adapters/sns/notifier.ts';
import type { Status } from '../render/email.ts';
import { agencyKeyOf, reportIdOf, unidentifiedReportIdOf, type IdentitySource } from '../adapters/dynamodb/items.ts';
import { diffFindings } from '../rules/diff.ts';
import type { ReportRepository, VersionRecord } from '../adapters/dynamodb/repository.ts';
import { indexedSentences } from '../adapters/dynamodb/sentence-store.ts';

export { countBySeverity, ProcessingInProgress, statusOf };

// ---------------------------------------------------------------------------------------------
// Ports
// ---------------------------------------------------------------------------------------------

export interface ObjectRef {
  bucket: string;
  key: string;
  /** The S3 object version named by the event, when the bucket is versioned. */
  versionId?: string;
}

export interface ObjectHead {
  size: number;
  /** User metadata (x-amz-meta-*), names lower-case without the prefix. */
  metadata: Record<string, string>;
  versionId?: string;
  etag?: string;
  contentType?: string;
}

export interface ObjectSource {
  /** undefined when the object does not exist (any more). */
  head(ref: ObjectRef): Promise<ObjectHead | undefined>;
  get(ref: ObjectRef): Promise<Uint8Array>;
}

export type ReportStore = EvaluationStore & Pick<ReportRepository, 'versionBefore' | 'findings' | 'recordSentences'>;

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface PipelineDeps {
  objects: ObjectSource;
  store: ReportStore;
  notifier: Notifier;
  clock?: Clock;
  /** Objects larger than this are not downloaded (I-TOO-LARGE). Default 20 MB. */
  maxObjectBytes?: number;
}

export const DEFAULT_MAX_OBJECT_BYTES = 20 * 1024 * 1024;

export type IngestOutcome =
  | {
      kind: 'processed';
      reportId: string;
      versionId: string;
      latest: boolean;
      status: Status;
      counts: Record<Severity, number>;
      /** Set when the upload ended in an input finding (unreadable, too large, not a report …). */
      inputRuleId?: string;
      /** Set when the domain threw something that is not an InputProblem (a bug, logged by the caller). */
      internalError?: unknown;
      /** Re-evaluations that followed: next year's report against this one, this one against a late previous year. */
      followUp: FollowUps;
    }
  | { kind: 'duplicate'; reportId?: string; versionId: string; followUp: FollowUps }
  | { kind: 'gone' };

// ---------------------------------------------------------------------------------------------
// The use case
// ---------------------------------------------------------------------------------------------

export async function ingestObject(ref: ObjectRef, deps: PipelineDeps): Promise<IngestOutcome> {
  const clock = deps.clock ?? systemClock;
  const head = await deps.objects.head(ref);
  if (!head) return { kind: 'gone' };
  const sourceVersion = head.versionId ?? head.etag?.replace(/"/g, '');
  if (!sourceVersion) throw new Error(`object ${ref.bucket}/${ref.key} has neither a version id nor an ETag`);
  const versionRef = { bucket: ref.bucket, objectKey: ref.key, sourceVersion };

  const claim = await deps.store.claim(versionRef, clock.now());
  const followUpDeps = { store: deps.store, notifier: deps.notifier, now: () => clock.now() };
  if (claim.kind === 'completed') {
    // A redelivery: the upload is done, but the re-evaluation that follows it may not be.
    const { reportId, versionId } = claim.record;
    if (!reportId) return { kind: 'duplicate', versionId, followUp: NO_FOLLOW_UP };
    return { kind: 'duplicate', reportId, versionId, followUp: await followUpStored(reportId, versionId, followUpDeps) };
  }
  if (claim.kind === 'busy') throw new ProcessingInProgress(`${ref.bucket}/${ref.key}#${sourceVersion} is being processed`);

  try {
    const fileName = ref.key.split('/').pop() ?? ref.key;
    const fromKey = identityFromKey(ref.key);
    const fromMetadata = metadataOf(head.metadata);
    const metadata: UploadMetadata = { fileName };
    const agencyHint = fromMetadata.agency ?? fromKey.agency;
    const yearHint = fromMetadata.year ?? fromKey.year;
    if (agencyHint) metadata.agency = agencyHint;
    if (yearHint !== undefined) metadata.year = yearHint;

    const maxBytes = deps.maxObjectBytes ?? DEFAULT_MAX_OBJECT_BYTES;
    let result: CheckResult;
    let internalError: unknown;
    let previousYear: PreviousYear | undefined;
    if (head.size > maxBytes) {
      result = { findings: [finding('I-TOO-LARGE', { message: tooLargeMessage(head.size, maxBytes) })] };
    } else {
      const bytes = await deps.objects.get(head.versionId ? { ...ref, versionId: head.versionId } : ref);
      ({ result, internalError, previous: previousYear } = await check(bytes, metadata, deps.store));
    }

    const identity = resolveIdentity(result.report, fromMetadata, fromKey);
    const identified = identity.agency !== undefined && identity.year !== undefined;
    const reportId = identified
      ? reportIdOf(identity.agency!, identity.year!)
      : unidentifiedReportIdOf(ref.bucket, ref.key);
    const versionId = claim.versionId;

    const previous = await deps.store.versionBefore(reportId, versionId);
    const previousFindings = previous ? await deps.store.findings(reportId, previous.versionId) : [];
    const { marked: changed, resolved } = diffFindings(previousFindings, result.findings);
    const counts = countBySeverity(result.findings);
    const status = statusOf(counts);
    const inputRuleId = result.findings.find((f) => f.category === 'input' && !result.report)?.ruleId;
    const report = result.report;

    const version: VersionRecord = {
      reportId,
      versionId,
      agency: identity.agency ?? null,
      agencyKey: identity.agency ? agencyKeyOf(identity.agency) : null,
      year: identity.year ?? null,
      identified,
      identitySource: identity.source,
      bucket: ref.bucket,
      objectKey: ref.key,
      fileName,
      edition: report?.edition ?? null,
      title: report?.title ?? null,
      publishedAt: report?.publishedAt ?? null,
      status,
      counts,
      findingCount: result.findings.length,
      diff: { new: changed.filter((c) => c.change === 'new').length, resolved: resolved.length, unchanged: changed.filter((c) => c.change === 'unchanged').length },
      ...(previous ? { previousVersionId: previous.versionId } : {}),
      sourceVersion,
      size: head.size,
      ...(head.contentType ? { contentType: head.contentType } : {}),
      processedAt: claim.processedAt,
      rulesetVersion: RULESET_VERSION,
      ...(inputRuleId ? { inputRuleId } : {}),
      sectionCount: report?.sections.length ?? 0,
      cellCount: report ? Object.keys(report.cells).length : 0,
      uploadMetadata: metadata,
      ...(previousYear ? { previousYear: previousYear.ref } : {}),
    };
    const { latest } = await deps.store.saveVersion({ version, ...(report ? { report } : {}), findings: changed, resolved });
    if (report && identified) await deps.store.recordSentences(identity.year!, identity.agency!, indexedSentences(report));

    await deps.notifier.publish(processedUploadOf(version, changed, resolved));
    await deps.store.complete(versionRef, claim.token, reportId, clock.now().toISOString());
    // After completing: a failure here is retried through the duplicate path above.
    const followUp =
      latest && report && identified
        ? await followUps(
            { reportId, versionId, agency: identity.agency!, year: identity.year!, report, ...(previousYear ? { usedPrevious: previousYear.ref } : {}) },
            followUpDeps,
          )
        : NO_FOLLOW_UP;
    return {
      kind: 'processed',
      reportId,
      versionId,
      latest,
      status,
      counts,
      ...(inputRuleId ? { inputRuleId } : {}),
      ...(internalError !== undefined ? { internalError } : {}),
      followUp,
    };
  } catch (error) {
    await deps.store.release(versionRef, claim.token).catch(() => undefined);
    throw error;
  }
}

const NO_FOLLOW_UP: FollowUps = { nextYear: { kind: 'none' }, thisYear: { kind: 'none' } };

/** The follow-ups of an already processed version, when it is still the latest. */
async function followUpStored(reportId: string, versionId: string, deps: Parameters<typeof followUps>[1]): Promise<FollowUps> {
  const head = await deps.store.getReport(reportId);
  if (head?.latestVersionId !== versionId || !head.identified || !head.agency || head.year === null) return NO_FOLLOW_UP;
  const stored = await deps.store.storedVersion(reportId, versionId);
  if (!stored?.report) return NO_FOLLOW_UP;
  const used = stored.version.previousYear;
  return followUps({ reportId, versionId, agency: head.agency, year: head.year, report: stored.report, ...(used ? { usedPrevious: used } : {}) }, deps);
}

/**
 * Runs the domain with last year's report of the agency when it is known. The hint from metadata
 * or key is tried first; when the document names another (agency, year) the rules run again with
 * the right previous report. With a previous report, the stored boilerplate index of the year
 * (sentences ≥ k other agencies wrote) is looked up for H-TEXT-COPIED, and the rules run on the
 * Report once more when it knows any of them. A domain error that is not an InputProblem (a bug)
 * becomes an input finding, so the upload is still stored and answered.
 */
async function check(
  bytes: Uint8Array,
  metadata: UploadMetadata,
  store: ReportStore,
): Promise<{ result: CheckResult; previous?: PreviousYear; internalError?: unknown }> {
  try {
    const hinted = await previousYearOf(store, metadata.agency, metadata.year);
    let result = await checkBytes(bytes, { fileName: metadata.fileName, metadata, ...(hinted ? { previous: hinted.report } : {}) });
    let previous = hinted;
    const { report, document } = result;
    const sameIdentity = report && report.agency === (metadata.agency ?? null) && report.year === (metadata.year ?? null);
    if (report && document && !sameIdentity && report.agency && report.year) {
      const found = await previousYearOf(store, report.agency, report.year);
      if (found || hinted) {
        result = checkDocument(document, { fileName: metadata.fileName, metadata, ...(found ? { previous: found.report } : {}) });
        previous = found;
      }
    }
    if (result.report && previous) {
      const boilerplate = await boilerplateOf(store, result.report);
      if (boilerplate && boilerplate.size > 0) {
        result = { ...result, findings: validate({ report: result.report, previous: previous.report, metadata, boilerplate }) };
      }
    }
    return { result, ...(previous ? { previous } : {}) };
  } catch (error) {
    if (isAwsError(error)) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    const message = `处理文件时出现内部错误，已记录，请联系管理员（${detail}）`;
    return { result: { findings: [finding('I-UNREADABLE', { message })] }, internalError: error };
  }
}

const isAwsError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && '$metadata' in error;

function tooLargeMessage(size: number, max: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `文件大小为 ${mb(size)} MB，超过 ${mb(max)} MB 的上限，未作检查。请压缩或拆分后重新上传。`;
}

// ---------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------

interface PartialIdentity {
  agency?: string;
  year?: number;
}

const validYear = (year: number | null | undefined): year is number =>
  typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100;

/** The key convention `uploads/<year>/<agency>/<file>` (or `uploads/<year>/<file>`). */
export function identityFromKey(key: string): PartialIdentity {
  const parts = key.split('/');
  if (parts[0] !== 'uploads' || parts.length < 3) return {};
  const year = /^\d{4}$/.test(parts[1]!) ? Number(parts[1]) : undefined;
  if (!validYear(year)) return {};
  const agency = parts.length >= 4 ? parts[2]!.trim() : '';
  return agency ? { year, agency } : { year };
}

/** Decodes a user metadata value: RFC 2047 encoded words (S3's form for non-ASCII) or percent-encoding. */
export function decodeMetadataValue(value: string): string {
  let out = value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeURIComponentSafe(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, '%$1')),
  );
  if (/%[0-9a-f]{2}/i.test(out)) out = decodeURIComponentSafe(out);
  return out.trim();
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function metadataOf(metadata: Record<string, string>): PartialIdentity {
  const out: PartialIdentity = {};
  const agency = metadata.agency ? decodeMetadataValue(metadata.agency) : '';
  if (agency) out.agency = agency;
  const yearText = metadata.year ? /^\s*(\d{4})(?!\d)/.exec(decodeMetadataValue(metadata.year))?.[1] : undefined;
  const year = yearText ? Number(yearText) : undefined;
  if (validYear(year)) out.year = year;
  return out;
}

export function resolveIdentity(
  report: Report | undefined,
  metadata: PartialIdentity,
  fromKey: PartialIdentity,
): PartialIdentity & { source: IdentitySource } {
  const source: IdentitySource = {};
  const out: PartialIdentity & { source: IdentitySource } = { source };
  if (report?.agency?.trim()) [out.agency, source.agency] = [report.agency.trim(), 'document'];
  else if (metadata.agency) [out.agency, source.agency] = [metadata.agency, 'metadata'];
  else if (fromKey.agency) [out.agency, source.agency] = [fromKey.agency, 'key'];
  if (validYear(report?.year)) [out.year, source.year] = [report.year, 'document'];
  else if (metadata.year !== undefined) [out.year, source.year] = [metadata.year, 'metadata'];
  else if (fromKey.year !== undefined) [out.year, source.year] = [fromKey.year, 'key'];
  return out;
}
