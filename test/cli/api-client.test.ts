import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, apiTarget } from '../../cli/api-client.ts';

let url: string;
const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
const server = createServer((req, res) => {
  seen.push({ path: req.url ?? '', headers: req.headers });
  res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the command line’s API client', () => {
  it('signs requests to a deployed API with SigV4 for execute-api in the API’s region', async () => {
    const env = { ...process.env, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const target = await apiTarget('https://abc123.execute-api.eu-west-1.amazonaws.com', {});
      expect(target).toEqual({ url: 'https://abc123.execute-api.eu-west-1.amazonaws.com', signed: true, region: 'eu-west-1' });
      // The same signing against a local listener, to see the request.
      const response = await apiGet({ ...target, url }, '/reports/export?year=2022&format=csv');
      expect(response.status).toBe(200);
    } finally {
      process.env = saved;
    }
    const last = seen.at(-1)!;
    expect(last.path).toBe('/reports/export?year=2022&format=csv');
    expect(last.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
    expect(last.headers['x-amz-security-token']).toBe('token');
  });

  it('does not sign requests to this machine', async () => {
    const target = await apiTarget(url, {});
    expect(target).toEqual({ url, signed: false });
    await apiGet(target, '/health');
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('asks for a region it cannot tell', async () => {
    await expect(apiTarget('https://api.example.gov.cn/prod', {})).rejects.toThrow('set AWS_REGION');
  });
});
