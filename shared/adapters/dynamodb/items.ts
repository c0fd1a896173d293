/**
 * zod schemas of every item type of the table (docs/data-model.md). Items are validated with
 * these when read; the key builders here are the only place that spells a key.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CellOriginSchema, CellValueSchema, FindingSchema, IssuerKindSchema, RecognitionSchema, SourceSchema } from '../../report/model.ts';
import { ReportHeadSchema, VersionRecordSchema } from '../../usecases/records.ts';

// ---------------------------------------------------------------------------------------------
// Identifiers and keys
// ---------------------------------------------------------------------------------------------

export const seqOf = (index: number): string => String(index).padStart(4, '0');

/** The leading words of keys, for range conditions and for checking that a cursor's key is ours. */
export const keyPrefix = { report: 'REPORT#', version: 'VERSION#', year: 'YEAR#', rule: 'RULE#' } as const;

export const keys = {
  report: (reportId: string) => ({ pk: `${keyPrefix.report}${reportId}`, sk: 'LATEST' }),
  version: (reportId: string, versionId: string) => ({ pk: `${keyPrefix.report}${reportId}`, sk: `${keyPrefix.version}${versionId}` }),
  versionPartition: (reportId: string, versionId: string) => `${keyPrefix.version}${reportId}#${versionId}`,
  section: (number: number, part: number) => `SECTION#${number}#${String(part).padStart(2, '0')}`,
  cells: (group: string) => `CELLS#${group}`,
  recognition: 'RECOGNITION',
  finding: (seq: string) => `FINDING#${seq}`,
  resolved: (seq: string) => `RESOLVED#${seq}`,
  processing: (bucket: string, objectKey: string, sourceVersion: string) => ({
    pk: `OBJECT#${bucket}/${objectKey}`,
    sk: `SOURCE#${sourceVersion}`,
  }),
  /** gsi1: reports of a year, sorted by status then id (a status is a key prefix). */
  yearIndex: (year: number | null) => `${keyPrefix.year}${year ?? 'none'}`,
  yearSort: (status: string, reportId: string) => `${status}#${reportId}`,
  yearSortPrefix: (status: string) => `${status}#`,
  /** gsi2: reports of an agency, sorted by year then id (a year is a key prefix). */
  agencyIndex: (agencyKey: string | null) => `AGENCY#${agencyKey ?? 'none'}`,
  agencySort: (year: number | null, reportId: string) => `${keys.yearIndex(year)}#${reportId}`,
  agencySortPrefix: (year: number | null) => `${keys.yearIndex(year)}#`,
  /** gsi3: findings of latest versions by rule and year. */
  ruleIndex: (ruleId: string, year: number | null) => `${keyPrefix.rule}${ruleId}#${keyPrefix.year}${year ?? 'none'}`,
  ruleSort: (reportId: string, seq: string) => `${reportId}#${seq}`,
  /** Agencies whose reports of `year` contain a sentence (boilerplate index, by sentence hash). */
  sentence: (year: number, hash: string, agency: string) => ({ pk: `SENTENCE#${year}#${hash}`, sk: `AGENCY#${agency}` }),
  /** The sentence hash of a boilerplate-index key. */
  sentenceHash: (pk: string) => pk.split('#')[2] ?? '',
} as const;

/** Key of a normalized sentence in the boilerplate index. */
export const sentenceHashOf = (norm: string): string => createHash('sha256').update(norm).digest('hex').slice(0, 24);

/** Longest section text part, in characters (UTF-8 ≤ 3 bytes each: far under the 400 KB item limit). */
export const SECTION_PART_CHARS = 50_000;

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

const KeyFields = { pk: z.string(), sk: z.string() };
const Gsi1 = { gsi1pk: z.string(), gsi1sk: z.string() };
const Gsi2 = { gsi2pk: z.string(), gsi2sk: z.string() };

// ---------------------------------------------------------------------------------------------
// Item types
// ---------------------------------------------------------------------------------------------

