/**
 * The ObjectSource port of the pipeline over S3 (HeadObject, GetObject).
 */
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectHead, ObjectRef, ObjectSource } from '../../usecases/ports.ts';

const isNotFound = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.name === 'NoSuchVersion' || e.$metadata?.httpStatusCode === 404;
};

export class S3ObjectSource implements ObjectSource {
  constructor(private readonly s3: S3Client) {}

  async head(ref: ObjectRef): Promise<ObjectHead | undefined> {
    try {
      const out = await this.s3.send(
        new HeadObjectCommand({ Bucket: ref.bucket, Key: ref.key, ...(ref.versionId ? { VersionId: ref.versionId } : {}) }),
      );
      const head: ObjectHead = { size: out.ContentLength ?? 0, metadata: out.Metadata ?? {} };
      if (out.VersionId && out.VersionId !== 'null') head.versionId = out.VersionId;
      if (out.ETag) head.etag = out.ETag.replace(/"/g, '');
      if (out.ContentType) head.contentType = out.ContentType;
      return head;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async get(ref: ObjectRef): Promise<Uint8Array> {
    const out = await this.s3.send(
      new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key, ...(ref.versionId ? { VersionId: ref.versionId } : {}) }),
    );
    if (!out.Body) throw new Error(`GetObject ${ref.bucket}/${ref.key} returned no body`);
    return out.Body.transformToByteArray();
  }
}
