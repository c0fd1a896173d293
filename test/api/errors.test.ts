/**
 * Every way a request can go wrong: bad parameters and cursors (400), unknown ids and routes
 * (404), other methods (405), store failures (500 without internals). All answered with the
 * error envelope and a JSON content type.
 */
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../functions/api/errors.ts';
import { createApiHandler } from '../../functions/api/handler.ts';
import { startApiServer } from '../../local/api-server.ts';
import { encodeCursor } from '../../shared/adapters/dynamodb/cursor.ts';
import { CRAFTED_ID } from './crafted.ts';
import { corpusUploads, type Harness, type HttpResult, startHarness } from './harness.ts';

let h: Harness;
let year2022Cursor: string;

beforeAll(async () => {
  h = await startHarness(corpusUploads());
  const page = (await h.get('/reports?year=2022&limit=1')).body as { nextCursor: string };
  year2022Cursor = page.nextCursor;
});
afterAll(async () => h?.close());

function expectError(result: HttpResult, status: number, code: string): void {
  expect({ status: result.status, body: result.body }).toMatchObject({ status, body: { error: { code } } });
  expect(result.headers.get('content-type')).toMatch(/^application\/json/);
  ErrorBodySchema.parse(result.body);
}

const payloadOf = (cursor: string) =>
  JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v: number; q: string; k: Record<string, string>; c: string };
const reencode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');

describe('400: bad parameters', () => {
  const cases: [string, string][] = [
    ['/reports?year=abc', 'year'],
    ['/reports?year=1800', 'year'],
    ['/reports?year=2022&year=2023', 'year'], // API Gateway joins repeated names with a comma
    ['/reports?year=', 'year'],
    ['/reports?limit=0', 'limit'],
    ['/reports?limit=101', 'limit'],
    ['/reports?limit=1.5', 'limit'],
    ['/reports?limit=-1', 'limit'],
    ['/reports?status=fatal', 'status'],
    ['/reports?status=info', 'status'],
    ['/reports?agency=', 'agency'],
    ['/reports?agency=%20%20', 'agency'],
    ['/reports?foo=1', 'foo'],
    ['/reports?cursor=', 'cursor'],
    ['/reports?cursor=abc$def', 'cursor'],
    ['/findings?ruleId=NOT-A-RULE', 'ruleId'],
    ['/findings?ruleId=k-t3-row-total', 'ruleId'],
    ['/findings?severity=fatal', 'severity'],
    ['/findings?limit=1000', 'limit'],
    ['/reports/not-an-id', 'reportId'],
    ['/reports/2022-ABCDEF0123', 'reportId'],
    ['/reports/%E4%B8%AD', 'reportId'],
    ['/reports/%E0%A4%A', 'reportId'],
    [`/reports/${CRAFTED_ID}/versions/latest`, 'versionId'],
    [`/reports/${CRAFTED_ID}/findings?version=v1`, 'version'],
    [`/reports/${CRAFTED_ID}/findings?severity=fatal`, 'severity'],
    [`/reports/${CRAFTED_ID}?verbose=1`, 'verbose'],
    ['/health?x=1', 'x'],
  ];
  it.each(cases)('%s names %s', async (path, name) => {
    const result = await h.get(path);
    expectError(result, 400, 'invalid_parameter');
    expect((result.body as { error: { message: string } }).error.message).toContain(name);
  });
});

