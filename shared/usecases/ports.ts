/**
 * The ports of the use cases: what ingest, revalidate and the read side need from the outside
 * world, as interfaces. Adapters implement them — DynamoDB (shared/adapters/dynamodb/), S3
 * (shared/adapters/s3/), SNS (shared/adapters/sns/), and the local stack's SMTP notifier
 * (local/) — and the tests use the same adapters against local servers. Nothing here knows a
 * table key, an AWS error or a protocol.
 */

import type { ProcessedUpload } from '../render/email.ts';
import type { Finding, Report, Severity } from '../report/model.ts';
import type { BoilerplateIndex } from '../rules/history/boilerplate.ts';
import type { ChangedFinding, ReportHead, VersionRecord } from './records.ts';
import type { LatestFinding, Page, ReportDetail, ReportSummary, VersionFinding, VersionSummary } from './views.ts';

// ---------------------------------------------------------------------------------------------
// Objects (the uploaded files)
// ---------------------------------------------------------------------------------------------

/** An uploaded object, as named by the storage event. */
export interface ObjectRef {
  bucket: string;
  key: string;
  /** The object version named by the event, when the bucket is versioned. */
  versionId?: string;
  /** The ETag (no quotes) named by the event: the bytes it announced (what identifies them when the bucket keeps no versions). */
  etag?: string;
  /** The event's time (ISO-8601, milliseconds): see upload-time.ts. */
  eventTime?: string;
}

/** What a HEAD of the object says. */
export interface ObjectHead {
  size: number;
  /** User metadata (x-amz-meta-*), names lower-case without the prefix. */
  metadata: Record<string, string>;
  versionId?: string;
  etag?: string;
  contentType?: string;
  /** When the object was stored (ISO-8601). */
  lastModified?: string;
}

/** Where uploaded files are read from. */
export interface ObjectSource {
  /**
   * The object's size, metadata and version.
   * @returns undefined when the object does not exist (any more)
   */
  head(ref: ObjectRef): Promise<ObjectHead | undefined>;
  /**
   * The object's bytes: of `ref.versionId` when given, else of the current object, which must
   * still have `ref.etag` when given.
   * @throws ObjectSuperseded when the object no longer holds the bytes asked for; any other error
   *   when it cannot be read (the message is retried)
   */
  get(ref: ObjectRef): Promise<Uint8Array>;
}

/** The object was replaced after the event that named it: a newer upload (and its event) holds the key now. */
export class ObjectSuperseded extends Error {
  override readonly name = 'ObjectSuperseded';
}

// ---------------------------------------------------------------------------------------------
// Notifier, clock
// ---------------------------------------------------------------------------------------------

/** Where the outcome of a processed upload (or a re-evaluation) is sent: one message each. */
export interface Notifier {
  /** Publishes one message. Throws when it could not be sent (the caller retries). */
  publish(upload: ProcessedUpload): Promise<void>;
}

