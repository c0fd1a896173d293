/**
 * What s3rver needs in front of it to be safe as the local stack's S3 (docs/local.md, "Hostile
 * keys"). s3rver stores an object under `<dataDir>/s3/<bucket>/<key>` as plain files:
 *
 * - a key segment longer than a file name may be (255 bytes, less s3rver's suffix) fails with
 *   ENAMETOOLONG in an unhandled stream error that ends the whole process; a `.` or `..` segment
 *   escapes the bucket's folder (and `.nianbao/`); a control character or an invalid `%` sequence
 *   names no sensible file. Such keys are refused with a 400 and an S3-shaped error before s3rver
 *   sees them (real S3 stores them as opaque strings: the pipeline handles them there).
 * - two writes of one key at once interleave in one file (s3rver truncates and rewrites in place):
 *   writes of one key are queued, so the file ends as the last upload, whose event is the one
 *   processed (an earlier event finds another ETag: superseded).
 * - DeleteObjects names its keys in the request body: they are checked too.
 */
import { Readable } from 'node:stream';
import { decodeHTML } from 'entities';

/** The few members of a Koa context used here (s3rver is a Koa app and its typings say nothing of it). */
export interface GuardContext {
  method: string;
  path: string;
  querystring: string;
  /** The request stream, which s3rver reads; replaced after the guard has read a body. */
  req: Readable;
  status: number;
  type: string;
  body: unknown;
}
export type Middleware = (ctx: GuardContext, next: () => Promise<void>) => Promise<void>;

/** NAME_MAX (255) less the longest suffix s3rver adds (`._S3rver_metadata.json`). */
export const MAX_SEGMENT_BYTES = 233;
/** As S3 (KeyTooLongError). */
export const MAX_KEY_BYTES = 1024;

const isControl = (key: string) => [...key].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** Why a key cannot be stored by s3rver, or undefined when it can. */
export function unsafeKeyReason(key: string): string | undefined {
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) return `key longer than ${MAX_KEY_BYTES} bytes`;
  if (isControl(key)) return 'key contains a control character';
  for (const segment of key.split('/')) {
    if (segment === '.' || segment === '..') return `key has a "${segment}" segment`;
    if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES) return `a key segment is longer than ${MAX_SEGMENT_BYTES} bytes`;
  }
  return undefined;
}

/** Bucket and decoded key of a path-style request path, or a reason to refuse it. */
function keyOfPath(path: string): { key?: string; refused?: string } {
  const match = /^\/[^/]+\/(.+)$/.exec(path);
  if (!match) return {};
  try {
    return { key: match[1]!.split('/').map(decodeURIComponent).join('/') };
  } catch {
    return { refused: 'key has an invalid % sequence' };
  }
}

/** Keys named in a DeleteObjects body, decoded as s3rver decodes them (`he.decode`: HTML entities too). */
const keysOfDeleteBody = (xml: string) => [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => decodeHTML(m[1]!));

const MAX_DELETE_BODY = 1024 * 1024;

async function readBody(req: Readable): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_DELETE_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A POST to the bucket: DeleteObjects names its keys in the body, so a `../` there would delete
 * files outside the bucket's folder — every key is checked, and the body handed on to s3rver;
 * browser-form uploads (the key in a form field) are not supported locally.
 */
async function bucketPost(ctx: GuardContext): Promise<string | undefined> {
  if (!/(^|&)delete(=|&|$)/.test(ctx.querystring)) return 'browser-form (POST) uploads are not supported by the local stack';
  const body = await readBody(ctx.req);
  if (!body) return `a DeleteObjects body over ${MAX_DELETE_BODY} bytes`;
  const unsafe = keysOfDeleteBody(body.toString('utf8'))
    .map(unsafeKeyReason)
    .find((reason) => reason !== undefined);
  ctx.req = Readable.from([body]);
  return unsafe;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function refuse(ctx: GuardContext, code: string, message: string): void {
  ctx.status = 400;
  ctx.type = 'application/xml';
  ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`;
}

/** Refuses keys s3rver cannot store safely; queues writes of one key behind each other. */
export function s3Guard(): Middleware {
  const writes = new Map<string, Promise<void>>();
  return async (ctx, next) => {
    const { key, refused } = keyOfPath(ctx.path);
    const bucketLevelPost = key === undefined && !refused && ctx.method === 'POST' && /^\/[^/]+\/?$/.test(ctx.path);
    const reason = refused ?? (key === undefined ? (bucketLevelPost ? await bucketPost(ctx) : undefined) : unsafeKeyReason(key));
    if (reason)
      return refuse(ctx, reason.includes('longer') ? 'KeyTooLongError' : 'InvalidArgument', `refused by the local stack: ${reason}`);
    if (key === undefined || !['PUT', 'POST', 'DELETE'].includes(ctx.method)) return next();
    const previous = writes.get(key) ?? Promise.resolve();
    const mine = previous.then(() => next());
    const settled = mine.then(
      () => undefined,
      () => undefined,
    );
    writes.set(key, settled);
    try {
      await mine;
    } finally {
      if (writes.get(key) === settled) writes.delete(key);
    }
  };
}