describe('400: bad cursors', () => {
  it('accepts its own cursor, also with another page size', async () => {
    expect((await h.get(`/reports?year=2022&limit=1&cursor=${year2022Cursor}`)).status).toBe(200);
    expect((await h.get(`/reports?year=2022&limit=5&cursor=${year2022Cursor}`)).status).toBe(200);
  });

  const tampered: [string, () => string][] = [
    ['a character changed', () => year2022Cursor.slice(0, 20) + (year2022Cursor[20] === 'A' ? 'B' : 'A') + year2022Cursor.slice(21)],
    ['truncated', () => year2022Cursor.slice(0, -6)],
    ['not JSON', () => Buffer.from('hello world').toString('base64url')],
    ['JSON but not a cursor', () => reencode([1, 2, 3])],
    [
      'key edited, checksum kept',
      () => {
        const p = payloadOf(year2022Cursor);
        return reencode({ ...p, k: { ...p.k, gsi1sk: 'ok#2022-0000000000' } });
      },
    ],
    ['another version', () => reencode({ ...payloadOf(year2022Cursor), v: 2 })],
    [
      'forged with a valid checksum into another partition',
      () => {
        const p = payloadOf(year2022Cursor);
        return encodeCursor(p.q, { ...p.k, gsi1pk: 'YEAR#2020' });
      },
    ],
    [
      'forged with a valid checksum and an extra key attribute',
      () => {
        const p = payloadOf(year2022Cursor);
        return encodeCursor(p.q, { ...p.k, gsi2pk: 'AGENCY#x' });
      },
    ],
    ['too long', () => 'A'.repeat(3000)],
  ];
  it.each(tampered)('refuses a cursor %s', async (_name, make) => {
    const result = await h.get(`/reports?year=2022&limit=1&cursor=${encodeURIComponent(make())}`);
    expect(result.status).toBe(400);
    expect(['invalid_cursor', 'invalid_parameter']).toContain((result.body as { error: { code: string } }).error.code);
    ErrorBodySchema.parse(result.body);
  });

  it('refuses a cursor of another query: other filters, another listing', async () => {
    expectError(await h.get(`/reports?year=2020&limit=1&cursor=${year2022Cursor}`), 400, 'invalid_cursor');
    expectError(await h.get(`/reports?year=2022&status=error&limit=1&cursor=${year2022Cursor}`), 400, 'invalid_cursor');
    expectError(await h.get(`/reports?limit=1&cursor=${year2022Cursor}`), 400, 'invalid_cursor');
    expectError(await h.get(`/findings?year=2022&limit=1&cursor=${year2022Cursor}`), 400, 'invalid_cursor');
    const findings = (await h.get('/findings?limit=1')).body as { nextCursor: string };
    expectError(await h.get(`/reports?limit=1&cursor=${findings.nextCursor}`), 400, 'invalid_cursor');
  });
});

describe('400: hostile parameters, and nothing of the inside in the answer (issue 18)', () => {
  /** What must never appear in an error answer: stack frames, file paths, table keys and index names. */
  const INTERNAL =
    /\bat .+:\d+|node_modules|\.ts\b|\b(pk|sk|gsi\d(pk|sk)?)\b|YEAR#|AGENCY#|REPORT#|VERSION#|FINDING#|RULE#|ConditionalCheck|DynamoDB|ValidationException/;
  const hostile: [string, string][] = [
    ['/reports?limit=1000000000', 'limit'],
    ['/reports?limit=1e9', 'limit'],
    ['/reports?limit=10%5E9', 'limit'],
    ['/findings?limit=99999999999999999999999', 'limit'],
    ['/reports?year=2022%20OR%201%3D1', 'year'],
    ['/reports?status=error%27--', 'status'],
    ['/findings?ruleId=%7B%22%24ne%22%3Anull%7D', 'ruleId'],
    ['/findings?ruleId=K-T3-ROW-TOTAL%3Cscript%3E', 'ruleId'],
    ['/reports/2022-d8c927ee9d%27%20OR%20%271', 'reportId'],
    ['/reports/..%2F..%2Fetc%2Fpasswd', 'reportId'],
    ['/reports?cursor=%7B%22k%22%3A%7B%22pk%22%3A%22REPORT%23x%22%7D%7D', 'cursor'],
    ['/reports?year=2022&limit=1&cursor=eyJ2IjoxfQ%3D%3D%27', 'cursor'],
  ];
  it.each(hostile)('%s is a 400 naming %s', async (path, name) => {
    const result = await h.get(path);
    expect(result.status).toBe(400);
    const { error } = ErrorBodySchema.parse(result.body);
    expect(['invalid_parameter', 'invalid_cursor']).toContain(error.code);
    expect(error.message).toContain(name);
    expect(JSON.stringify(result.body)).not.toMatch(INTERNAL);
  });

  it.each(["' OR '1'='1", '{"$ne":null}', '<script>alert(1)</script>', 'AGENCY#%'])(
    'an agency named %j is only a name: no report matches it',
    async (agency) => {
      const result = await h.get(`/reports?agency=${encodeURIComponent(agency)}`);
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ items: [] });
    },
  );

  it("a cursor of another year is refused, and names no key of the other year's partition", async () => {
    const result = await h.get(`/reports?year=2021&limit=1&cursor=${year2022Cursor}`);
    expectError(result, 400, 'invalid_cursor');
    expect(JSON.stringify(result.body)).not.toMatch(INTERNAL);
    expect(JSON.stringify(result.body)).not.toContain('2022');
  });
});

