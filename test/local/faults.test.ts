/**
 * Faults injected on the local stack (issue 18, deliverable 5; the table in RELIABILITY.md): the
 * DynamoDB-compatible server stopped mid-batch and started again, S3 reads failing, the message
 * failing after the version was stored, the report head failing after the version's items were
 * written, the same event delivered three times, a poison message. Expected: nothing lost, no
 * duplicate version or email, a half-written version never served as the latest, the poison
 * message in the dead-letter queue while the rest of the batch goes on.
 */
import { readFile } from 'node:fs/promises';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CreatedObject } from '../../local/s3-events.ts';
import { reportIdOf } from '../../shared/usecases/records.ts';
import { VersionSummarySchema } from '../../shared/usecases/views.ts';
import { startTestStack, type TestStack } from './stack-harness.ts';

const SEED = await readFile(new URL('../fixtures/seed/heilongjiang-gxt-2022.txt', import.meta.url));
const BROKEN = await readFile(new URL('../fixtures/e2e/heilongjiang-gxt-2022-t3-row-total.txt', import.meta.url));
const SEED_ID = reportIdOf('黑龙江省工业和信息化厅', 2022);

/** What the hooks do; each test sets what it needs. */
const plan = {
  /** Keys whose GetObject fails this many more times. */
  failReads: new Map<string, number>(),
  /** Keys whose message fails this many more times. */
  failNotify: new Map<string, number>(),
  /** Fail the next write of the report head (after the version's items were written). */
  failHead: 0,
  onHeadFault: undefined as (() => Promise<void>) | undefined,
  /** Fail the next "complete" of a processing record (after the message went out). */
  failComplete: 0,
  completedAfterPublishMs: [] as number[],
  lastPublishAt: 0,
};

const take = (map: Map<string, number>, key: string) => {
  const n = map.get(key) ?? 0;
  if (n > 0) map.set(key, n - 1);
  return n > 0;
};

let t: TestStack;

