/**
 * Uploading files to the local bucket and waiting for the ingest handler to finish them: the
 * processing record of the object version (DynamoReportStore.processing) says when and under
 * which report and version; the HTTP API then gives the outcome. Used by `npm start` (the
 * samples) and `npm run upload`.
 */

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { documentClient } from '../shared/adapters/dynamodb/client.ts';
import { DynamoReportStore } from '../shared/adapters/dynamodb/report-store.ts';
import { type ReportDetail, ReportDetailSchema } from '../shared/usecases/views.ts';
import { type Endpoints, UPLOAD_PREFIX } from './config.ts';
import { localDynamoClient } from './dynamodb.ts';
import { localS3Client } from './s3.ts';

export interface Uploaded {
  file: string;
  bucket: string;
  key: string;
  /** Without quotes: the source version of an unversioned bucket. */
  etag: string;
}

export interface Outcome extends Uploaded {
  /** Absent when processing did not finish in time. */
  detail?: ReportDetail;
  error?: string;
}

export interface LocalClients {
  s3: S3Client;
  repository: DynamoReportStore;
  destroy(): void;
}

/** Clients for a running stack, from its endpoints.json. */
export function clientsFor(endpoints: Endpoints): LocalClients {
  const s3 = localS3Client(endpoints.s3);
  const dynamo = localDynamoClient(endpoints.dynamodb);
  return {
    s3,
    repository: new DynamoReportStore(documentClient(dynamo), endpoints.table),
    destroy: () => {
      s3.destroy();
      dynamo.destroy();
    },
  };
}

/** `uploads/<prefix/><file name>`; the prefix may carry `<year>/<agency>/` hints (see pipeline.ts). */
export function uploadKey(file: string, prefix = ''): string {
  const clean = prefix.replace(/^\/+|\/+$/g, '');
  return `${UPLOAD_PREFIX}${clean ? `${clean}/` : ''}${basename(file)}`;
}

export async function uploadFile(s3: S3Client, bucket: string, file: string, key = uploadKey(file)): Promise<Uploaded> {
  const body = await readFile(file);
  const out = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  if (!out.ETag) throw new Error(`PutObject ${key} returned no ETag`);
  return { file, bucket, key, etag: out.ETag.replace(/"/g, '') };
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the order of the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the processing record of the upload to be completed; undefined on timeout. */
export async function waitForProcessing(
  repository: Pick<DynamoReportStore, 'processing'>,
  upload: Uploaded,
  timeoutMs: number,
): Promise<{ reportId: string; versionId: string } | undefined> {
  const deadline = Date.now() + timeoutMs;
  const ref = { bucket: upload.bucket, objectKey: upload.key, sourceVersion: upload.etag };
  for (let delay = 100; ; delay = Math.min(delay * 1.5, 1000)) {
    const record = await repository.processing(ref);
    if (record?.status === 'completed' && record.reportId) return { reportId: record.reportId, versionId: record.versionId };
    if (Date.now() >= deadline) return undefined;
    await sleep(delay);
  }
}

/** GET /reports/{reportId}/versions/{versionId} of the local API. */
export async function fetchVersion(apiUrl: string, reportId: string, versionId: string): Promise<ReportDetail> {
  const url = `${apiUrl}/reports/${encodeURIComponent(reportId)}/versions/${encodeURIComponent(versionId)}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status} ${await response.text()}`);
  return ReportDetailSchema.parse(await response.json());
}

export async function outcomeOf(
  repository: Pick<DynamoReportStore, 'processing'>,
  apiUrl: string,
  upload: Uploaded,
  timeoutMs: number,
): Promise<Outcome> {
  const done = await waitForProcessing(repository, upload, timeoutMs);
  if (!done) return { ...upload, error: `not processed within ${Math.round(timeoutMs / 1000)} s (see the log of npm start)` };
  try {
    return { ...upload, detail: await fetchVersion(apiUrl, done.reportId, done.versionId) };
  } catch (error) {
    return { ...upload, error: error instanceof Error ? error.message : String(error) };
  }
}
