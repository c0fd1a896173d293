/**
 * GET requests to the nianbao API for the command line: the running local stack's API (from
 * `<NIANBAO_DATA_DIR or .nianbao>/endpoints.json`) unsigned, or a deployed API (`--api URL`)
 * signed with SigV4 (service `execute-api`) using the AWS SDK's usual credentials (AWS_PROFILE,
 * environment, SSO, instance role …) — in AWS every route but /health needs IAM auth.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { configFromEnv, readEndpoints } from '../local/config.ts';

export interface ApiTarget {
  /** Base URL without a trailing slash. */
  url: string;
  /** True for a deployed API: requests are signed. */
  signed: boolean;
  region?: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The API to talk to: `--api URL` (signed unless it is on this machine), else the local stack's. */
export async function apiTarget(api: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<ApiTarget> {
  if (!api) {
    const endpoints = await readEndpoints(configFromEnv(env).dataDir);
    return { url: endpoints.api.replace(/\/$/, ''), signed: false };
  }
  const url = new URL(api);
  if (LOCAL_HOSTS.has(url.hostname)) return { url: api.replace(/\/$/, ''), signed: false };
  // https://{id}.execute-api.{region}.amazonaws.com/…: the region is in the host name.
  const region = /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/.exec(url.hostname)?.[1] ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) throw new Error(`cannot tell the AWS region of ${api}: set AWS_REGION`);
  return { url: api.replace(/\/$/, ''), signed: true, region };
}

/** GET `path` (with its query) from the API; the response as fetch gives it. */
export async function apiGet(target: ApiTarget, path: string): Promise<Response> {
  const url = new URL(target.url + path);
  if (!target.signed) return fetch(url);
  const signer = new SignatureV4({ service: 'execute-api', region: target.region!, credentials: defaultProvider(), sha256: Sha256 });
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const signed = await signer.sign({
    method: 'GET',
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query,
    headers: { host: url.host },
  });
  return fetch(url, { headers: signed.headers });
}

/** The error an API answer carries, for the command line. */
export async function apiError(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: { message?: string } };
    return `${response.status}: ${body.error?.message ?? text}`;
  } catch {
    return `${response.status}: ${text.slice(0, 200)}`;
  }
}
