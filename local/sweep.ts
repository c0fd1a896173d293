/**
 * At start, what the last run of the local stack left unfinished: the "queue" is in memory, so an
 * upload whose event was queued or in flight when the stack stopped (Ctrl-C, a kill, a crash) has
 * no processing record marked completed. Every object under the upload prefix without one is
 * delivered again; a claim left in progress by the dead run is released first (nothing else works
 * on this data directory: the start refused to run beside a live stack), so that the retry takes
 * over at once instead of waiting out its lease. In AWS the queue keeps such messages and the
 * lease expires; this is the local stand-in.
 */
import { paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import type { DynamoReportStore } from '../shared/adapters/dynamodb/report-store.ts';
import { UPLOAD_PREFIX } from './config.ts';
import type { CreatedObject } from './s3-events.ts';

export interface SweepDeps {
  s3: S3Client;
  bucket: string;
  store: Pick<DynamoReportStore, 'processing' | 'release'>;
  deliver(object: CreatedObject): void;
}

/** Delivers every unprocessed upload again. @returns the keys delivered */
export async function sweepUnprocessed({ s3, bucket, store, deliver }: SweepDeps): Promise<string[]> {
  const delivered: string[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: UPLOAD_PREFIX })) {
    for (const object of page.Contents ?? []) {
      if (!object.Key || !object.ETag) continue;
      const ref = { bucket, objectKey: object.Key, sourceVersion: object.ETag.replace(/"/g, '') };
      const record = await store.processing(ref);
      if (record?.status === 'completed') continue;
      if (record) await store.release(ref, record.claimToken);
      deliver({
        bucket,
        key: object.Key,
        size: object.Size ?? 0,
        eTag: object.ETag,
        eventName: 'ObjectCreated:Put',
        eventTime: (object.LastModified ?? new Date()).toISOString(),
      });
      delivered.push(object.Key);
    }
  }
  return delivered;
}