async function until(what: string, test: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function upload(key: string, body: Uint8Array | string): Promise<string> {
  const out = await t.clients.s3.send(new PutObjectCommand({ Bucket: t.stack.endpoints.bucket, Key: key, Body: body }));
  return out.ETag!.replace(/"/g, '');
}

const record = (key: string, etag: string) =>
  t.clients.repository.processing({ bucket: t.stack.endpoints.bucket, objectKey: key, sourceVersion: etag });

async function settled(): Promise<void> {
  await new Promise((r) => setTimeout(r, 200));
  await t.stack.wiring.idle();
}

const mailsAbout = async (key: string) => (await t.mails()).filter((m) => m.text.includes(`文件：${key}（`));

async function api<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(`${t.stack.endpoints.api}${path}`);
  expect(response.status, path).toBe(200);
  return schema.parse(await response.json());
}
const versionsOf = (reportId: string) => api(`/reports/${reportId}/versions`, z.object({ items: z.array(VersionSummarySchema) }));
/** The version the API serves as the latest: the report's own answer, and the one its version list marks. */
async function latestOf(reportId: string): Promise<string> {
  const detail = await api(`/reports/${reportId}`, z.object({ versionId: z.string() }));
  const marked = (await versionsOf(reportId)).items.filter((v) => v.latest).map((v) => v.versionId);
  expect(marked).toEqual([detail.versionId]);
  return detail.versionId;
}

beforeAll(async () => {
  t = await startTestStack(undefined, {
    retryDelayMs: 1500,
    faults: {
      s3: (command, input) => {
        if (command === 'GetObjectCommand' && take(plan.failReads, String(input.Key))) throw new Error('injected: S3 read failed');
      },
      notify: (upload) => {
        if (take(plan.failNotify, upload.objectKey)) throw new Error('injected: SNS publish failed');
        plan.lastPublishAt = Date.now();
      },
      dynamo: (command, input) => {
        // The document client's input, plain or marshalled depending on where the hook runs.
        const type = (input.Item as { type?: string | { S?: string } } | undefined)?.type;
        if (command === 'PutItemCommand' && (typeof type === 'string' ? type : type?.S) === 'report' && plan.failHead > 0) {
          plan.failHead -= 1;
          const check = plan.onHeadFault;
          plan.onHeadFault = undefined;
          throw Object.assign(new Error('injected: report head write failed'), { check: check?.() });
        }
        if (command === 'UpdateItemCommand' && String(input.UpdateExpression).startsWith('SET #status = :completed')) {
          if (plan.failComplete > 0) {
            plan.failComplete -= 1;
            throw new Error('injected: died between publish and complete');
          }
          if (plan.lastPublishAt) plan.completedAfterPublishMs.push(Date.now() - plan.lastPublishAt);
        }
      },
    },
  });
}, 60_000);
afterAll(async () => {
  await t?.cleanup();
});

describe('faults on the local stack', () => {
  it('S3 read failing twice: retried, stored once, one email', async () => {
    const key = 'uploads/faults/s3-read.txt';
    plan.failReads.set(key, 2);
    const etag = await upload(key, 'not a report: S3 fails twice');
    await settled();
    expect(plan.failReads.get(key)).toBe(0);
    expect((await record(key, etag))?.status).toBe('completed');
    expect(await mailsAbout(key)).toHaveLength(1);
  }, 60_000);

  it('the message failing after the version was stored: one version, one email', async () => {
    const key = 'uploads/faults/notify-seed.txt';
    plan.failNotify.set(key, 1);
    const etag = await upload(key, SEED);
    await settled();
    expect(plan.failNotify.get(key)).toBe(0);
    const done = await record(key, etag);
    expect(done?.status).toBe('completed');
    const versions = (await versionsOf(SEED_ID)).items;
    expect(versions.map((v) => v.versionId)).toEqual([done!.versionId]);
    expect(await mailsAbout(key)).toHaveLength(1);
  }, 60_000);

  it('the report head failing after the version was written: the half-written version is never served as the latest', async () => {
    const firstKey = 'uploads/faults/head-seed.txt';
    const firstEtag = await upload(firstKey, SEED);
    await settled();
    const before = await latestOf(SEED_ID);
    expect(before).toBe((await record(firstKey, firstEtag))?.versionId);
    const count = (await versionsOf(SEED_ID)).items.length;
    let seenDuringFault: string | undefined;
    let faultChecked: Promise<void> | undefined;
    plan.failHead = 1;
    plan.onHeadFault = () => {
      faultChecked = (async () => {
        seenDuringFault = await latestOf(SEED_ID);
      })();
      return faultChecked;
    };
    const key = 'uploads/faults/head-broken.txt';
    const etag = await upload(key, BROKEN);
    await until('the fault', () => faultChecked !== undefined, 20_000);
    await faultChecked;
    expect(seenDuringFault).toBe(before);
    await settled();
    const done = await record(key, etag);
    expect(done?.status).toBe('completed');
    expect(await latestOf(SEED_ID)).toBe(done!.versionId);
    const versions = (await versionsOf(SEED_ID)).items;
    expect(versions.filter((v) => v.versionId === done!.versionId)).toHaveLength(1);
    expect(versions).toHaveLength(count + 1);
    expect(await mailsAbout(key)).toHaveLength(1);
  }, 60_000);

  it('the same event delivered 3 times at once, then once more late: one version, one email', async () => {
    const key = 'uploads/faults/thrice.txt';
    const body = 'not a report: delivered three times';
    const etag = await upload(key, body);
    const event: CreatedObject = {
      bucket: t.stack.endpoints.bucket,
      key,
      size: body.length,
      eTag: `"${etag}"`,
      eventName: 'ObjectCreated:Put',
      eventTime: new Date().toISOString(),
    };
    for (let i = 0; i < 3; i++) t.stack.wiring.deliver(event);
    await settled();
    t.stack.wiring.deliver(event);
    await settled();
    const done = await record(key, etag);
    expect(done?.status).toBe('completed');
    expect(await mailsAbout(key)).toHaveLength(1);
    expect((await versionsOf(done!.reportId!)).items).toHaveLength(1);
  }, 60_000);

  it('a poison message ends in the dead-letter queue while the rest of the batch goes on', async () => {
    const poison = 'uploads/faults/poison.txt';
    plan.failReads.set(poison, 1_000);
    const others = Array.from({ length: 4 }, (_, i) => `uploads/faults/beside-poison-${i}.txt`);
    const etags = await Promise.all([poison, ...others].map((k, i) => upload(k, `not a report ${i}`)));
    await settled();
    expect(t.stack.wiring.deadLetters().map((o) => o.key)).toEqual([poison]);
    expect(t.logs).toContain(`ingest: ${poison} failed 3 times; moved to the dead-letter queue`);
    expect(await record(poison, etags[0]!)).toMatchObject({ status: 'in-progress' });
    expect(await mailsAbout(poison)).toEqual([]);
    for (const [i, key] of others.entries()) {
      expect((await record(key, etags[i + 1]!))?.status, key).toBe('completed');
      expect(await mailsAbout(key), key).toHaveLength(1);
    }
    plan.failReads.delete(poison);
  }, 60_000);

  it('dying between the message and marking it complete: the known window, measured (a second email, nothing lost)', async () => {
    const key = 'uploads/faults/window.txt';
    plan.failComplete = 1;
    const etag = await upload(key, 'not a report: dies after publishing');
    await settled();
    expect(plan.failComplete).toBe(0);
    const done = await record(key, etag);
    expect(done?.status).toBe('completed');
    expect((await versionsOf(done!.reportId!)).items).toHaveLength(1);
    // At-least-once: the retry publishes again. The window is one conditional UpdateItem.
    expect(await mailsAbout(key)).toHaveLength(2);
    expect(plan.completedAfterPublishMs.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('the DynamoDB-compatible server stopped mid-batch and started again', () => {
  it('loses nothing: the upload caught mid-write is dead-lettered (its claim outlives the retries) and resumed at the next start, once', async () => {
    const keys = Array.from({ length: 6 }, (_, i) => `uploads/dynamo/${i}.txt`);
    let stopped: Promise<void> | undefined;
    const options = {
      concurrency: 1,
      retryDelayMs: 500,
      faults: {
        // The third upload's first write of its version: the server goes away under it.
        dynamo: (command: string) => {
          if (command === 'BatchWriteItemCommand' && !stopped && writes++ === 2) stopped = s.stack.dynamo.stop();
        },
      },
    };
    let writes = 0;
    let s = await startTestStack(undefined, options);
    const dataDir = s.config.dataDir;
    try {
      const bucket = s.stack.endpoints.bucket;
      const etags: string[] = [];
      for (const [i, key] of keys.entries()) {
        const out = await s.clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `not a report ${i}` }));
        etags.push(out.ETag!.replace(/"/g, ''));
      }
      await until('the server stopped', () => stopped !== undefined, 30_000);
      await stopped;
      await new Promise((r) => setTimeout(r, 1000));
      await s.stack.dynamo.start();
      await new Promise((r) => setTimeout(r, 200));
      await s.stack.wiring.idle();
      const dead = s.stack.wiring.deadLetters().map((o) => o.key);
      expect(dead).toEqual([keys[2]]);

      // The next start: the dead letter's claim, left in progress, is released and the upload processed.
      await s.close();
      s = await startTestStack(dataDir, { concurrency: 1 });
      await new Promise((r) => setTimeout(r, 200));
      await s.stack.wiring.idle();
      expect(s.logs).toContain('resumed 1 upload(s) the last run left unprocessed');
      for (const [i, key] of keys.entries()) {
        const done = await s.clients.repository.processing({ bucket, objectKey: key, sourceVersion: etags[i]! });
        expect(done?.status, key).toBe('completed');
      }
      const mails = await s.mails();
      for (const key of keys)
        expect(
          mails.filter((m) => m.text.includes(`文件：${key}（`)),
          key,
        ).toHaveLength(1);
      expect(mails).toHaveLength(keys.length);
    } finally {
      await s.cleanup();
    }
  }, 120_000);
});
