/**
 * The Lambda artifact: functions/api/handler.ts bundled the way the CDK stack bundles it, loaded
 * in a fresh node process with only environment configuration (TABLE_NAME and the SDK's endpoint
 * variable pointing at dynalite), answers payload-2.0 events.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleApi } from '../bench/api.ts';
import { CRAFTED_ID } from './crafted.ts';
import { type Harness, startHarness } from './harness.ts';

let h: Harness;
let dir: string;
let bundle: string;

beforeAll(async () => {
  h = await startHarness([]);
  dir = mkdtempSync(join(tmpdir(), 'nianbao-api-bundle-'));
  bundle = await bundleApi(dir);
});
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const event = (path: string, query = '') => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: query,
  headers: {},
  ...(query ? { queryStringParameters: Object.fromEntries(new URLSearchParams(query)) } : {}),
  requestContext: {
    http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
    requestId: 'r',
    stage: '$default',
  },
  isBase64Encoded: false,
});

describe('the bundled api handler', () => {
  it('serves health, a report and a 404 with TABLE_NAME and an endpoint from the environment', async () => {
    const events = [event('/health'), event(`/reports/${CRAFTED_ID}`), event('/reports', 'year=2023'), event('/reports/2022-0000000000')];
    const script = `
      const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
      const out = [];
      for (const e of ${JSON.stringify(events)}) out.push(await handler(e, { getRemainingTimeInMillis: () => 10000 }));
      process.stdout.write(JSON.stringify(out));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        PATH: process.env.PATH ?? '',
        TABLE_NAME: h.dynamo.tableName,
        AWS_ENDPOINT_URL_DYNAMODB: h.dynamo.endpoint,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    });
    const results = JSON.parse(stdout) as { statusCode: number; headers: Record<string, string>; body: string }[];
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 404]);
    expect(JSON.parse(results[1]!.body)).toMatchObject({ reportId: CRAFTED_ID, versionId: h.crafted.v2, latest: true });
    expect(JSON.parse(results[2]!.body).items.map((r: { reportId: string }) => r.reportId)).toEqual([CRAFTED_ID]);
    expect(JSON.parse(results[3]!.body)).toEqual({ error: { code: 'not_found', message: 'no report 2022-0000000000' } });
    for (const r of results) expect(r.headers['content-type'] ?? r.headers['Content-Type']).toMatch(/^application\/json/);
  });
});