describe('404 and 405', () => {
  const notFound: [string, string][] = [
    ['/reports/2022-0000000000', 'not_found'],
    ['/reports/u-0000000000', 'not_found'],
    ['/reports/2022-0000000000/versions', 'not_found'],
    [`/reports/${CRAFTED_ID}/versions/2026-01-01T00:00:00.000Z_00000000`, 'not_found'],
    ['/reports/2022-0000000000/versions/2026-01-01T00:00:00.000Z_00000000', 'not_found'],
    ['/reports/2022-0000000000/findings', 'not_found'],
    [`/reports/${CRAFTED_ID}/findings?version=2026-01-01T00:00:00.000Z_00000000`, 'not_found'],
    ['/', 'route_not_found'],
    ['/report', 'route_not_found'],
    [`/reports/${CRAFTED_ID}/cells`, 'route_not_found'],
    ['/findings/x', 'route_not_found'],
  ];
  it.each(notFound)('%s is a 404 (%s)', async (path, code) => expectError(await h.get(path), 404, code));

  it('routes with a trailing slash', async () => {
    expect((await h.get('/reports/')).status).toBe(200);
    expect((await h.get(`/reports/${CRAFTED_ID}/`)).status).toBe(200);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('%s on a known path is a 405 naming GET', async (method) => {
    for (const path of ['/reports', `/reports/${CRAFTED_ID}`, '/health']) {
      const response = await fetch(h.url + path, { method, body: method === 'DELETE' ? null : '{}' });
      const result = { status: response.status, headers: response.headers, body: await response.json() };
      expectError(result, 405, 'method_not_allowed');
      expect(response.headers.get('allow')).toBe('GET');
    }
  });
});

describe('500: no internals', () => {
  const INTERNAL = { error: { code: 'internal_error', message: 'Internal server error' } };

  it('answers a failing store with a bare 500 and logs the cause', async () => {
    const logged: unknown[] = [];
    const failing = {
      send: async () => {
        throw new Error('connect ECONNREFUSED table nianbao-secret-table arn:aws:dynamodb:eu-west-1:123456789012');
      },
    } as unknown as DynamoDBDocumentClient;
    const server = await startApiServer({
      port: 0,
      handler: createApiHandler({ client: failing, tableName: 'nianbao-secret-table', logError: (e) => logged.push(e) }),
    });
    try {
      for (const path of ['/reports', `/reports/${CRAFTED_ID}`, '/findings?year=2022&ruleId=I-UNREADABLE']) {
        const response = await fetch(server.url + path);
        const text = await response.text();
        expect(response.status).toBe(500);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(JSON.parse(text)).toEqual(INTERNAL);
        expect(text).not.toMatch(/secret|arn:|ECONNREFUSED|at /);
      }
      expect(logged).toHaveLength(3);
      expect(String(logged[0])).toContain('ECONNREFUSED');
      // Health does not touch the store.
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('answers a stored item that breaks its schema with a bare 500', async () => {
    await h.dynamo.doc.send(
      new PutCommand({
        TableName: h.dynamo.tableName,
        Item: {
          pk: 'REPORT#1998-00000000ff',
          sk: 'LATEST',
          type: 'report',
          reportId: '1998-00000000ff',
          gsi1pk: 'YEAR#1998',
          gsi1sk: 'ok#1998-00000000ff',
        },
      }),
    );
    try {
      for (const path of ['/reports/1998-00000000ff', '/reports?year=1998']) {
        const result = await h.get(path);
        expect(result.status).toBe(500);
        expect(result.body).toEqual(INTERNAL);
      }
    } finally {
      const Key = { pk: 'REPORT#1998-00000000ff', sk: 'LATEST' };
      await h.dynamo.doc.send(new DeleteCommand({ TableName: h.dynamo.tableName, Key }));
    }
  });
});
