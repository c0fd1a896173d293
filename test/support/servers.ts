/**
 * Real in-process emulators for integration tests (and anything else that needs them):
 * dynalite (DynamoDB) and s3rver (S3), each on a free port of 127.0.0.1, with clients that are
 * configured the way these emulators need (docs/stack.md).
 *
 *   const servers = await startServers({ tableName: 'nianbao', buckets: ['uploads'] });
 *   // servers.dynamo (DynamoDBClient), servers.doc (DocumentClient), servers.s3 (S3Client)
 *   // servers.dynamoEndpoint, servers.s3Endpoint, servers.tableName
 *   await servers.stop();
 *
 * `startDynalite()` / `startS3rver()` start one of them alone. Nothing here reads outside the
 * project; s3rver stores objects in a fresh temporary directory removed by stop().
 */

import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import S3rver from 's3rver';
import { dynalite } from '../../local/dynalite.ts';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import { createTableInput } from '../../shared/adapters/dynamodb/table-definition.ts';

export const LOCAL_REGION = 'us-east-1';
/** s3rver accepts only these; dynalite accepts anything. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface RunningServer {
  endpoint: string;
  stop(): Promise<void>;
}

/** dynalite on a free port (tables become ACTIVE at once), in memory or in a LevelDB directory as the local stack runs it. */
export async function startDynalite(port = 0, path?: string): Promise<RunningServer> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(path ? { path } : {}) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    stop: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** s3rver on a free port, storing in a fresh temporary directory, with the given buckets. */
export async function startS3rver(buckets: string[] = [], port = 0): Promise<RunningServer & { directory: string }> {
  const directory = await mkdtemp(join(tmpdir(), 'nianbao-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  const { port: bound } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    directory,
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export function dynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
}

export { documentClient };

/** An S3 client for s3rver: path-style, and checksums only when required (they break s3rver). */
export function s3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  });
}

export interface LocalServers {
  dynamoEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  buckets: string[];
  dynamo: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  s3: S3Client;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Created from createTableInput() (the one table definition). Default `nianbao`. */
  tableName?: string;
  buckets?: string[];
}

/** Both emulators, the table created, the buckets configured. Call stop() in afterAll. */
export async function startServers(options: StartOptions = {}): Promise<LocalServers> {
  const tableName = options.tableName ?? 'nianbao';
  const buckets = options.buckets ?? ['uploads'];
  const [db, s3server] = await Promise.all([startDynalite(), startS3rver(buckets)]);
  const dynamo = dynamoClient(db.endpoint);
  const s3 = s3Client(s3server.endpoint);
  await dynamo.send(new CreateTableCommand(createTableInput(tableName)));
  return {
    dynamoEndpoint: db.endpoint,
    s3Endpoint: s3server.endpoint,
    tableName,
    buckets,
    dynamo,
    doc: documentClient(dynamo),
    s3,
    stop: async () => {
      dynamo.destroy();
      s3.destroy();
      await Promise.all([db.stop(), s3server.stop()]);
    },
  };
}
