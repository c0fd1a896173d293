/**
 * What the use cases store and read back, independent of how a store keeps it: the record of one
 * report version, the head of a report (its latest state), and the ids that name them. The
 * DynamoDB adapter adds its keys to these (shared/adapters/dynamodb/items.ts); nothing here knows
 * a key. Layout and meaning: docs/data-model.md.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { normalizeAgency } from '../report/agency.ts';
import { CellValueSchema, EditionSchema, type Finding, UploadMetadataSchema } from '../report/model.ts';
import { CountsSchema, StatusSchema } from '../report/status.ts';

// ---------------------------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------------------------

const hex = (text: string, length: number) => createHash('sha256').update(text).digest('hex').slice(0, length);

/**
 * The agency as used in ids: `normalizeAgency` (shared/report/agency.ts: NFKC, traditional →
 * simplified, bracketed annotations, whitespace and punctuation dropped, 人民政府 → 政府), the
 * same normalization the history rules' `sameAgency` compares with. Names that are `same` only by
 * a place prefix (沈阳市法库县自然资源局 ~ 法库县自然资源局) get different ids (docs/history.md).
 */
export const agencyKeyOf = (agency: string): string => normalizeAgency(agency);

/** Deterministic, URL-safe id of the (agency, year) report: `<year>-<10 hex>`. */
export const reportIdOf = (agency: string, year: number): string => `${year}-${hex(`${agencyKeyOf(agency)}|${year}`, 10)}`;

/** Id of the report of an upload whose agency or year is unknown, one per object key: `u-<10 hex>`. */
export const unidentifiedReportIdOf = (bucket: string, objectKey: string): string => `u-${hex(`${bucket}/${objectKey}`, 10)}`;

/** Sortable version id: processing time, then a hash of the object version (`<ISO time>_<8 hex>`). */
export const versionIdOf = (processedAt: string, bucket: string, objectKey: string, sourceVersion: string): string =>
  `${processedAt}_${hex(`${bucket}/${objectKey}#${sourceVersion}`, 8)}`;

// ---------------------------------------------------------------------------------------------
// Pieces of a version record
// ---------------------------------------------------------------------------------------------

export const IdentityOriginSchema = z.enum(['document', 'metadata', 'key']);
/** Where the agency and the year of a stored report came from. */
export const IdentitySourceSchema = z.object({
  agency: IdentityOriginSchema.optional(),
  year: IdentityOriginSchema.optional(),
});
export type IdentitySource = z.infer<typeof IdentitySourceSchema>;

/**
 * Why a version exists when it is not a processed upload: a re-evaluation of a stored Report
 * (no file read) because the previous year arrived later (`previous-year`) or the rules changed
 * (`revalidate`). `basedOn` is the version whose Report was re-evaluated.
 */
export const EvaluationSchema = z.object({
  kind: z.enum(['previous-year', 'revalidate']),
  basedOn: z.string(),
  /** previous-year: the report (and version) of year − 1 whose arrival triggered it. */
  triggeredBy: z.object({ reportId: z.string(), versionId: z.string(), year: z.number().int() }).optional(),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

/** The previous-year version the history rules were given. */
export const PreviousYearRefSchema = z.object({ reportId: z.string(), versionId: z.string() });
export type PreviousYearRef = z.infer<typeof PreviousYearRefSchema>;

export const DiffCountsSchema = z.object({
  new: z.number().int().nonnegative(),
  resolved: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});
export type DiffCounts = z.infer<typeof DiffCountsSchema>;

const Identity = {
  reportId: z.string(),
  agency: z.string().nullable(),
  agencyKey: z.string().nullable(),
  year: z.number().int().nullable(),
  identified: z.boolean(),
};

const Upload = {
  bucket: z.string(),
  objectKey: z.string(),
  fileName: z.string(),
};

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

/** The latest state of one (agency, year) report: which version is the latest, and its outcome. */
export const ReportHeadSchema = z.object({
  ...Identity,
  ...Upload,
  latestVersionId: z.string(),
  processedAt: z.string(),
  /** When the latest version's object was uploaded (VersionRecord.uploadedAt); absent on older heads. */
  uploadedAt: z.string().optional(),
  status: StatusSchema,
  counts: CountsSchema,
  edition: EditionSchema.nullable(),
  title: z.string().nullable(),
  /** The key totals of the latest version (shared/report/key-totals.ts); heads written before they existed have none. */
  totals: z.record(z.string(), CellValueSchema).default({}),
});
export type ReportHead = z.infer<typeof ReportHeadSchema>;

/** Everything known about one version of a report: a processed upload or a re-evaluation. */
export const VersionRecordSchema = z.object({
  ...Identity,
  ...Upload,
  versionId: z.string(),
  identitySource: IdentitySourceSchema,
  edition: EditionSchema.nullable(),
  title: z.string().nullable(),
  publishedAt: z.string().nullable(),
  status: StatusSchema,
  counts: CountsSchema,
  findingCount: z.number().int().nonnegative(),
  diff: DiffCountsSchema,
  previousVersionId: z.string().optional(),
  sourceVersion: z.string(),
  size: z.number().int().nonnegative(),
  contentType: z.string().optional(),
  processedAt: z.string(),
  /**
   * When the object was uploaded (S3 LastModified, ISO-8601): an older upload processed after a
   * newer one of the same report does not become the latest. Re-evaluations keep their upload's.
   * Absent on versions stored before it existed.
   */
  uploadedAt: z.string().optional(),
  rulesetVersion: z.string(),
  inputRuleId: z.string().optional(),
  sectionCount: z.number().int().nonnegative(),
  cellCount: z.number().int().nonnegative(),
  /** The upload metadata the rules were given (revalidation reuses it). Absent on old versions. */
  uploadMetadata: UploadMetadataSchema.optional(),
  /** The previous-year version the history rules compared with; absent when there was none. */
  previousYear: PreviousYearRefSchema.optional(),
  /** Set on re-evaluations (no file read); absent on processed uploads. */
  evaluation: EvaluationSchema.optional(),
});
export type VersionRecord = z.infer<typeof VersionRecordSchema>;

/** A finding of the version being written, with its relation to the previous version. */
export interface ChangedFinding {
  finding: Finding;
  change: 'new' | 'unchanged';
}
