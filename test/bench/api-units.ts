/**
 * Read units per HTTP API call: every route of the API handler (functions/api/handler.ts), called
 * in process on the table the pipeline bench filled, its DynamoDB requests counted by the
 * UnitMeter (units.ts). The year routes (summary, export) read the whole year: their units grow
 * with the reports of the year (the bench's year is given in the row).
 */

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createApiHandler } from '../../functions/api/handler.ts';
import { toCsv, toXlsx } from '../../shared/render/workbook.ts';
import type { UnitMeter } from './units.ts';

export interface RouteUnits {
  route: string;
  status: number;
  rru: number;
  requests: number;
}

function eventOf(path: string, query: Record<string, string> = {}): APIGatewayProxyEventV2 {
  const rawQueryString = new URLSearchParams(query).toString();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString,
    headers: { host: 'bench' },
    ...(rawQueryString ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: 'bench',
      apiId: 'bench',
      domainName: 'bench',
      domainPrefix: 'bench',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: 'bench',
      routeKey: '$default',
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  };
}

/** The report, version, year and rule the calls are about. */
export interface Sample {
  reportId: string;
  versionId: string;
  year: number;
  ruleId: string;
  /** Reports of that year in the table. */
  reportsOfYear: number;
}

export async function apiReadUnits(
  doc: DynamoDBDocumentClient,
  tableName: string,
  meter: UnitMeter,
  sample: Sample,
): Promise<RouteUnits[]> {
  const handler = createApiHandler({ client: doc, tableName, logError: () => undefined, writers: { toXlsx, toCsv } });
  const { reportId, versionId, year, ruleId } = sample;
  const y = String(year);
  const calls: [string, string, Record<string, string>?][] = [
    ['GET /reports?year', '/reports', { year: y }],
    ['GET /reports/{id}', `/reports/${reportId}`],
    ['GET /reports/{id}/versions', `/reports/${reportId}/versions`],
    ['GET /reports/{id}/versions/{v}', `/reports/${reportId}/versions/${versionId}`],
    ['GET /reports/{id}/view', `/reports/${reportId}/view`],
    ['GET /reports/{id}/findings', `/reports/${reportId}/findings`],
    ['GET /findings?year&ruleId', '/findings', { year: y, ruleId }],
    [`GET /summary?year (${sample.reportsOfYear} reports)`, '/summary', { year: y }],
    [`GET /reports/export?year csv (${sample.reportsOfYear} reports)`, '/reports/export', { year: y, format: 'csv' }],
  ];
  const out: RouteUnits[] = [];
  for (const [route, path, query] of calls) {
    const before = meter.requests;
    const result = (await meter.run(route, () => handler(eventOf(path, query), {} as Context))) as APIGatewayProxyStructuredResultV2;
    out.push({ route, status: result.statusCode ?? 0, rru: meter.byLabel.get(route)?.rru ?? 0, requests: meter.requests - before });
  }
  return out;
}