/** The time, injectable for tests. */
export interface Clock {
  now(): Date;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

// ---------------------------------------------------------------------------------------------
// The report store
// ---------------------------------------------------------------------------------------------

/** Which object version a processing claim is about. */
export interface ObjectVersionRef {
  bucket: string;
  objectKey: string;
  /** The storage's version id when versioned, else the ETag without quotes. */
  sourceVersion: string;
}

/** What a claim on an object version found. */
export type Claim =
  | { kind: 'claimed'; token: string; versionId: string; processedAt: string }
  | { kind: 'completed'; record: ProcessingRecord }
  | { kind: 'busy'; record?: ProcessingRecord };

/** The processing record of an object version: which report version it became, once completed. */
export interface ProcessingRecord {
  status: 'in-progress' | 'completed';
  reportId?: string | undefined;
  versionId: string;
  processedAt: string;
  publishedAt?: string | undefined;
}

/**
 * Idempotency: at most one worker processes an object version (or a re-evaluation) at a time,
 * and a completed one is never processed again. See docs/decisions/idempotency.md.
 */
export interface ClaimStore {
  /**
   * Claims an object version for processing; the version id is fixed by the first claim, so a
   * retry after a failure rewrites the same version.
   * @returns `claimed` with a token, `completed` when it was done before, `busy` when another
   *   worker holds a live claim
   */
  claim(ref: ObjectVersionRef, now: Date): Promise<Claim>;
  /** Marks a claimed version done. Throws when the claim was taken over by another worker. */
  complete(ref: ObjectVersionRef, token: string, reportId: string, publishedAt: string): Promise<void>;
  /** Gives a claim up after a failure so that a retry can take over at once (never throws on a lost claim). */
  release(ref: ObjectVersionRef, token: string): Promise<void>;
  /** The processing record of an object version, if any. */
  processing(ref: ObjectVersionRef): Promise<ProcessingRecord | undefined>;
}

/** A version to write: its record, its Report (absent for input failures), its findings. */
export interface VersionWrite {
  version: VersionRecord;
  report?: Report;
  findings: ChangedFinding[];
  /** Findings of the previous version that this one no longer has. */
  resolved: Finding[];
  /**
   * The report's indexed sentences (normalized): added to the year's boilerplate index under the
   * version's agency, with the version's items, when the version is identified.
   */
  sentences?: readonly string[];
}

/** A stored version read back: its record, its Report (absent for input failures), its findings. */
export interface StoredVersion {
  version: VersionRecord;
  report?: Report;
  findings: Finding[];
}

/** Which reports to list: of a year, of an agency (optionally of one year), or all. */
export interface ReportHeadFilter {
  year?: number;
  agency?: string;
}

/** Report versions: written by ingest and re-evaluations, read back for comparisons and history. */
export interface VersionStore {
  /**
   * Writes a version and all its items.
   * @returns whether it became the report's latest version (false when a newer one exists)
   */
  saveVersion(write: VersionWrite): Promise<{ latest: boolean }>;
  /** The latest state of a report, or undefined when it has no version. */
  getReport(reportId: string): Promise<ReportHead | undefined>;
  /** The latest state of several reports in one read, by report id (absent ids: no version). */
  getReports(reportIds: readonly string[]): Promise<Map<string, ReportHead>>;
  /** The newest version of a report older than `versionId` (the one a new version is compared with). */
  versionBefore(reportId: string, versionId: string): Promise<VersionRecord | undefined>;
  /** The findings of a version, in their stored order. */
  findings(reportId: string, versionId: string): Promise<Finding[]>;
  /** A version with its Report and findings, or undefined when it does not exist. */
  storedVersion(reportId: string, versionId: string): Promise<StoredVersion | undefined>;
  /** The latest version of a report with its Report and findings, or undefined. */
  latestVersion(reportId: string): Promise<StoredVersion | undefined>;
  /** The Report of a report's latest version (without its record and findings), or undefined when it has none. */
  latestReport(reportId: string): Promise<{ versionId: string; report: Report } | undefined>;
  /** The latest state of every report the filter selects (all pages). */
  reportHeads(filter?: ReportHeadFilter): Promise<ReportHead[]>;
}

/** The boilerplate index of a year: sentences many agencies share (H-TEXT-COPIED leaves them out). */
export interface BoilerplateStore {
  /** What the store knows about these normalized sentences of `year`. */
  boilerplateFor(year: number, norms: readonly string[], minOtherAgencies?: number): Promise<BoilerplateIndex>;
  /** Adds an agency's sentences of a year (idempotent; ingest adds them with saveVersion). */
  recordSentences(year: number, agency: string, norms: readonly string[]): Promise<void>;
}

/** Everything the ingest and revalidate use cases need from storage. */
export type ReportStore = ClaimStore & VersionStore & BoilerplateStore;

// ---------------------------------------------------------------------------------------------
// The read side (the HTTP API)
// ---------------------------------------------------------------------------------------------

export interface ListReportsFilter {
  year?: number;
  agency?: string;
  status?: ReportSummary['status'];
  limit: number;
  cursor?: string;
}

export interface ListFindingsFilter {
  year?: number;
  ruleId?: string;
  severity?: Severity;
  limit: number;
  cursor?: string;
}

export interface ReportFindings {
  reportId: string;
  versionId: string;
  latest: boolean;
  items: VersionFinding[];
}

/** The read side the HTTP API needs: reports, versions and findings as views (views.ts), paginated. */
export interface ReportQueries {
  listReports(filter: ListReportsFilter): Promise<Page<ReportSummary>>;
  /** The latest version in full; null when the report does not exist. */
  getReport(reportId: string): Promise<ReportDetail | null>;
  /** Versions newest first; null when the report does not exist. */
  listVersions(reportId: string): Promise<VersionSummary[] | null>;
  getVersion(reportId: string, versionId: string): Promise<ReportDetail | null>;
  /** Findings of one version (default the latest); null when the report or version does not exist. */
  listReportFindings(reportId: string, options: { versionId?: string; severity?: Severity }): Promise<ReportFindings | null>;
  /** Findings of the latest versions of all reports. */
  listFindings(filter: ListFindingsFilter): Promise<Page<LatestFinding>>;
}
