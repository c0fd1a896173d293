/**
 * A stack stopped mid-ingestion and started again (issue 18): the local "queue" is in memory, so an
 * upload whose event was queued, or whose processing a dead run had claimed, used to be lost. At
 * start the stack now delivers again every object under uploads/ without a completed processing
 * record (releasing a claim the dead run left in progress): each ends stored, with one email.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestStack } from './stack-harness.ts';

const SEED = await readFile(new URL('../fixtures/seed/heilongjiang-gxt-2022.txt', import.meta.url));
let dataDir: string;

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('restart after a stop mid-ingestion', () => {
  it('processes at the next start what the last run left, once each', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nianbao-restart-'));
    const first = await startTestStack(dataDir);
    const bucket = first.stack.endpoints.bucket;
    await first.clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'uploads/done.txt', Body: 'processed before the stop' }));
    await first.stack.wiring.idle();
    expect(first.stack.wiring.pending()).toBe(0);

    // The stop: the wiring takes no more messages, so these uploads' events are lost with the process.
    await first.stack.wiring.stop();
    const keys = ['uploads/lost/seed.txt', ...Array.from({ length: 5 }, (_, i) => `uploads/lost/${i}.txt`)];
    const etags: string[] = [];
    for (const [i, key] of keys.entries()) {
      const out = await first.clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: i === 0 ? SEED : `upload ${i}` }));
      etags.push(out.ETag!.replace(/"/g, ''));
    }
    // One of them was being processed by the run that died: its claim is still in progress.
    const claim = await first.clients.repository.claim({ bucket, objectKey: keys[1]!, sourceVersion: etags[1]! }, new Date());
    expect(claim.kind).toBe('claimed');
    const mailsBefore = await first.mails();
    expect(mailsBefore).toHaveLength(1);
    await first.close();

    const second = await startTestStack(dataDir);
    try {
      await second.stack.wiring.idle();
      expect(second.logs).toContain(`resumed ${keys.length} upload(s) the last run left unprocessed`);
      for (const [i, key] of keys.entries()) {
        const record = await second.clients.repository.processing({ bucket, objectKey: key, sourceVersion: etags[i]! });
        expect(record?.status, key).toBe('completed');
      }
      const mails = await second.mails();
      expect(mails).toHaveLength(1 + keys.length);
      for (const key of [...keys, 'uploads/done.txt'])
        expect(
          mails.filter((m) => m.text.includes(`文件：${key}（`)),
          key,
        ).toHaveLength(1);

      // A third start finds nothing to resume.
      await second.close();
      const third = await startTestStack(dataDir);
      await third.stack.wiring.idle();
      expect(third.logs.filter((l) => l.startsWith('resumed'))).toEqual([]);
      expect(await third.mails()).toHaveLength(1 + keys.length);
      await third.close();
    } finally {
      await second.close();
    }
  }, 180_000);
});
