/**
 * The route table: one entry per operation with its parameter and response schemas. The router
 * (handler.ts) and the OpenAPI document (openapi.ts) are both built from it.
 */
import { z } from 'zod';
import { RULESET_VERSION } from '../../shared/rules/ids.ts';
import type { ReportQueries } from '../../shared/usecases/ports.ts';
import { reportPage } from '../../shared/usecases/view.ts';
import { notFound } from './errors.ts';
import {
  DEFAULT_LIMIT,
  EmptyQuerySchema,
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
  VersionListSchema,
  VersionPathSchema,
} from './schemas.ts';

export interface RouteContext {
  queries: ReportQueries;
  openApi: () => unknown;
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
  produces?: 'text/html' | 'text/csv' | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
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
