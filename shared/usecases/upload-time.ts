/**
 * When an upload was made, for ordering two uploads of one report (the report head keeps the newer:
 * docs/data-model.md). S3's LastModified has whole seconds; the storage event's time has
 * milliseconds and tells apart two uploads made within one second (a batch put by `nianbao upload`,
 * a reviewer re-uploading a corrected file). The event's time is used only within LastModified's
 * second: an event made later for an older object (the local stack's restart sweep, a replay)
 * never moves the upload forward.
 */
import type { ObjectHead, ObjectRef } from './ports.ts';

/** The upload time (ISO-8601), or undefined when the store gave none. */
export function uploadTimeOf(ref: ObjectRef, head: ObjectHead): string | undefined {
  const stored = head.lastModified;
  if (stored === undefined) return undefined;
  const event = ref.eventTime;
  const sameSecond = event !== undefined && event.slice(0, 19) === stored.slice(0, 19);
  return sameSecond && event > stored ? event : stored;
}
