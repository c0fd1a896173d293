/**
 * The ObjectSource port of the pipeline over S3 (HeadObject, GetObject). Each read is of the bytes
 * the event announced (docs/decisions/idempotency.md, "racing uploads"): the version id when the
 * bucket is versioned; otherwise `If-Match` on the event's ETag, then the ETag the answer carries,
 * and, when that ETag is the MD5 of the content (a single-part upload without SSE-KMS or SSE-C),
 * the MD5 of the bytes read — S3-compatible servers without versions (s3rver) ignore `If-Match`
 * and may hand out a file that is being rewritten.
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand, type GetObjectCommandOutput, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type ObjectHead, type ObjectRef, type ObjectSource, ObjectSuperseded } from '../../usecases/ports.ts';

const isNotFound = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.name === 'NoSuchVersion' || e.$metadata?.httpStatusCode === 404;
};

const isPreconditionFailed = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'PreconditionFailed' || e.$metadata?.httpStatusCode === 412;
};

const unquote = (etag: string) => etag.replace(/"/g, '');

/** Whether an ETag is the MD5 of the object's bytes: single-part, not encrypted with KMS or a customer key. */
const etagIsMd5 = (etag: string, out: GetObjectCommandOutput) =>
  /^[0-9a-f]{32}$/.test(etag) &&
  out.ServerSideEncryption !== 'aws:kms' &&
  out.ServerSideEncryption !== 'aws:kms:dsse' &&
  !out.SSECustomerAlgorithm;

export class S3ObjectSource implements ObjectSource {
  constructor(private readonly s3: S3Client) {}

  async head(ref: ObjectRef): Promise<ObjectHead | undefined> {
    try {
      const out = await this.s3.send(
        new HeadObjectCommand({ Bucket: ref.bucket, Key: ref.key, ...(ref.versionId ? { VersionId: ref.versionId } : {}) }),
      );
      const head: ObjectHead = { size: out.ContentLength ?? 0, metadata: out.Metadata ?? {} };
      if (out.VersionId && out.VersionId !== 'null') head.versionId = out.VersionId;
      if (out.ETag) head.etag = unquote(out.ETag);
      if (out.ContentType) head.contentType = out.ContentType;
      if (out.LastModified) head.lastModified = out.LastModified.toISOString();
      return head;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async get(ref: ObjectRef): Promise<Uint8Array> {
    const where = `${ref.bucket}/${ref.key}`;
    const expected = ref.versionId ? undefined : ref.etag;
    let out: GetObjectCommandOutput;
    try {
      out = await this.s3.send(
        new GetObjectCommand({
          Bucket: ref.bucket,
          Key: ref.key,
          ...(ref.versionId ? { VersionId: ref.versionId } : {}),
          ...(expected ? { IfMatch: `"${expected}"` } : {}),
        }),
      );
    } catch (error) {
      if (expected && isPreconditionFailed(error)) throw new ObjectSuperseded(`${where} no longer has ETag ${expected}`);
      throw error;
    }
    if (!out.Body) throw new Error(`GetObject ${where} returned no body`);
    const bytes = await out.Body.transformToByteArray();
    if (!expected) return bytes;
    const answered = out.ETag ? unquote(out.ETag) : undefined;
    if (answered !== undefined && answered !== expected) throw new ObjectSuperseded(`${where} has ETag ${answered}, not ${expected}`);
    if (etagIsMd5(expected, out) && createHash('md5').update(bytes).digest('hex') !== expected) {
      throw new ObjectSuperseded(`${where}: the bytes read are not those of ETag ${expected} (rewritten meanwhile)`);
    }
    return bytes;
  }
}
