/**
 * Turning s3rver's object events into what the ingest Lambda receives in AWS: an SQS message
 * whose body is an S3 event notification, with the object key encoded the way REAL S3 encodes it
 * (s3rver puts the raw key in its events; see encodeS3Key).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import { encodeS3Key } from '../functions/ingest/events.ts';
import { LOCAL_REGION } from './config.ts';

/** The part of s3rver's event we rely on (its typings do not describe events at all). */
export const S3rverEventSchema = z.object({
  Records: z.array(
    z.object({
      eventName: z.string(),
      eventTime: z.string().optional(),
      s3: z.object({
        bucket: z.object({ name: z.string() }),
        object: z.object({
          /** Raw, NOT encoded (unlike real S3). */
          key: z.string(),
          size: z.number().optional(),
          eTag: z.string().optional(),
          sequencer: z.string().optional(),
        }),
      }),
    }),
  ),
});
export type S3rverEvent = z.infer<typeof S3rverEventSchema>;

export interface CreatedObject {
  bucket: string;
  /** Raw key. */
  key: string;
  size: number;
  eTag?: string;
  eventName: string;
  eventTime: string;
}

/** The object-created records of an s3rver event (deletes and copies of nothing are ignored). */
export function createdObjectsOf(event: unknown): CreatedObject[] {
  const parsed = S3rverEventSchema.safeParse(event);
  if (!parsed.success) return [];
  return parsed.data.Records.filter((r) => r.eventName.startsWith('ObjectCreated:')).map((r) => ({
    bucket: r.s3.bucket.name,
    key: r.s3.object.key,
    size: r.s3.object.size ?? 0,
    ...(r.s3.object.eTag ? { eTag: r.s3.object.eTag } : {}),
    eventName: r.eventName,
    eventTime: r.eventTime ?? new Date().toISOString(),
  }));
}

let sequence = 0;

/** The S3 event notification real S3 would send for one created object (event version 2.1). */
export function s3Notification(object: CreatedObject) {
  sequence += 1;
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: LOCAL_REGION,
        eventTime: object.eventTime,
        eventName: object.eventName,
        userIdentity: { principalId: 'AWS:LOCAL' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase(), 'x-amz-id-2': 'local' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'nianbao-uploads',
          bucket: {
            name: object.bucket,
            ownerIdentity: { principalId: 'LOCAL' },
            arn: `arn:aws:s3:::${object.bucket}`,
          },
          object: {
            key: encodeS3Key(object.key),
            size: object.size,
            ...(object.eTag ? { eTag: object.eTag } : {}),
            sequencer: Date.now().toString(16).toUpperCase() + String(sequence).padStart(6, '0'),
          },
        },
      },
    ],
  };
}

export const LOCAL_QUEUE_ARN = `arn:aws:sqs:${LOCAL_REGION}:000000000000:nianbao-ingest-local`;

/** One SQS record carrying the notification, as the SQS event source of Lambda delivers it. */
export function sqsRecord(body: string, receiveCount = 1): SQSRecord {
  const now = String(Date.now());
  return {
    messageId: randomUUID(),
    receiptHandle: randomUUID(),
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: now,
      SenderId: 'AIDALOCAL',
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: LOCAL_QUEUE_ARN,
    awsRegion: LOCAL_REGION,
  };
}

export function sqsEventOf(object: CreatedObject, receiveCount = 1): SQSEvent {
  return { Records: [sqsRecord(JSON.stringify(s3Notification(object)), receiveCount)] };
}
