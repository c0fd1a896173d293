/**
 * Racing uploads to one key (issue 18): two different files put to the same key at once used to
 * give a false I-UNREADABLE "ZIP 压缩结构无效" (the worker read one object's bytes under the
 * other's ETag, or a file s3rver was rewriting) and an email that said its prefix twice. Each event
 * is now processed against the bytes it announced: the one whose object was replaced ends as
 * superseded (nothing stored, nothing sent), the newer upload's event is processed.
 */
import { readFileSync } from 'node:fs';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ObjectSource } from '../../shared/adapters/s3/object-source.ts';
import { ingestObject } from '../../shared/usecases/ingest.ts';
import { ObjectSuperseded } from '../../shared/usecases/ports.ts';
import { startTestStack, type TestStack } from './stack-harness.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url));
const FILES = [fixture('heilongjiang-gxt-2022.docx'), fixture('shengtai-2020-ed2019.docx')];
const KEYS = Array.from({ length: 4 }, (_, i) => `uploads/race/${i}.docx`);

let t: TestStack;

async function until(what: string, test: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const currentEtag = async (key: string) =>
  (await t.clients.s3.send(new HeadObjectCommand({ Bucket: t.stack.endpoints.bucket, Key: key }))).ETag!.replace(/"/g, '');

const completed = async (key: string, etag: string) =>
  (await t.clients.repository.processing({ bucket: t.stack.endpoints.bucket, objectKey: key, sourceVersion: etag }))?.status ===
  'completed';

describe('racing uploads to one key on the local stack', () => {
  beforeAll(async () => {
    t = await startTestStack();
  }, 60_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it('processes the upload that holds the key, once, and never files a false unreadable finding', async () => {
    const bucket = t.stack.endpoints.bucket;
    for (const key of KEYS) {
      await Promise.all(FILES.map((Body) => t.clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body }))));
    }
    const finals = await Promise.all(KEYS.map(currentEtag));
    await until('every final upload processed', async () =>
      (await Promise.all(KEYS.map((k, i) => completed(k, finals[i]!)))).every(Boolean),
    );
    await t.stack.wiring.idle();

    const mails = await t.mails();
    for (const key of KEYS) {
      const about = mails.filter((m) => m.text.includes(`文件：${key}（`));
      expect(about, key).toHaveLength(1);
      expect(about[0]!.subject).toMatch(/^\[nianbao\] 20(22|20) report/);
    }
    expect(mails.filter((m) => m.text.includes('I-UNREADABLE'))).toEqual([]);
    expect(mails.filter((m) => m.text.includes('文件已损坏或无法读取：文件已损坏或无法读取'))).toEqual([]);
  }, 120_000);

  it('acknowledges an event whose object was replaced without storing or sending anything', async () => {
    const bucket = t.stack.endpoints.bucket;
    const key = 'uploads/race/replaced.docx';
    const first = await t.clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: FILES[0] }));
    const firstEtag = first.ETag!.replace(/"/g, '');
    await until('the first upload processed', () => completed(key, firstEtag));
    const second = await t.clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: FILES[1] }));
    const secondEtag = second.ETag!.replace(/"/g, '');
    await until('the second upload processed', () => completed(key, secondEtag));
    await t.stack.wiring.idle();
    const before = (await t.mails()).length;

    // The first upload's event delivered late (as SQS may), naming bytes the key no longer holds.
    const stale = { bucket, key, size: FILES[0]!.length, eTag: `"${firstEtag.replace(/^./, (c) => (c === '0' ? '1' : '0'))}"` };
    t.stack.wiring.deliver({ ...stale, eventName: 'ObjectCreated:Put', eventTime: new Date().toISOString() });
    await t.stack.wiring.idle();

    expect((await t.mails()).length).toBe(before);
    expect(await t.clients.repository.processing({ bucket, objectKey: key, sourceVersion: stale.eTag.replace(/"/g, '') })).toBeUndefined();

    // The use case says why: superseded, before any claim, store or message.
    const published: unknown[] = [];
    const deps = {
      objects: new S3ObjectSource(t.clients.s3),
      store: t.clients.repository,
      notifier: { publish: async (u: unknown) => void published.push(u) },
    };
    const outcome = await ingestObject({ bucket, key, etag: firstEtag }, deps);
    expect(outcome).toEqual({ kind: 'superseded', reason: `${key} now has ETag ${secondEtag}, the event announced ${firstEtag}` });
    expect(published).toEqual([]);
    // Replaced between HEAD and GET: the read names the bytes it wanted, and another ETag is refused.
    await expect(deps.objects.get({ bucket, key, etag: firstEtag })).rejects.toThrow(ObjectSuperseded);
    expect((await deps.objects.get({ bucket, key, etag: secondEtag })).length).toBe(FILES[1]!.length);
  }, 120_000);
});
