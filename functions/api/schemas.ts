/**
 * The API's zod schemas: path and query parameters (what callers send, strings as API Gateway
 * delivers them) and every response body. The router validates with them and /openapi.json is
 * generated from them, so the published contract is the enforced one.
 */
import { z } from 'zod';
import { SeveritySchema } from '../../shared/report/model.ts';
import { isRuleId } from '../../shared/rules/ids.ts';
import {
  LatestFindingSchema,
  REPORT_ID_PATTERN,
  ReportStatusSchema,
  ReportSummarySchema,
  VERSION_ID_PATTERN,
  VersionFindingSchema,
  VersionSummarySchema,
} from '../../shared/usecases/views.ts';

export {
  LatestFindingSchema,
  ReportDetailSchema,
  ReportSummarySchema,
  VersionFindingSchema,
  VersionSummarySchema,
} from '../../shared/usecases/views.ts';

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

const ReportIdParam = z
  .string()
  .regex(REPORT_ID_PATTERN, 'not a report id (e.g. 2022-3f9a0c21be or u-7be01c9d44)')
  .meta({ description: 'Report id: `<year>-<10 hex>`, or `u-<10 hex>` for an unidentified upload.', example: '2022-3f9a0c21be' });
const VersionIdParam = z
  .string()
  .regex(VERSION_ID_PATTERN, 'not a version id (e.g. 2026-11-29T06:12:03.123Z_9c1d22ab)')
  .meta({ description: 'Version id: processing time (ISO-8601 UTC, ms) and 8 hex.', example: '2026-11-29T06:12:03.123Z_9c1d22ab' });

const YearParam = z
  .string()
  .regex(/^\d{4}$/, 'a four-digit year')
  .transform(Number)
  .pipe(z.number().int().min(1990).max(2100))
  .meta({ description: 'Report year (the year reported on, not the publication year).', example: '2022' });
const LimitParam = z
  .string()
  .regex(/^\d{1,3}$/, `an integer from 1 to ${MAX_LIMIT}`)
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_LIMIT))
  .meta({ description: `Page size, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}).`, example: '20' });
const CursorParam = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^[A-Za-z0-9_-]+$/, 'a cursor returned as nextCursor')
  .meta({ description: 'The `nextCursor` of the previous page, with the same filters.' });
const AgencyParam = z.string().trim().min(1).max(200).meta({
  description: 'Agency name as written in the report; matched after normalization (full-width, traditional script, spaces).',
  example: '黑龙江省工业和信息化厅',
});
const StatusParam = ReportStatusSchema;
const SeverityParam = SeveritySchema.meta({ description: 'Only findings of this severity.' });
const RuleIdParam = z
  .string()
  .refine(isRuleId, 'not a rule id of the catalogue (e.g. K-T3-COLUMN-IDENTITY)')
  .meta({ description: 'A rule id of the catalogue.', example: 'C-SECTION-MISSING' });

export const ReportPathSchema = z.strictObject({ reportId: ReportIdParam });
export const VersionPathSchema = z.strictObject({ reportId: ReportIdParam, versionId: VersionIdParam });

export const ListReportsQuerySchema = z.strictObject({
  year: YearParam.optional(),
  agency: AgencyParam.optional(),
  status: StatusParam.optional(),
  limit: LimitParam.optional(),
  cursor: CursorParam.optional(),
});
export type ListReportsQuery = z.output<typeof ListReportsQuerySchema>;

export const ExportQuerySchema = z.strictObject({
  year: YearParam,
  format: z.enum(['xlsx', 'csv']).default('xlsx').meta({ description: 'xlsx: both sheets; csv: one sheet (see `sheet`).' }),
  sheet: z.enum(['reports', 'findings']).default('reports').meta({ description: 'The sheet of a CSV export.' }),
});
export type ExportQuery = z.output<typeof ExportQuerySchema>;

export const SummaryQuerySchema = z.strictObject({ year: YearParam });

export const ReportFindingsQuerySchema = z.strictObject({
  version: VersionIdParam.optional().meta({ description: 'A version id of this report (default: the latest version).' }),
  severity: SeverityParam.optional(),
});

export const ListFindingsQuerySchema = z.strictObject({
  year: YearParam.optional(),
  ruleId: RuleIdParam.optional(),
  severity: SeverityParam.optional(),
  limit: LimitParam.optional(),
  cursor: CursorParam.optional(),
});
export type ListFindingsQuery = z.output<typeof ListFindingsQuerySchema>;

export const EmptyQuerySchema = z.strictObject({});

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export const ReportListSchema = z
  .strictObject({ items: z.array(ReportSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ReportList' });

export const VersionListSchema = z
  .strictObject({ reportId: z.string(), items: z.array(VersionSummarySchema) })
  .meta({ id: 'VersionList', description: 'Versions of a report, newest first.' });

export const ReportFindingsSchema = z
  .strictObject({ reportId: z.string(), versionId: z.string(), latest: z.boolean(), items: z.array(VersionFindingSchema) })
  .meta({ id: 'ReportFindings' });

export const FindingListSchema = z
  .strictObject({ items: z.array(LatestFindingSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'FindingList' });

export const HealthSchema = z
  .strictObject({ status: z.literal('ok'), service: z.literal('nianbao-api'), rulesetVersion: z.string() })
  .meta({ id: 'Health' });

export const OpenApiDocumentSchema = z
  .looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) })
  .meta({ id: 'OpenApiDocument', description: 'This document.' });
