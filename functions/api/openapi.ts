/**
 * The OpenAPI 3.1 document of the API, generated from the route table's zod schemas
 * (z.toJSONSchema): named schemas (`.meta({ id })`) become components, every route documents
 * its parameters, its 200 body and its error bodies.
 */
import { z } from 'zod';
import { ErrorBodySchema } from './errors.ts';
import { type Route, XLSX } from './routes.ts';

type Json = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad parameters or cursor',
  404: 'Unknown report or version',
  413: 'The answer would be too large for one response',
  405: 'Method not allowed',
  500: 'Internal error (no details)',
};

/** Converts a schema; moves its `$defs` into `components` and points the refs there. */
function convert(schema: z.ZodType, io: 'input' | 'output', components: Json): Json {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
  delete json.$schema;
  const defs = (json.$defs ?? {}) as Json;
  delete json.$defs;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node && typeof node === 'object') {
      const out: Json = {};
      for (const [k, v] of Object.entries(node)) {
        out[k] = k === '$ref' && typeof v === 'string' ? v.replace('#/$defs/', '#/components/schemas/') : rewrite(v);
      }
      return out;
    }
    return node;
  };
  for (const [name, def] of Object.entries(defs)) components[name] = rewrite(def);
  return rewrite(json) as Json;
}

function parameters(route: Route, components: Json): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = convert(schema, 'input', components);
    const properties = (json.properties ?? {}) as Record<string, Json>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      const { description, ...rest } = property;
      const parameter: Json = { name, in: where, required: where === 'path' || required.has(name), schema: rest };
      if (typeof description === 'string') parameter.description = description;
      out.push(parameter);
    }
  }
  return out;
}

export function buildOpenApi(routes: readonly Route[]): Json {
  const components: Json = {};
  const errorRef = { $ref: '#/components/schemas/Error' };
  components.Error = convert(ErrorBodySchema, 'output', components);
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    // A download (xlsx or CSV by the query) is published as files of both media types.
    const content = route.mediaType
      ? { [XLSX]: { schema: { type: 'string', format: 'binary' } }, 'text/csv': { schema: { type: 'string' } } }
      : { [route.produces ?? 'application/json']: { schema: convert(route.response, 'output', components) } };
    const responses: Json = { 200: { description: 'OK', content } };
    for (const status of [...route.errors, 500]) {
      responses[status] = { description: STATUS_TEXT[status] ?? 'Error', content: { 'application/json': { schema: errorRef } } };
    }
    const operation: Json = {
      operationId: route.operationId,
      summary: route.summary,
      parameters: parameters(route, components),
      responses,
      security: route.signed ? [{ sigv4: [] }] : [],
    };
    if (route.description) operation.description = route.description;
    paths[route.path] = { ...(paths[route.path] ?? {}), [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'nianbao API',
      version: '1',
      description:
        'Reports, versions and findings of government information-disclosure annual reports (政府信息公开工作年度报告). ' +
        'Every route but /health needs an AWS SigV4 signature (service execute-api). Errors are `{ "error": { "code", "message" } }`.',
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        sigv4: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          description: 'AWS Signature Version 4 (IAM), service `execute-api`.',
          'x-amazon-apigateway-authtype': 'awsSigv4',
        },
      },
    },
  };
}
