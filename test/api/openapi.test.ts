/**
 * /openapi.json documents every route with its parameters and response schemas, and real
 * responses of every route validate against the PUBLISHED document (converted back to zod with
 * z.fromJSONSchema), as well as against the zod schemas the handler uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROUTES } from '../../functions/api/routes.ts';
import { CRAFTED_ID } from './crafted.ts';
import { corpusUploads, type Harness, startHarness } from './harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is walked as untyped JSON.
type Json = Record<string, any>;

let h: Harness;
let doc: Json;

beforeAll(async () => {
  h = await startHarness(corpusUploads().slice(0, 4));
  const result = await h.get('/openapi.json');
  expect(result.status).toBe(200);
  doc = result.body as Json;
});
afterAll(async () => h?.close());

/** A zod schema for a schema of the published document, its component refs resolved. */
function published(schema: Json): z.ZodType {
  const local = (node: unknown) => JSON.parse(JSON.stringify(node).replaceAll('#/components/schemas/', '#/$defs/'));
  return z.fromJSONSchema({ ...local(schema), $defs: local(doc.components.schemas) });
}
/** Operations whose 200 is not JSON, and their media type. */
const MEDIA: Record<string, string> = {
  '/reports/{reportId}/view': 'text/html',
  '/reports/{reportId}/versions/{versionId}/view': 'text/html',
  '/reports/export': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const responseSchema = (path: string, status: number) =>
  doc.paths[path].get.responses[status].content[status === 200 ? (MEDIA[path] ?? 'application/json') : 'application/json'].schema as Json;

const OPERATIONS = [
  '/health',
  '/openapi.json',
  '/reports',
  '/reports/{reportId}',
  '/reports/{reportId}/versions',
  '/reports/{reportId}/versions/{versionId}',
  '/reports/{reportId}/view',
  '/reports/{reportId}/versions/{versionId}/view',
  '/reports/{reportId}/findings',
  '/reports/export',
  '/summary',
  '/findings',
];

describe('GET /openapi.json', () => {
  it('is OpenAPI 3.1 with exactly the served routes, each with a 200 schema and the error envelope', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([...OPERATIONS].sort());
    expect(ROUTES.map((r) => r.path).sort()).toEqual([...OPERATIONS].sort());
    for (const path of OPERATIONS) {
      const get = doc.paths[path].get;
      expect(Object.keys(doc.paths[path])).toEqual(['get']);
      expect(get.responses[200].content[MEDIA[path] ?? 'application/json'].schema).toBeTruthy();
      expect(get.responses[400].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
      expect(get.responses[500].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
      expect(get.security).toEqual(path === '/health' ? [] : [{ sigv4: [] }]);
      if (path.includes('{reportId}')) expect(get.responses[404]).toBeTruthy();
    }
    // Every $ref points at a component that exists.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeTruthy();
  });

  it('documents the parameters of every operation', () => {
    const names = (path: string, where: string) =>
      (doc.paths[path].get.parameters as Json[]).filter((p) => p.in === where).map((p) => p.name);
    expect(names('/reports', 'query')).toEqual(['year', 'agency', 'status', 'limit', 'cursor']);
    expect(names('/findings', 'query')).toEqual(['year', 'ruleId', 'severity', 'limit', 'cursor']);
    expect(names('/reports/{reportId}/findings', 'query')).toEqual(['version', 'severity']);
    expect(names('/reports/{reportId}/versions/{versionId}', 'path')).toEqual(['reportId', 'versionId']);
    for (const p of doc.paths['/reports/{reportId}'].get.parameters as Json[]) expect(p.required).toBe(true);
    const status = (doc.paths['/reports'].get.parameters as Json[]).find((p) => p.name === 'status');
    expect(status?.schema.enum).toEqual(['error', 'warning', 'ok']);
  });

  it('publishes schemas that reject what the API would never send', () => {
    const list = published(responseSchema('/reports', 200));
    expect(list.safeParse({ items: [], nextCursor: null }).success).toBe(true);
    expect(list.safeParse({ items: [{ reportId: 'x' }], nextCursor: null }).success).toBe(false);
    expect(list.safeParse({ items: [], nextCursor: 1 }).success).toBe(false);
    const error = published(doc.components.schemas.Error);
    expect(error.safeParse({ error: { code: 'not_found', message: 'no report' } }).success).toBe(true);
    expect(error.safeParse({ error: { code: 'teapot', message: 'x' } }).success).toBe(false);
  });
});

describe('responses match the published document and the zod schemas', () => {
  const samples = (): [string, string][] => {
    const versionId = h.crafted.v1;
    return [
      ['/health', '/health'],
      ['/openapi.json', '/openapi.json'],
      ['/reports', '/reports?limit=3'],
      ['/reports', '/reports?year=2023'],
      ['/reports/{reportId}', `/reports/${CRAFTED_ID}`],
      ['/reports/{reportId}', `/reports/${h.published[0]!.reportId}`],
      ['/reports/{reportId}/versions', `/reports/${CRAFTED_ID}/versions`],
      ['/reports/{reportId}/versions/{versionId}', `/reports/${CRAFTED_ID}/versions/${versionId}`],
      ['/reports/{reportId}/findings', `/reports/${CRAFTED_ID}/findings?version=${versionId}`],
      ['/reports/{reportId}/view', `/reports/${CRAFTED_ID}/view`],
      ['/reports/{reportId}/versions/{versionId}/view', `/reports/${CRAFTED_ID}/versions/${versionId}/view`],
      ['/summary', '/summary?year=2023'],
      ['/reports/export', '/reports/export?year=2023&format=csv'],
      ['/findings', '/findings?limit=5'],
      ['/findings', '/findings?year=2023&ruleId=M-PUBLISH-LATE'],
    ];
  };

  it('for every route', async () => {
    const seen = new Set<string>();
    for (const [template, path] of samples()) {
      const result = await h.get(path);
      expect(result.status, path).toBe(200);
      const check = published(responseSchema(template, 200)).safeParse(result.body);
      expect(check.success, `${path}: ${check.error?.message}`).toBe(true);
      const route = ROUTES.find((r) => r.path === template)!;
      expect(route.response.safeParse(result.body).success, path).toBe(true);
      seen.add(template);
    }
    expect([...seen].sort()).toEqual([...OPERATIONS].sort());
  });

  it('for errors', async () => {
    const error = published(doc.components.schemas.Error);
    for (const path of ['/reports?year=x', '/reports/2022-0000000000', '/nowhere', '/reports?cursor=AAAA']) {
      const result = await h.get(path);
      expect(result.status).toBeGreaterThanOrEqual(400);
      expect(error.safeParse(result.body).success, path).toBe(true);
    }
  });
});
