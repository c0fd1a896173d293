/**
 * The S3-compatible server of the local stack (s3rver), its bucket, and a client configured for it
 * (path-style, the S3RVER credentials, checksums only when required: see docs/stack.md).
 */
import type { EventEmitter } from 'node:events';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { LOCAL_REGION, S3RVER_CREDENTIALS } from './config.ts';
import { type CreatedObject, createdObjectsOf } from './s3-events.ts';
import { type Middleware, s3Guard } from './s3-guard.ts';

export interface LocalS3 {
  /** e.g. http://127.0.0.1:4569 */
  url: string;
  /** Called for every object created in any bucket. */
  onObjectCreated(listener: (object: CreatedObject) => void): void;
  close(): Promise<void>;
}

export interface LocalS3Options {
  port: number;
  directory: string;
  bucket: string;
}

/** What the s3rver typings leave out: it is a Koa app (an EventEmitter) with an http server. */
type S3rverRuntime = S3rver & EventEmitter & { httpServer?: Server; middleware: Middleware[] };

export async function startS3({ port, directory, bucket }: LocalS3Options): Promise<LocalS3> {
  await mkdir(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  }) as S3rverRuntime;
  // First of all its middleware: hostile keys never reach its file store (local/s3-guard.ts).
  server.middleware.unshift(s3Guard());
  const address = await server.run();
  const listeners: ((object: CreatedObject) => void)[] = [];
  server.on('event', (event: unknown) => {
    for (const object of createdObjectsOf(event)) for (const listener of listeners) listener(object);
  });
  return {
    url: `http://127.0.0.1:${address.port}`,
    onObjectCreated: (listener) => void listeners.push(listener),
    close: async () => {
      // The SDK keeps connections alive; without this close() waits for them to time out.
      server.httpServer?.closeAllConnections();
      await server.close();
    },
  };
}

export function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
