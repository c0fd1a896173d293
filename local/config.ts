/**
 * Configuration of the embedded local stack, read from the environment (zod-validated), and the
 * `endpoints.json` contract between `npm start`, `npm run upload` and the end-to-end test.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const LOCAL_BUCKET = 'nianbao-local';
export const LOCAL_TABLE = 'nianbao-local';
/** Only keys under it are processed, as in the CDK stack (infra/constructs/uploads-bucket.ts). */
export const UPLOAD_PREFIX = 'uploads/';
/** s3rver accepts exactly these credentials. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
/** Any credentials work for dynalite; the SDK only needs some. */
export const DYNALITE_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const LOCAL_REGION = 'us-east-1';
export const MAIL_FROM = 'nianbao@localhost';
export const MAIL_TO = 'reviewers@localhost';

const Port = z.coerce.number().int().min(0).max(65535);

const EnvSchema = z.object({
  NIANBAO_S3_PORT: Port.default(4569),
  NIANBAO_DYNAMODB_PORT: Port.default(4567),
  NIANBAO_API_PORT: Port.default(3000),
  NIANBAO_SMTP_PORT: Port.default(2525),
  NIANBAO_INBOX_PORT: Port.default(1080),
  NIANBAO_DATA_DIR: z.string().min(1).default('.nianbao'),
  /** `0` skips ingesting the sample reports of events/reports at start. */
  NIANBAO_SAMPLES: z.enum(['0', '1']).default('1'),
});

export interface LocalConfig {
  ports: { s3: number; dynamodb: number; api: number; smtp: number; inbox: number };
  /** Absolute. */
  dataDir: string;
  bucket: string;
  table: string;
  ingestSamples: boolean;
}

const blankToUndefined = (env: NodeJS.ProcessEnv): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): LocalConfig {
  const e = EnvSchema.parse(blankToUndefined(env));
  return {
    ports: {
      s3: e.NIANBAO_S3_PORT,
      dynamodb: e.NIANBAO_DYNAMODB_PORT,
      api: e.NIANBAO_API_PORT,
      smtp: e.NIANBAO_SMTP_PORT,
      inbox: e.NIANBAO_INBOX_PORT,
    },
    dataDir: resolve(cwd, e.NIANBAO_DATA_DIR),
    bucket: LOCAL_BUCKET,
    table: LOCAL_TABLE,
    ingestSamples: e.NIANBAO_SAMPLES === '1',
  };
}

export const dataPaths = (dataDir: string) => ({
  s3: join(dataDir, 's3'),
  dynamodb: join(dataDir, 'dynamodb'),
  mail: join(dataDir, 'mail'),
  endpoints: join(dataDir, 'endpoints.json'),
});

/** What a running stack publishes in `<dataDir>/endpoints.json`. */
export const EndpointsSchema = z.object({
  s3: z.url(),
  bucket: z.string().min(1),
  dynamodb: z.url(),
  table: z.string().min(1),
  api: z.url(),
  /** The web inbox (HTML). */
  inbox: z.url(),
  /** JSON array of received messages. */
  inboxApi: z.url(),
  /** SMTP server the notifier delivers to. */
  smtp: z.string().optional(),
  pid: z.number().int().optional(),
});
export type Endpoints = z.infer<typeof EndpointsSchema>;

export async function writeEndpoints(dataDir: string, endpoints: Endpoints): Promise<string> {
  const file = dataPaths(dataDir).endpoints;
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(endpoints, null, 2)}\n`);
  return file;
}

/** Whether a process runs (EPERM: it does, as another user). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function readEndpoints(dataDir: string): Promise<Endpoints> {
  const file = dataPaths(dataDir).endpoints;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`${file} not found: is the local stack running? Start it with \`npm start\`.`);
  }
  const endpoints = EndpointsSchema.parse(JSON.parse(text));
  if (endpoints.pid !== undefined && !alive(endpoints.pid)) {
    throw new Error(`${file} was left by a local stack (pid ${endpoints.pid}) that no longer runs: start it with \`npm start\`.`);
  }
  return endpoints;
}

/**
 * Before a start: an endpoints.json left by a stack that is gone (killed, crashed) is removed; one
 * of a stack still running refuses the start (two stacks on one data directory would share files).
 * @returns the pid of the stale file's stack, when one was removed
 * @throws when the stack that wrote it still runs
 */
export async function clearStaleEndpoints(dataDir: string): Promise<number | undefined> {
  const file = dataPaths(dataDir).endpoints;
  let pid: number | undefined;
  try {
    const parsed = EndpointsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    pid = parsed.success ? parsed.data.pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  if (pid !== undefined && pid !== process.pid && alive(pid)) {
    throw new Error(`a local stack (pid ${pid}) is running on ${dataDir}: stop it (kill ${pid}) or set NIANBAO_DATA_DIR to another folder`);
  }
  await rm(file, { force: true });
  return pid ?? 0;
}
