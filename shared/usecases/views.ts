/**
 * The read models of the store (what shared/adapters/dynamodb/queries.ts returns and the HTTP API sends):
 * zod schemas, so the API validates its responses with them and publishes them in /openapi.json.
 * They say nothing about keys; the mapping from items lives in queries.ts.
 */
import { z } from 'zod';
import { CellOriginSchema, CellValueSchema, EditionSchema, FindingSchema, IssuerKindSchema, SourceSchema } from '../report/model.ts';

/** Report ids are `<year>-<10 hex>` (identified) or `u-<10 hex>` (unidentified): see items.ts. */
export const REPORT_ID_PATTERN = /^(?:\d{1,6}-[0-9a-f]{10}|u-[0-9a-f]{10})$/;
/** Version ids are `<ISO-8601 UTC with ms>_<8 hex>`: see items.ts. */
export const VERSION_ID_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f]{8}$/;

const IsoTime = z.string().meta({ description: 'ISO-8601 UTC time.', example: '2026-11-29T06:12:03.123Z' });

export const ReportStatusSchema = z
  .enum(['error', 'warning', 'ok'])
  .meta({ description: 'Worst severity of the latest version: error, warning, or ok (info findings only, or none).' });

export const CountsViewSchema = z
  .strictObject({ error: z.number().int().min(0), warning: z.number().int().min(0), info: z.number().int().min(0) })
  .meta({ id: 'Counts', description: 'Number of findings by severity.' });

export const FileRefSchema = z
  .strictObject({
    bucket: z.string(),
    key: z.string().meta({ description: 'S3 object key (decoded).' }),
    name: z.string().meta({ description: 'File name as uploaded.' }),
  })
  .meta({ id: 'FileRef', description: 'The uploaded object a version was read from.' });

export const ReportSummarySchema = z
  .strictObject({
    reportId: z.string(),
    agency: z.string().nullable(),
    year: z.number().int().nullable(),
    edition: EditionSchema.nullable(),
    title: z.string().nullable(),
    identified: z.boolean().meta({ description: 'False when agency or year could not be determined.' }),
    status: ReportStatusSchema,
    counts: CountsViewSchema,
    latestVersionId: z.string(),
    file: FileRefSchema,
    processedAt: IsoTime,
    totals: z
      .record(z.string(), CellValueSchema)
      .meta({ description: 'Key totals of the latest version by cell key (docs/template.md "Cell keys"); absent cells are left out.' }),
  })
  .meta({ id: 'ReportSummary', description: 'A report as of its latest version.' });
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

const IdentityOrigin = z.enum(['document', 'metadata', 'key']);

export const VersionSummarySchema = z
  .strictObject({
    reportId: z.string(),
    versionId: z.string(),
    latest: z.boolean().meta({ description: 'True for the version the report currently shows.' }),
    agency: z.string().nullable(),
    year: z.number().int().nullable(),
    identified: z.boolean(),
    identitySource: z
      .strictObject({ agency: IdentityOrigin.optional(), year: IdentityOrigin.optional() })
      .meta({ description: 'Where agency and year were read: the document, S3 metadata, or the object key.' }),
    edition: EditionSchema.nullable(),
    title: z.string().nullable(),
    publishedAt: z.string().nullable(),
    status: ReportStatusSchema,
    counts: CountsViewSchema,
    findingCount: z.number().int().min(0),
    diff: z
      .strictObject({ new: z.number().int().min(0), resolved: z.number().int().min(0), unchanged: z.number().int().min(0) })
      .meta({ description: 'Findings compared with the previous version.' }),
    previousVersionId: z.string().nullable(),
    file: FileRefSchema.extend({
      sourceVersion: z.string().meta({ description: 'S3 VersionId, or the ETag when the bucket is not versioned.' }),
      size: z.number().int().min(0),
      contentType: z.string().nullable(),
    }),
    processedAt: IsoTime,
    rulesetVersion: z.string().meta({ description: 'The ruleset version the findings were computed with.' }),
    inputRuleId: z.string().nullable().meta({ description: 'Set when the upload could not be read as a report.' }),
    previousYear: z
      .strictObject({ reportId: z.string(), versionId: z.string() })
      .nullable()
      .meta({ description: 'The previous-year version the cross-year rules compared with; null when there was none.' }),
    evaluation: z
      .strictObject({
        kind: z.enum(['previous-year', 'revalidate']),
        basedOn: z.string().meta({ description: 'The version whose stored report was checked again.' }),
        triggeredBy: z
          .strictObject({ reportId: z.string(), versionId: z.string(), year: z.number().int() })
          .nullable()
          .meta({ description: 'previous-year: the report of the year before whose later arrival caused it.' }),
      })
      .nullable()
      .meta({ description: 'Set when this version is a re-evaluation of a stored report (no upload); null for uploads.' }),
  })
  .meta({ id: 'VersionSummary', description: 'One processed upload of a report.' });
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

const Seq = z
  .string()
  .regex(/^\d{4}$/)
  .meta({ description: 'Position in the version’s finding list.' });

export const VersionFindingSchema = FindingSchema.extend({
  seq: Seq,
  change: z.enum(['new', 'unchanged']).meta({ description: 'Compared with the previous version.' }),
}).meta({ id: 'Finding', description: 'A finding: `message` is Chinese, `ruleId` the stable English id.' });
export type VersionFinding = z.infer<typeof VersionFindingSchema>;

export const ResolvedFindingSchema = FindingSchema.extend({
  seq: Seq,
  fromVersionId: z.string().meta({ description: 'The version that still had it.' }),
}).meta({ id: 'ResolvedFinding', description: 'A finding of the previous version that this version no longer has.' });
export type ResolvedFinding = z.infer<typeof ResolvedFindingSchema>;

export const SectionViewSchema = z
  .strictObject({
    number: z.number().int().min(1).max(6),
    heading: z.string().meta({ description: 'As found in the document.' }),
    text: z.string(),
    variant: z.boolean(),
    numbered: z.boolean(),
    source: SourceSchema.optional(),
  })
  .meta({ id: 'Section' });
export type SectionView = z.infer<typeof SectionViewSchema>;

export const ReportDetailSchema = VersionSummarySchema.extend({
  issuerKind: IssuerKindSchema.nullable(),
  sections: z.array(SectionViewSchema),
  cells: z
    .record(z.string(), CellValueSchema)
    .meta({ description: 'Cell key → number, null (blank) or "/" (not applicable); absent: not in the document.' }),
  cellSources: z.record(z.string(), CellOriginSchema).meta({ description: 'Cell key → where it was read.' }),
  findings: z.array(VersionFindingSchema),
  resolvedFindings: z.array(ResolvedFindingSchema),
}).meta({ id: 'ReportDetail', description: 'A version with its sections, cells and findings.' });
export type ReportDetail = z.infer<typeof ReportDetailSchema>;

export const LatestFindingSchema = VersionFindingSchema.extend({
  reportId: z.string(),
  versionId: z.string(),
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
}).meta({ id: 'LatestFinding', description: 'A finding of the latest version of a report.' });
export type LatestFinding = z.infer<typeof LatestFindingSchema>;

/** One page of a paginated query. `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
