/**
 * The ingest use case: one uploaded object version → a stored report version with findings → one
 * message. Over ports (ports.ts), so the Lambda handler, the local stack and the tests run the
 * same code. Idempotent per object version (docs/decisions/idempotency.md): a redelivered event
 * finds its claim completed and only finishes the follow-ups.
 */

import { MAX_UPLOAD_BYTES } from '../report/limits.ts';
import type { Finding, Report, Severity, UploadMetadata } from '../report/model.ts';
import { countBySeverity, type Status, statusOf } from '../report/status.ts';
import { RULESET_VERSION } from '../rules/catalogue.ts';
import { diffFindings } from '../rules/diff.ts';
import { indexedSentences } from '../rules/history/copied-text.ts';
import { refusedForSize } from './check.ts';
import { type Checked, checkUpload } from './check-upload.ts';
import { ProcessingInProgress, processedUploadOf } from './evaluate.ts';
import { type FollowUps, followUps } from './follow-ups.ts';
import { identityFromKey, metadataOf, type PartialIdentity, resolveIdentity } from './identity.ts';
import {
  type Clock,
  type Notifier,
  type ObjectHead,
  type ObjectRef,
  type ObjectSource,
  ObjectSuperseded,
  type ObjectVersionRef,
  type ReportStore,
  systemClock,
} from './ports.ts';
import {
  agencyKeyOf,
  type ChangedFinding,
  type IdentitySource,
  reportIdOf,
  unidentifiedReportIdOf,
  type VersionRecord,
} from './records.ts';
import { uploadTimeOf } from './upload-time.ts';

export { ProcessingInProgress };

/** What ingest needs: where objects come from, where reports go, whom to tell. */
export interface PipelineDeps {
  objects: ObjectSource;
  store: ReportStore;
  notifier: Notifier;
  clock?: Clock;
  /** Objects larger than this are not downloaded (I-TOO-LARGE). Default and upper bound: the upload cap, 20 MB. */
  maxObjectBytes?: number;
  /** Seconds checking one object may take before it ends as an input finding. Default DEFAULT_CHECK_SECONDS. */
  checkSeconds?: number;
}

/**
 * The ingest function has 90 s for a batch of two messages (infra/stack.ts): two checks of 30 s
 * leave a third of the time for reading, storing and notifying, so a slow file ends as a finding
 * rather than a timeout and a redelivery loop (RELIABILITY.md, "Resource limits").
 */
export const DEFAULT_CHECK_SECONDS = 30;

export const DEFAULT_MAX_OBJECT_BYTES = MAX_UPLOAD_BYTES;

/** How an object version ended. */
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
  | { kind: 'gone' }
  /** The object was replaced after this event: the newer upload's event is processed instead (nothing stored, nothing sent). */
  | { kind: 'superseded'; reason: string };

const NO_FOLLOW_UP: FollowUps = { nextYear: { kind: 'none' }, thisYear: { kind: 'none' } };

/**
 * Processes one uploaded object version: claim, read and check, store, notify, complete, then the
 * cross-year follow-ups.
 * @param ref - the object named by the storage event
 * @param deps - the ports (object source, report store, notifier) and settings
 * @returns `processed` (stored and notified), `duplicate` (done before), `gone` (no such object) or
 *   `superseded` (replaced by a newer upload since the event)
 * @throws ProcessingInProgress when another worker holds the claim (retry later); any store,
 *   object-source or notifier error (the claim is released and the message retried)
 */
export async function ingestObject(ref: ObjectRef, deps: PipelineDeps): Promise<IngestOutcome> {
  const clock = deps.clock ?? systemClock;
  const head = await deps.objects.head(ref);
  if (!head) return { kind: 'gone' };
  if (ref.etag && !ref.versionId && head.etag && head.etag !== ref.etag) {
    return { kind: 'superseded', reason: `${ref.key} now has ETag ${head.etag}, the event announced ${ref.etag}` };
  }
  const source = objectVersionOf(ref, head);
  const claim = await deps.store.claim(source, clock.now());
  if (claim.kind === 'completed') {
    const { reportId, versionId } = claim.record;
    if (!reportId) return { kind: 'duplicate', versionId, followUp: NO_FOLLOW_UP };
    return { kind: 'duplicate', reportId, versionId, followUp: await followUpStored(reportId, versionId, deps, clock) };
  }
  if (claim.kind === 'busy') throw new ProcessingInProgress(`upload ${ref.bucket}/${ref.key}#${source.sourceVersion} is being processed`);
  try {
    return await processClaimed(
      { ref, head, source, versionId: claim.versionId, processedAt: claim.processedAt },
      claim.token,
      deps,
      clock,
    );
  } catch (error) {
    await deps.store.release(source, claim.token).catch(() => undefined);
    if (error instanceof ObjectSuperseded) return { kind: 'superseded', reason: error.message };
    throw error;
  }
}

