/**
 * The api Lambda: API Gateway HTTP API (payload 2.0) → middy router → read-only store queries.
 * Parameters are validated with zod (400), responses are validated against the same schemas the
 * OpenAPI document publishes, and every error is `{ "error": { "code", "message" } }`.
 *
 * `createApiHandler({ client, tableName })` is the factory (tests, the local stack);
 * `handler` is the Lambda entry, configured by the TABLE_NAME environment variable.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpRouterHandler, { type Route as MiddyRoute } from '@middy/http-router';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import { createQueries } from '../../shared/adapters/dynamodb/queries.ts';
import {
  ApiError,
  badParameter,
  defaultErrorLogger,
  describeIssues,
  type ErrorLogger,
  errorMapping,
  INTERNAL_ERROR_BODY,
} from './errors.ts';
import { buildOpenApi } from './openapi.ts';
import { type MediaType, ROUTES, type Route, type RouteContext, type SheetWriters } from './routes.ts';

export interface ApiDependencies {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Most DynamoDB calls behind one page of a listing (default 10). */
  maxReadsPerPage?: number;
  /** Where unexpected errors are logged (default: one JSON line on stderr). */
  logError?: ErrorLogger;
  /** The xlsx/CSV writers for `/reports/export` (the export function and the local stack). */
  writers?: SheetWriters;
}

export type ApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** A page keeps nothing from outside: no script, no request to another origin; its styles are inline. */
const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

/** A 200 of another media type than JSON: text as it is, binary (a Uint8Array) base64-encoded. */
function contentResponse(type: MediaType, body: unknown, fileName?: string): APIGatewayProxyResultV2 {
  if (type === 'text/html') return { statusCode: 200, headers: { ...HTML_HEADERS }, body: String(body) };
  const headers: Record<string, string> = {
    'content-type': type === 'text/csv' ? 'text/csv; charset=utf-8' : type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (fileName) headers['content-disposition'] = `attachment; filename="${fileName}"`;
  if (body instanceof Uint8Array) return { statusCode: 200, headers, body: Buffer.from(body).toString('base64'), isBase64Encoded: true };
  return { statusCode: 200, headers, body: String(body) };
}

function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badParameter(`${what}: ${describeIssues(result.error)}`);
  return result.data;
}

/** Path parameters as matched on the raw (percent-encoded) path, decoded. */
function decodedPathParameters(event: APIGatewayProxyEventV2, route: Route): Record<string, string> {
  const out: Record<string, string> = {};
  const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  for (const name of names) {
    const raw = event.pathParameters?.[name] ?? '';
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      throw badParameter(`${name}: malformed percent-encoding`);
    }
  }
  return out;
}

function toMiddyRoute(route: Route, ctx: RouteContext): MiddyRoute<APIGatewayProxyEventV2, APIGatewayProxyResultV2> {
  return {
    method: route.method,
    path: route.path,
    handler: async (event: APIGatewayProxyEventV2) => {
      const params = route.params ? parseOr400(route.params, decodedPathParameters(event, route), 'path') : {};
      const query = parseOr400(route.query, event.queryStringParameters ?? {}, 'query');
      const result = await route.run({ params, query }, ctx);
      // A response that does not match its published schema is a bug: a 500, logged with the issues.
      const body = route.response.parse(result);
      const type = route.mediaType?.(query) ?? route.produces;
      return type
        ? contentResponse(type, body, route.fileName?.(query))
        : { statusCode: 200, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
    },
  };
}

const templateRegExp = (path: string) => new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`);

/** 405 with Allow when the path exists under another method, else 404. */
function unmatched(routes: readonly Route[]) {
  const patterns = routes.map((r) => ({ method: r.method, re: templateRegExp(r.path) }));
  return ({ method, path }: { method: string; path: string }): never => {
    const allowed = [...new Set(patterns.filter((p) => p.re.test(path)).map((p) => p.method))];
    if (allowed.length > 0) {
      throw new ApiError(405, 'method_not_allowed', `${method} is not allowed on ${path}; use ${allowed.join(', ')}`, {
        Allow: allowed.join(', '),
      });
    }
    throw new ApiError(404, 'route_not_found', `no route ${method} ${path}`);
  };
}

export function createApiHandler({
  client,
  tableName,
  maxReadsPerPage,
  logError = defaultErrorLogger,
  writers,
}: ApiDependencies): ApiHandler {
  let openApiDocument: unknown;
  const ctx: RouteContext = {
    queries: createQueries({ client, tableName, maxReadsPerPage }),
    openApi: () => (openApiDocument ??= buildOpenApi(ROUTES)),
    ...(writers ? { writers } : {}),
  };
  const router = httpRouterHandler({
    routes: ROUTES.map((r) => toMiddyRoute(r, ctx)),
    notFoundResponse: unmatched(ROUTES),
  });
  // onError middlewares run in reverse order of use(): errorMapping first, then the renderer.
  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
    .use(httpErrorHandler({ logger: false, fallbackMessage: INTERNAL_ERROR_BODY }))
    .use(errorMapping(logError))
    .handler(router as never) as unknown as ApiHandler;
}

/** A Lambda entry built on first use from TABLE_NAME and the default AWS credentials chain. */
export function lambdaEntry(writers?: SheetWriters): ApiHandler {
  let built: ApiHandler | undefined;
  return (event, context) => {
    if (!built) {
      const tableName = process.env.TABLE_NAME;
      if (!tableName) throw new Error('TABLE_NAME is not set');
      built = createApiHandler({ client: documentClient(), tableName, ...(writers ? { writers } : {}) });
    }
    return built(event, context);
  };
}

/** The API function's entry: every route but the year export (the export function's). */
export const handler: ApiHandler = lambdaEntry();
