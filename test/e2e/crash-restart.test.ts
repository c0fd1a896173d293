/**
 * The local stack killed mid-ingestion (SIGKILL to every process: no cleanup, as a crash or a
 * power cut) and started again on the same data directory (issue 18): the stale endpoints.json is
 * removed, every upload the dead run left is delivered again, and each ends stored with its email.
 * A process killed between sending an email and marking the upload complete sends that email again
 * on the retry (the known window, RELIABILITY.md), so an upload may have a second email, never none.
 */
import { access, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MailMessageSchema } from '../../local/mail-store.ts';
import { clientsFor } from '../../local/uploads.ts';
import { type StackProcess, startStackProcess } from './stack-process.ts';

const UPLOADS = 30;
const CONCURRENCY = 4;
let stack: StackProcess | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  await stack?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function until(what: string, test: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the local stack killed mid-ingestion and started again', () => {
  it('loses no upload', async () => {
    stack = await startStackProcess(60_000, undefined, { NIANBAO_SAMPLES: '0' });
    dataDir = stack.dataDir;
    let clients = clientsFor(stack.endpoints);
    const bucket = stack.endpoints.bucket;
    const keys = Array.from({ length: UPLOADS }, (_, i) => `uploads/crash/${i}.txt`);
    const etags = await Promise.all(
      keys.map(async (key, i) => {
        const out = await clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `not a report, upload ${i}` }));
        return out.ETag!.replace(/"/g, '');
      }),
    );
    const mails = async (inboxApi: string) => z.array(MailMessageSchema).parse(await (await fetch(inboxApi)).json());
    await until('a first email', async () => (await mails(stack!.endpoints.inboxApi)).length > 0, 60_000);
    clients.destroy();
    await stack.crash();
    expect(await exists(join(dataDir, 'endpoints.json'))).toBe(true);

    stack = await startStackProcess(60_000, dataDir, { NIANBAO_SAMPLES: '0' });
    expect(stack.stderr()).toMatch(/removed a stale endpoints\.json \(its stack, pid \d+, no longer runs\)/);
    clients = clientsFor(stack.endpoints);
    try {
      const done = async (key: string, i: number) =>
        (await clients.repository.processing({ bucket, objectKey: key, sourceVersion: etags[i]! }))?.status === 'completed';
      await until('every upload processed', async () => (await Promise.all(keys.map(done))).every(Boolean), 90_000);
      const resumed = Number(/resumed (\d+) upload\(s\)/.exec(stack.stderr())?.[1] ?? 0);
      // The crash came while uploads were queued or in flight (26 of 30 when this was written).
      expect(resumed).toBeGreaterThan(0);
      const all = await mails(stack.endpoints.inboxApi);
      const perKey = keys.map((key) => all.filter((m) => m.text.includes(`文件：${key}（`)).length);
      expect(perKey.every((n) => n === 1 || n === 2)).toBe(true);
      // A second email only for an upload caught inside the window: at most one per message in flight.
      expect(perKey.filter((n) => n === 2).length).toBeLessThanOrEqual(CONCURRENCY);
      expect(all).toHaveLength(perKey.reduce((a, b) => a + b, 0));
    } finally {
      clients.destroy();
    }
  }, 240_000);
});
