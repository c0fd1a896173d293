/**
 * The route table: one entry per operation with its parameter and response schemas. The router
 * (handler.ts) and the OpenAPI document (openapi.ts) are both built from it.
 */
import { z } from 'zod';
import type { Sheet } from '../../shared/render/workbook.ts';
import { RULESET_VERSION } from '../../shared/rules/ids.ts';
import { collectYear, findingsSheet, reportsSheet } from '../../shared/usecases/export.ts';
import type { ReportQueries } from '../../shared/usecases/ports.ts';
import { summarize, YearSummarySchema } from '../../shared/usecases/summary.ts';
import { reportPage } from '../../shared/usecases/view.ts';
import { notFound, tooLarge } from './errors.ts';
import {
  DEFAULT_LIMIT,
  EmptyQuerySchema,
  ExportQuerySchema,
  FindingListSchema,
  HealthSchema,
  ListFindingsQuerySchema,
  ListReportsQuerySchema,
  OpenApiDocumentSchema,
  ReportDetailSchema,
  ReportFindingsQuerySchema,
  ReportFindingsSchema,
  ReportListSchema,
  ReportPathSchema,
  SummaryQuerySchema,
  VersionListSchema,
  VersionPathSchema,
} from './schemas.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type MediaType = 'text/html' | 'text/csv' | typeof XLSX;

/**
 * The largest export answered in one call: a Lambda response is at most 6 MB, and a binary body
 * travels base64-encoded (4/3 of its size). Larger years: `nianbao export --direct` (reads the
 * table itself, no size limit) or one CSV sheet at a time.
 */
export const MAX_EXPORT_BYTES = 4_200_000;

/**
 * Writes sheets as a file (shared/render/workbook.ts, exceljs). Given only to the export function
 * and the local stack: the API function's bundle stays without exceljs (its cold start).
 */
export interface SheetWriters {
  toXlsx(sheets: Sheet[]): Promise<Uint8Array<ArrayBuffer>>;
  toCsv(sheet: Sheet): Promise<string>;
}

export interface RouteContext {
  queries: ReportQueries;
  openApi: () => unknown;
  writers?: SheetWriters;
}

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface Route<P extends AnyObject = AnyObject, Q extends AnyObject = AnyObject, R extends z.ZodType = z.ZodType> {
  method: 'GET';
  /** API Gateway / middy path template, e.g. `/reports/{reportId}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** False only for /health: everything else is behind IAM (SigV4) in AWS. */
  signed: boolean;
  params?: P;
  query: Q;
  response: R;
  /** Error statuses this operation can answer besides 500. */
  errors: number[];
  /** The media type of the 200 body (default JSON): an HTML page, CSV text, or an xlsx file (base64 in the event). */
  produces?: MediaType;
  /** When the media type depends on the query (an export as xlsx or CSV): the one to answer. */
  mediaType?(query: z.output<Q>): MediaType;
  /** A download's file name (Content-Disposition: attachment). */
  fileName?(query: z.output<Q>): string;
  run(input: { params: z.output<P>; query: z.output<Q> }, ctx: RouteContext): Promise<z.input<R>>;
}

/** Keeps each route's types tight while the table holds them all. */
const route = <P extends AnyObject, Q extends AnyObject, R extends z.ZodType>(r: Route<P, Q, R>): Route => r as unknown as Route;

const report404 = (reportId: string) => notFound(`no report ${reportId}`);

