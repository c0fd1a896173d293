/**
 * Hostile keys on the local stack (issue 18): a 900-byte key segment made s3rver fail with
 * ENAMETOOLONG in an unhandled error that took the whole stack down (leaving endpoints.json); a
 * key with `../` escaped `.nianbao/` and the `uploads/` prefix rule. They are refused with a 400
 * before s3rver sees them, the stack keeps running, and keys outside `uploads/` never start an
 * ingestion.
 */
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SEGMENT_BYTES, unsafeKeyReason } from '../../local/s3-guard.ts';
import { startTestStack, type TestStack } from './stack-harness.ts';

let t: TestStack;

const put = (Key: string, Body = 'hello') => t.clients.s3.send(new PutObjectCommand({ Bucket: t.stack.endpoints.bucket, Key, Body }));
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('unsafeKeyReason', () => {
  it.each([
    ['uploads/report.txt', undefined],
    ['uploads/2023/某某市人民政府/年报 (修订).docx', undefined],
    ['uploads/a%2Fb.txt', undefined],
    [`uploads/${'a'.repeat(MAX_SEGMENT_BYTES)}`, undefined],
    [`uploads/${'a'.repeat(900)}.txt`, `a key segment is longer than ${MAX_SEGMENT_BYTES} bytes`],
    [`uploads/${'年'.repeat(80)}.txt`, `a key segment is longer than ${MAX_SEGMENT_BYTES} bytes`],
    [`uploads/${'a/'.repeat(600)}x`, 'key longer than 1024 bytes'],
    ['uploads/../../../escape.txt', 'key has a ".." segment'],
    ['uploads/./x.txt', 'key has a "." segment'],
    ['uploads/a\nb.txt', 'key contains a control character'],
    ['uploads/a\u0000.txt', 'key contains a control character'],
  ])('%s → %s', (key, reason) => {
    expect(unsafeKeyReason(key)).toBe(reason);
  });
});

describe('hostile keys against the running local stack', () => {
  beforeAll(async () => {
    t = await startTestStack();
  }, 60_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it.each([
    [`uploads/${'a'.repeat(900)}.txt`, 'KeyTooLongError'],
    ['uploads/../../../escape.txt', 'InvalidArgument'],
    ['uploads/../outside.txt', 'InvalidArgument'],
    ['uploads/line\nbreak.txt', 'InvalidArgument'],
  ])('refuses %j with %s and keeps running', async (key, code) => {
    await expect(put(key)).rejects.toMatchObject({ name: code, $metadata: { httpStatusCode: 400 } });
    // Still up: a normal upload goes through and is processed.
    const ok = await put('uploads/after-hostile.txt', `not a report ${key.length}`);
    expect(ok.$metadata.httpStatusCode).toBe(200);
    await t.stack.wiring.idle();
    expect(await exists(t.stack.endpointsFile)).toBe(true);
  });

  it('writes nothing outside the bucket folder and never ingests keys outside uploads/', async () => {
    await put('elsewhere/report.txt');
    await put('uploadsX/report.txt');
    await new Promise((r) => setTimeout(r, 300));
    await t.stack.wiring.idle();
    const dataDir = t.config.dataDir;
    expect((await readdir(dataDir)).sort()).toEqual(['dynamodb', 'endpoints.json', 'mail', 's3']);
    expect(await readdir(join(dataDir, 's3'))).toEqual([t.stack.endpoints.bucket]);
    expect(await exists(join(dataDir, 'escape.txt'))).toBe(false);
    const mails = await t.mails();
    expect(mails.some((m) => m.text.includes('elsewhere/') || m.text.includes('uploadsX/'))).toBe(false);
    // Stored (it is only an object), not ingested.
    const got = await t.clients.s3.send(new GetObjectCommand({ Bucket: t.stack.endpoints.bucket, Key: 'elsewhere/report.txt' }));
    expect(await got.Body!.transformToString()).toBe('hello');
  });
  it('checks the keys a DeleteObjects names in its body: `../` refused, a plain key deleted', async () => {
    const bucket = t.stack.endpoints.bucket;
    const table = join(t.config.dataDir, 'dynamodb');
    const before = (await readdir(table)).sort();
    await put('uploads/to-delete.txt');
    const hostile = new DeleteObjectsCommand({
      Bucket: bucket,
      Delete: { Objects: [{ Key: 'uploads/to-delete.txt' }, { Key: '../dynamodb/CURRENT' }, { Key: '&period;&period;/dynamodb/LOCK' }] },
    });
    await expect(t.clients.s3.send(hostile)).rejects.toMatchObject({ name: 'InvalidArgument', $metadata: { httpStatusCode: 400 } });
    expect((await readdir(table)).sort()).toEqual(before);
    expect(
      (await t.clients.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'uploads/to-delete.txt' }))).$metadata.httpStatusCode,
    ).toBe(200);

    await t.clients.s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: 'uploads/to-delete.txt' }] } }));
    await expect(t.clients.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'uploads/to-delete.txt' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });
});