export const ReportItemSchema = ReportHeadSchema.extend({
  ...KeyFields,
  ...Gsi1,
  ...Gsi2,
  type: z.literal('report'),
});
export type ReportItem = z.infer<typeof ReportItemSchema>;

export const VersionItemSchema = VersionRecordSchema.extend({
  ...KeyFields,
  type: z.literal('version'),
});
export type VersionItem = z.infer<typeof VersionItemSchema>;

export const SectionItemSchema = z.object({
  ...KeyFields,
  type: z.literal('section'),
  number: z.number().int().min(1).max(6),
  heading: z.string(),
  part: z.number().int().nonnegative(),
  parts: z.number().int().positive(),
  text: z.string(),
  variant: z.boolean(),
  numbered: z.boolean(),
  source: SourceSchema.optional(),
});
export type SectionItem = z.infer<typeof SectionItemSchema>;

export const CellsItemSchema = z.object({
  ...KeyFields,
  type: z.literal('cells'),
  group: z.string(),
  cells: z.record(z.string(), CellValueSchema),
  sources: z.record(z.string(), CellOriginSchema),
});
export type CellsItem = z.infer<typeof CellsItemSchema>;

export const RecognitionItemSchema = z.object({
  ...KeyFields,
  type: z.literal('recognition'),
  recognition: RecognitionSchema,
  issuerKind: IssuerKindSchema.nullable(),
  /** The Report's publishedAt (as its version's); items written before it was kept here have none. */
  publishedAt: z.string().nullable().optional(),
});
export type RecognitionItem = z.infer<typeof RecognitionItemSchema>;

const FindingFields = {
  ...FindingSchema.shape,
  seq: z.string(),
  reportId: z.string(),
  versionId: z.string(),
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
};

export const FindingItemSchema = z.object({
  ...KeyFields,
  type: z.literal('finding'),
  ...FindingFields,
  change: z.enum(['new', 'unchanged']),
  gsi3pk: z.string().optional(),
  gsi3sk: z.string().optional(),
});
export type FindingItem = z.infer<typeof FindingItemSchema>;

export const ResolvedItemSchema = z.object({
  ...KeyFields,
  type: z.literal('resolved'),
  ...FindingFields,
  change: z.literal('resolved'),
  /** The version in which the finding no longer appears. */
  resolvedIn: z.string(),
  /** The version that still had it. */
  fromVersionId: z.string(),
});
export type ResolvedItem = z.infer<typeof ResolvedItemSchema>;

export const ProcessingItemSchema = z.object({
  ...KeyFields,
  type: z.literal('processing'),
  status: z.enum(['in-progress', 'completed']),
  claimToken: z.string(),
  leaseUntil: z.number().int(),
  reportId: z.string().optional(),
  versionId: z.string(),
  processedAt: z.string(),
  publishedAt: z.string().optional(),
  expiresAt: z.number().int(),
});
export type ProcessingItem = z.infer<typeof ProcessingItemSchema>;

/** Boilerplate index entry: one (normalized) agency of a year whose report contains a sentence. */
export const SentenceItemSchema = z.object({
  ...KeyFields,
  type: z.literal('sentence'),
  year: z.number().int(),
  /** The normalizeAgency name. */
  agency: z.string(),
});
export type SentenceItem = z.infer<typeof SentenceItemSchema>;

export const ItemSchema = z.discriminatedUnion('type', [
  ReportItemSchema,
  VersionItemSchema,
  SectionItemSchema,
  CellsItemSchema,
  RecognitionItemSchema,
  FindingItemSchema,
  ResolvedItemSchema,
  ProcessingItemSchema,
  SentenceItemSchema,
]);
export type Item = z.infer<typeof ItemSchema>;

/** A stored finding of either kind, as a plain Finding (what emails and diffs use). */
export type StoredFinding = FindingItem | ResolvedItem;