export const ROUTES: Route[] = [
  route({
    method: 'GET',
    path: '/health',
    operationId: 'health',
    summary: 'Liveness (unsigned)',
    signed: false,
    query: EmptyQuerySchema,
    response: HealthSchema,
    errors: [400],
    run: async () => ({ status: 'ok' as const, service: 'nianbao-api' as const, rulesetVersion: RULESET_VERSION }),
  }),
  route({
    method: 'GET',
    path: '/openapi.json',
    operationId: 'openApi',
    summary: 'This API described as OpenAPI 3.1',
    signed: true,
    query: EmptyQuerySchema,
    response: OpenApiDocumentSchema,
    errors: [400],
    run: async (_input, { openApi }) => openApi() as z.input<typeof OpenApiDocumentSchema>,
  }),
  route({
    method: 'GET',
    path: '/reports',
    operationId: 'listReports',
    summary: 'Reports as of their latest version',
    description:
      'Filter by year, agency and status. With a year and no agency, results are sorted by status then id; with an agency, by year then id; with neither, unordered.',
    signed: true,
    query: ListReportsQuerySchema,
    response: ReportListSchema,
    errors: [400],
    run: async ({ query }, { queries }) => queries.listReports({ ...query, limit: query.limit ?? DEFAULT_LIMIT }),
  }),
  route({
    method: 'GET',
    path: '/reports/export',
    operationId: 'exportYear',
    summary: 'The year in a spreadsheet: a sheet of reports and a sheet of findings (xlsx), or one sheet as CSV',
    description: `Reads every report of the year and the findings of their latest versions. An answer larger than ${MAX_EXPORT_BYTES} bytes is refused with 413: export one CSV sheet at a time, or run \`nianbao export --direct\`, which reads the table without that limit.`,
    signed: true,
    query: ExportQuerySchema,
    response: z.union([z.string(), z.instanceof(Uint8Array)]),
    produces: XLSX,
    mediaType: (query) => (query.format === 'csv' ? 'text/csv' : XLSX),
    fileName: (query) => (query.format === 'csv' ? `nianbao-${query.year}-${query.sheet}.csv` : `nianbao-${query.year}.xlsx`),
    errors: [400, 413],
    run: async ({ query }, { queries, writers }) => {
      // In AWS this route is the export function's (functions/export/handler.ts), which has the writers.
      if (!writers) throw new Error('the year export is served by the export function');
      const data = await collectYear(queries, query.year);
      const body =
        query.format === 'csv'
          ? await writers.toCsv(query.sheet === 'findings' ? findingsSheet(data) : reportsSheet(data))
          : await writers.toXlsx([reportsSheet(data), findingsSheet(data)]);
      const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
      if (size > MAX_EXPORT_BYTES) {
        throw tooLarge(
          `the ${query.year} export is ${size} bytes (limit ${MAX_EXPORT_BYTES}): export one CSV sheet at a time, or run nianbao export --direct`,
        );
      }
      return body;
    },
  }),
  route({
    method: 'GET',
    path: '/summary',
    operationId: 'yearSummary',
    summary: 'The year at a glance: reports by status, the most frequent rules, the reports with the most errors',
    signed: true,
    query: SummaryQuerySchema,
    response: YearSummarySchema,
    errors: [400],
    run: async ({ query }, { queries }) => summarize(await collectYear(queries, query.year)),
  }),
  route({
    method: 'GET',
    path: '/reports/{reportId}',
    operationId: 'getReport',
    summary: 'The latest version of a report: metadata, sections, cells and findings',
    signed: true,
    params: ReportPathSchema,
    query: EmptyQuerySchema,
    response: ReportDetailSchema,
    errors: [400, 404],
    run: async ({ params }, { queries }) => (await queries.getReport(params.reportId)) ?? Promise.reject(report404(params.reportId)),
  }),
  route({
    method: 'GET',
    path: '/reports/{reportId}/versions',
    operationId: 'listVersions',
    summary: 'Every processed upload of a report, newest first',
    signed: true,
    params: ReportPathSchema,
    query: EmptyQuerySchema,
    response: VersionListSchema,
    errors: [400, 404],
    run: async ({ params }, { queries }) => {
      const items = await queries.listVersions(params.reportId);
      if (!items) throw report404(params.reportId);
      return { reportId: params.reportId, items };
    },
  }),
  route({
    method: 'GET',
    path: '/reports/{reportId}/versions/{versionId}',
    operationId: 'getVersion',
    summary: 'One version of a report: metadata, sections, cells and findings',
    signed: true,
    params: VersionPathSchema,
    query: EmptyQuerySchema,
    response: ReportDetailSchema,
    errors: [400, 404],
    run: async ({ params }, { queries }) =>
      (await queries.getVersion(params.reportId, params.versionId)) ??
      Promise.reject(notFound(`no version ${params.versionId} of report ${params.reportId}`)),
  }),
  route({
    method: 'GET',
    path: '/reports/{reportId}/view',
    operationId: 'viewReport',
    summary: 'The report page of the latest version (HTML): its tables with the failing cells marked',
    signed: true,
    params: ReportPathSchema,
    query: EmptyQuerySchema,
    response: z.string(),
    produces: 'text/html',
    errors: [400, 404],
    run: async ({ params }, { queries }) =>
      (await reportPage(queries, params.reportId, undefined)) ?? Promise.reject(report404(params.reportId)),
  }),
  route({
    method: 'GET',
    path: '/reports/{reportId}/versions/{versionId}/view',
    operationId: 'viewVersion',
    summary: 'The report page of one version (HTML)',
    signed: true,
    params: VersionPathSchema,
    query: EmptyQuerySchema,
    response: z.string(),
    produces: 'text/html',
    errors: [400, 404],
    run: async ({ params }, { queries }) =>
      (await reportPage(queries, params.reportId, params.versionId)) ??
      Promise.reject(notFound(`no version ${params.versionId} of report ${params.reportId}`)),
  }),
  route({
    method: 'GET',
    path: '/reports/{reportId}/findings',
    operationId: 'listReportFindings',
    summary: 'Findings of one version of a report (default: the latest)',
    signed: true,
    params: ReportPathSchema,
    query: ReportFindingsQuerySchema,
    response: ReportFindingsSchema,
    errors: [400, 404],
    run: async ({ params, query }, { queries }) => {
      const options: { versionId?: string; severity?: typeof query.severity } = {};
      if (query.version !== undefined) options.versionId = query.version;
      if (query.severity !== undefined) options.severity = query.severity;
      const found = await queries.listReportFindings(params.reportId, options);
      if (found) return found;
      throw query.version === undefined ? report404(params.reportId) : notFound(`no version ${query.version} of report ${params.reportId}`);
    },
  }),
  route({
    method: 'GET',
    path: '/findings',
    operationId: 'listFindings',
    summary: 'Findings across the latest versions of all reports',
    description:
      'Filter by year, ruleId and severity. With both year and ruleId this is one indexed query; otherwise it reads the index of latest findings with filters.',
    signed: true,
    query: ListFindingsQuerySchema,
    response: FindingListSchema,
    errors: [400],
    run: async ({ query }, { queries }) => queries.listFindings({ ...query, limit: query.limit ?? DEFAULT_LIMIT }),
  }),
];