/** The claimed object version and the version id its claim fixed. */
interface Claimed {
  ref: ObjectRef;
  head: ObjectHead;
  source: ObjectVersionRef;
  versionId: string;
  processedAt: string;
}

async function processClaimed(claimed: Claimed, token: string, deps: PipelineDeps, clock: Clock): Promise<IngestOutcome> {
  const upload = describeUpload(claimed.ref.key, claimed.head.metadata);
  const checked = await readAndCheck(claimed, upload.metadata, deps);
  const identity = resolveIdentity(checked.result.report, upload.fromMetadata, upload.fromKey);
  const reportId = reportIdFor(identity, claimed.ref);
  const compared = await compareWithPrevious(reportId, claimed.versionId, checked.result.findings, deps.store);
  const version = versionRecordOf({ claimed, upload: upload.metadata, checked, identity, reportId, compared });
  const report = checked.result.report;

  const { latest } = await deps.store.saveVersion({
    version,
    ...(report ? { report, sentences: indexedSentences(report) } : {}),
    findings: compared.changed,
    resolved: compared.resolved,
  });
  await deps.notifier.publish(processedUploadOf(version, compared.changed, compared.resolved));
  await deps.store.complete(claimed.source, token, reportId, clock.now().toISOString());
  // After completing: a failure here is retried through the duplicate path.
  const followUp =
    latest && report && version.identified
      ? await followUps(
          {
            reportId,
            versionId: version.versionId,
            agency: version.agency!,
            year: version.year!,
            report,
            ...(checked.previous ? { usedPrevious: checked.previous.ref } : {}),
          },
          followUpDeps(deps, clock),
        )
      : NO_FOLLOW_UP;
  return {
    kind: 'processed',
    reportId,
    versionId: version.versionId,
    latest,
    status: version.status,
    counts: version.counts,
    ...(version.inputRuleId ? { inputRuleId: version.inputRuleId } : {}),
    ...(checked.internalError !== undefined ? { internalError: checked.internalError } : {}),
    followUp,
  };
}

// ---------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------

