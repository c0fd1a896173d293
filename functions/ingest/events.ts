/**
 * zod schemas of what the ingest queue delivers: SQS messages whose body is an S3 event
 * notification (or the `s3:TestEvent` S3 sends when a notification is configured), and the
 * decoding of object keys exactly as real S3 encodes them.
 */
import { z } from 'zod';
import type { ObjectRef } from '../../shared/usecases/ports.ts';

export const S3EventRecordSchema = z.object({
  eventSource: z.literal('aws:s3'),
  eventName: z.string(),
  eventTime: z.string().optional(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      /** URL-encoded, `+` for a space (real S3). */
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      eTag: z.string().optional(),
      versionId: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});
export type S3EventRecord = z.infer<typeof S3EventRecordSchema>;

export const S3EventSchema = z.object({ Records: z.array(S3EventRecordSchema) });

export const S3TestEventSchema = z.object({
  Service: z.literal('Amazon S3'),
  Event: z.literal('s3:TestEvent'),
  Bucket: z.string().optional(),
});

export const S3NotificationSchema = z.union([S3EventSchema, S3TestEventSchema]);
export type S3Notification = z.infer<typeof S3NotificationSchema>;

/** Parses the body of one SQS message; throws (a ZodError or SyntaxError) on anything else. */
export function parseNotification(body: string): S3Notification {
  return S3NotificationSchema.parse(JSON.parse(body));
}

export const isTestEvent = (n: S3Notification): n is z.infer<typeof S3TestEventSchema> => 'Event' in n;

/** An S3 event key → the object key: `+` is a space, then percent-decoding (UTF-8). */
export function decodeS3Key(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/**
 * The inverse, as real S3 writes keys into event notifications, for feeding events from an
 * emulator that does not encode keys (s3rver) to the handler. Real S3 encodes form-style: a
 * space becomes `+`, UTF-8 bytes become `%XX` (upper-case hex), and only `A-Z a-z 0-9 - _ . *`
 * and `/` stay as they are (`red flower.jpg` → `red+flower.jpg`, `a + b.txt` → `a+%2B+b.txt`,
 * `year=2026/x` → `year%3D2026/x`, `(1)` → `%281%29`, Chinese → `%E9%BB%91…`). That is Java's
 * URLEncoder alphabet with `/` kept: unlike `encodeURIComponent`, `! ' ( ) ~` are escaped and
 * `*` is not.
 */
export function encodeS3Key(key: string): string {
  let out = '';
  for (const char of key) {
    if (char === ' ') out += '+';
    else if (/[A-Za-z0-9\-_.*/]/.test(char)) out += char;
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** S3 event → the objects it announces as created (other event types are not ours). */
export function createdObjects(n: z.infer<typeof S3EventSchema>): ObjectRef[] {
  return n.Records.filter((r) => r.eventName.startsWith('ObjectCreated:')).map((r) => {
    const etag = r.s3.object.eTag?.replace(/"/g, '');
    return {
      bucket: r.s3.bucket.name,
      key: decodeS3Key(r.s3.object.key),
      ...(r.s3.object.versionId ? { versionId: r.s3.object.versionId } : {}),
      ...(etag ? { etag } : {}),
      ...(r.eventTime ? { eventTime: r.eventTime } : {}),
    };
  });
}
