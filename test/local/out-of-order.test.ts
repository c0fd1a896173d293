/**
 * Events processed out of upload order (issue 18, faults): two uploads of one report (two keys),
 * the newer processed first. Version ids order by processing time, so the older one, processed
 * last, used to become the report's latest version; the head now also compares upload times
 * (S3 LastModified), and the newer upload stays the latest.
 */
import { readFile } from 'node:fs/promises';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reportIdOf } from '../../shared/usecases/records.ts';
import { startTestStack } from './stack-harness.ts';

const SEED = await readFile(new URL('../fixtures/seed/heilongjiang-gxt-2022.txt', import.meta.url));
const BROKEN = await readFile(new URL('../fixtures/e2e/heilongjiang-gxt-2022-t3-row-total.txt', import.meta.url));
const SEED_ID = reportIdOf('黑龙江省工业和信息化厅', 2022);

describe('two uploads of one report processed in reverse upload order', () => {
  it('keeps the newer upload as the latest version (the older one is stored, not made latest)', async () => {
    const first = await startTestStack(undefined, { concurrency: 1 });
    const dataDir = first.config.dataDir;
    const bucket = first.stack.endpoints.bucket;
    // Uploaded while nothing processes them; S3 times are whole seconds, hence the pause.
    await first.stack.wiring.stop();
    const older = await first.clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'uploads/order/older.txt', Body: SEED }));
    await new Promise((r) => setTimeout(r, 1100));
    const newer = await first.clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'uploads/order/newer.txt', Body: BROKEN }));
    await first.close();

    // The next start's sweep lists keys in order, so newer.txt is processed first, older.txt last.
    const s = await startTestStack(dataDir, { concurrency: 1 });
    try {
      await new Promise((r) => setTimeout(r, 200));
      await s.stack.wiring.idle();
      const done = async (key: string, etag: string | undefined) =>
        s.clients.repository.processing({ bucket, objectKey: key, sourceVersion: etag!.replace(/"/g, '') });
      const [o, n] = [await done('uploads/order/older.txt', older.ETag), await done('uploads/order/newer.txt', newer.ETag)];
      expect([o?.status, n?.status]).toEqual(['completed', 'completed']);
      expect(o!.versionId > n!.versionId).toBe(true); // processed later
      const detail = await (await fetch(`${s.stack.endpoints.api}/reports/${SEED_ID}`)).json();
      expect(z.object({ versionId: z.string(), file: z.object({ key: z.string() }) }).parse(detail)).toEqual({
        versionId: n!.versionId,
        file: expect.objectContaining({ key: 'uploads/order/newer.txt' }),
      });
      const mails = await s.mails();
      expect(mails.filter((m) => m.text.includes('文件：uploads/order/'))).toHaveLength(2);
    } finally {
      await s.cleanup();
    }
  }, 120_000);
});
