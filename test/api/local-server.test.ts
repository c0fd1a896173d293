/**
 * The node:http adapter: requests become API Gateway payload-2.0 events the way API Gateway
 * builds them, handler results become responses.
 */
import { Agent, request } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from '../../local/api-server.ts';

let server: ApiServer;
let last: APIGatewayProxyEventV2 | undefined;
let reply: APIGatewayProxyResultV2 = { statusCode: 200, body: '{}' };
const logged: string[] = [];

beforeAll(async () => {
  server = await startApiServer({
    port: 0,
    handler: async (event, context) => {
      last = event;
      expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
      if (event.rawPath === '/throw') throw new Error('adapter must answer this');
      return reply;
    },
    logError: (detail) => logged.push(detail),
  });
});
afterAll(async () => server?.close());

describe('startApiServer', () => {
  it('listens on 127.0.0.1 and gives its base URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('builds a payload-2.0 event: raw path and query, decoded and joined parameters, lower-case headers, cookies', async () => {
    reply = { statusCode: 200, body: '{"ok":true}', headers: { 'Content-Type': 'application/json' } };
    const response = await fetch(`${server.url}/reports/%E4%B8%AD?agency=%E9%BB%91%20x&year=2022&year=2023&__proto__=1`, {
      headers: { 'X-Custom': 'A', cookie: 'a=1; b=2' },
    });
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(last).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/reports/%E4%B8%AD',
      rawQueryString: 'agency=%E9%BB%91%20x&year=2022&year=2023&__proto__=1',
      cookies: ['a=1', 'b=2'],
      isBase64Encoded: false,
      requestContext: { http: { method: 'GET', path: '/reports/%E4%B8%AD' }, stage: '$default' },
    });
    expect(last!.queryStringParameters).toEqual({ agency: '黑 x', year: '2022,2023', ['__proto__']: '1' });
    expect(Object.hasOwn(last!.queryStringParameters!, '__proto__')).toBe(true);
    expect(last!.headers['x-custom']).toBe('A');
    expect(last!.body).toBeUndefined();
  });

  it('passes a body base64-encoded and returns status, headers, cookies and base64 bodies', async () => {
    reply = {
      statusCode: 201,
      headers: { 'X-Reply': 'yes' },
      cookies: ['s=1'],
      body: Buffer.from('二进制').toString('base64'),
      isBase64Encoded: true,
    };
    const response = await fetch(`${server.url}/upload`, { method: 'POST', body: '你好' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-reply')).toBe('yes');
    expect(response.headers.get('set-cookie')).toBe('s=1');
    expect(await response.text()).toBe('二进制');
    expect(last).toMatchObject({ isBase64Encoded: true, requestContext: { http: { method: 'POST' } } });
    expect(Buffer.from(last!.body!, 'base64').toString('utf8')).toBe('你好');
  });

  it('answers a handler that throws with a bare JSON 500', async () => {
    const response = await fetch(`${server.url}/throw`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'internal_error', message: 'Internal server error' } });
    expect(logged).toEqual(['Error: adapter must answer this']);
  });

  it('closes even with a kept-alive connection open', async () => {
    const other = await startApiServer({ port: 0, handler: async () => ({ statusCode: 204 }) });
    await new Promise<void>((resolve, reject) => {
      const req = request(`${other.url}/x`, { agent: new Agent({ keepAlive: true }) }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', reject);
      req.end();
    });
    await other.close();
    await expect(fetch(`${other.url}/x`)).rejects.toThrow();
  });
});