/** The object version a claim is about: the storage's version id, else its ETag. */
function objectVersionOf(ref: ObjectRef, head: ObjectHead): ObjectVersionRef {
  const sourceVersion = head.versionId ?? head.etag?.replace(/"/g, '');
  if (!sourceVersion) throw new Error(`object ${ref.bucket}/${ref.key} has neither a version id nor an ETag`);
  return { bucket: ref.bucket, objectKey: ref.key, sourceVersion };
}

/** The file name and the identity hints of an upload (metadata first, then the key). */
function describeUpload(key: string, userMetadata: Record<string, string>) {
  const fileName = key.split('/').pop() ?? key;
  const fromKey = identityFromKey(key);
  const fromMetadata = metadataOf(userMetadata);
  const metadata: UploadMetadata = { fileName };
  const agency = fromMetadata.agency ?? fromKey.agency;
  const year = fromMetadata.year ?? fromKey.year;
  if (agency) metadata.agency = agency;
  if (year !== undefined) metadata.year = year;
  return { fileName, fromKey, fromMetadata, metadata };
}

/** Reads the object (unless it is over the size cap) and checks it. */
async function readAndCheck(claimed: Claimed, metadata: UploadMetadata, deps: PipelineDeps): Promise<Checked> {
  const refused = refusedForSize(claimed.head.size, deps.maxObjectBytes);
  if (refused) return { result: refused };
  const { ref, head } = claimed;
  // The bytes the claim is about: that version, else the ETag the HEAD saw (a replaced object throws ObjectSuperseded).
  const bytes = await deps.objects.get(
    head.versionId ? { ...ref, versionId: head.versionId } : { ...ref, ...(head.etag ? { etag: head.etag } : {}) },
  );
  const seconds = deps.checkSeconds ?? DEFAULT_CHECK_SECONDS;
  return checkUpload(bytes, metadata, deps.store, { seconds, until: Date.now() + seconds * 1000 });
}

function reportIdFor(identity: PartialIdentity, ref: ObjectRef): string {
  return identity.agency !== undefined && identity.year !== undefined
    ? reportIdOf(identity.agency, identity.year)
    : unidentifiedReportIdOf(ref.bucket, ref.key);
}

/** The findings marked new or unchanged against the report's previous version, and those resolved. */
async function compareWithPrevious(reportId: string, versionId: string, findings: Finding[], store: ReportStore) {
  const previous = await store.versionBefore(reportId, versionId);
  const previousFindings = previous ? await store.findings(reportId, previous.versionId) : [];
  const { marked, resolved } = diffFindings(previousFindings, findings);
  return { previousVersionId: previous?.versionId, changed: marked as ChangedFinding[], resolved };
}

interface RecordInputs {
  claimed: Claimed;
  upload: UploadMetadata;
  checked: Checked;
  identity: PartialIdentity & { source: IdentitySource };
  reportId: string;
  compared: Awaited<ReturnType<typeof compareWithPrevious>>;
}

/** The record of the processed version (docs/data-model.md, "version"). */
function versionRecordOf({ claimed, upload, checked, identity, reportId, compared }: RecordInputs): VersionRecord {
  const { result, previous } = checked;
  const report: Report | undefined = result.report;
  const counts = countBySeverity(result.findings);
  const inputRuleId = report ? undefined : result.findings.find((f) => f.category === 'input')?.ruleId;
  const changed = compared.changed;
  return {
    reportId,
    versionId: claimed.versionId,
    agency: identity.agency ?? null,
    agencyKey: identity.agency ? agencyKeyOf(identity.agency) : null,
    year: identity.year ?? null,
    identified: identity.agency !== undefined && identity.year !== undefined,
    identitySource: identity.source,
    bucket: claimed.ref.bucket,
    objectKey: claimed.ref.key,
    fileName: upload.fileName ?? claimed.ref.key,
    edition: report?.edition ?? null,
    title: report?.title ?? null,
    publishedAt: report?.publishedAt ?? null,
    status: statusOf(counts),
    counts,
    findingCount: result.findings.length,
    diff: {
      new: changed.filter((c) => c.change === 'new').length,
      resolved: compared.resolved.length,
      unchanged: changed.filter((c) => c.change === 'unchanged').length,
    },
    ...(compared.previousVersionId ? { previousVersionId: compared.previousVersionId } : {}),
    sourceVersion: claimed.source.sourceVersion,
    size: claimed.head.size,
    ...(claimed.head.contentType ? { contentType: claimed.head.contentType } : {}),
    processedAt: claimed.processedAt,
    ...withUploadTime(uploadTimeOf(claimed.ref, claimed.head)),
    rulesetVersion: RULESET_VERSION,
    ...(inputRuleId ? { inputRuleId } : {}),
    sectionCount: report?.sections.length ?? 0,
    cellCount: report ? Object.keys(report.cells).length : 0,
    uploadMetadata: upload,
    ...(previous ? { previousYear: previous.ref } : {}),
  };
}

const followUpDeps = (deps: PipelineDeps, clock: Clock) => ({ store: deps.store, notifier: deps.notifier, now: () => clock.now() });

/** The follow-ups of an already processed version, when it is still the latest. */
async function followUpStored(reportId: string, versionId: string, deps: PipelineDeps, clock: Clock): Promise<FollowUps> {
  const head = await deps.store.getReport(reportId);
  if (head?.latestVersionId !== versionId || !head.identified || !head.agency || head.year === null) return NO_FOLLOW_UP;
  const stored = await deps.store.storedVersion(reportId, versionId);
  if (!stored?.report) return NO_FOLLOW_UP;
  const used = stored.version.previousYear;
  const year = {
    reportId,
    versionId,
    agency: head.agency,
    year: head.year,
    report: stored.report,
    ...(used ? { usedPrevious: used } : {}),
  };
  return followUps(year, followUpDeps(deps, clock));
}

function withUploadTime(uploadedAt: string | undefined): { uploadedAt?: string } {
  return uploadedAt ? { uploadedAt } : {};
}
