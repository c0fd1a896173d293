/**
 * The local stack's index page, `GET /` (local only: in AWS every route is signed and there is no
 * browser session to sign it). The year defaults to the latest year with reports; `?year=` picks
 * another. Every other request goes to the API handler unchanged.
 */
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { collectYear } from '../shared/usecases/export.ts';
import type { ReportQueries } from '../shared/usecases/ports.ts';
import { summarize } from '../shared/usecases/summary.ts';
import { viewPath } from '../shared/usecases/view.ts';
import type { ApiHandler } from './api-server.ts';
import { renderIndexPage } from './index-page.ts';

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/** Every year that has reports, newest first (reads every report head: a local table is small). */
async function yearsOf(queries: ReportQueries): Promise<number[]> {
  const years = new Set<number>();
  let cursor: string | undefined;
  do {
    const page = await queries.listReports({ limit: 100, ...(cursor ? { cursor } : {}) });
    for (const r of page.items) if (r.year !== null) years.add(r.year);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return [...years].sort((a, b) => b - a);
}

export async function indexPage(queries: ReportQueries, yearParam: string | undefined): Promise<APIGatewayProxyResultV2> {
  const years = await yearsOf(queries);
  const asked = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  const year = asked ?? years[0] ?? new Date().getUTCFullYear();
  const data = await collectYear(queries, year);
  const body = renderIndexPage({ year, years, summary: summarize(data), reports: data.reports, viewPath: (id) => viewPath(id) });
  return { statusCode: 200, headers: HTML_HEADERS, body };
}

/** The API handler with `GET /` answered by the index page. */
export function withIndexPage(api: ApiHandler, queries: ReportQueries): ApiHandler {
  return async (event, context) =>
    event.requestContext.http.method === 'GET' && event.rawPath === '/'
      ? indexPage(queries, event.queryStringParameters?.year)
      : api(event, context);
}
