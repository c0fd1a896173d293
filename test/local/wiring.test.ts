import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { CreatedObject } from '../../local/s3-events.ts';
import { createWiring, MAX_RECEIVE_COUNT } from '../../local/wiring.ts';

const object = (key: string): CreatedObject => ({
  bucket: 'b',
  key,
  size: 1,
  eventName: 'ObjectCreated:Put',
  eventTime: '2026-11-29T00:00:00.000Z',
});
const keyOf = (event: SQSEvent) =>
  (JSON.parse(event.Records[0]!.body) as { Records: { s3: { object: { key: string } } }[] }).Records[0]!.s3.object.key;
const ok: SQSBatchResponse = { batchItemFailures: [] };

/** A wiring whose handler takes 5 ms a message and records the keys it saw and the most messages it had at once. */
function recordingWiring(concurrency: number) {
  const seen: string[] = [];
  let concurrent = 0;
  let most = 0;
  const wiring = createWiring({
    concurrency,
    handler: async (event) => {
      most = Math.max(most, ++concurrent);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(keyOf(event));
      concurrent--;
      return ok;
    },
  });
  return { wiring, seen, maxConcurrent: () => most };
}

describe('wiring of S3 events to the ingest handler', () => {
  it('delivers uploads in order with concurrency 1, and ignores keys outside uploads/', async () => {
    const { wiring, seen, maxConcurrent } = recordingWiring(1);
    for (const key of ['uploads/a.txt', 'other/b.txt', 'uploads/c d.txt']) wiring.deliver(object(key));
    await wiring.idle();
    expect(seen).toEqual(['uploads/a.txt', 'uploads/c+d.txt']);
    expect(maxConcurrent()).toBe(1);
    expect(wiring.pending()).toBe(0);
  });

  it('handles several messages at once, never more than its bound, and every one exactly once', async () => {
    const { wiring, seen, maxConcurrent } = recordingWiring(3);
    const keys = Array.from({ length: 10 }, (_, i) => `uploads/${i}.txt`);
    for (const key of keys) wiring.deliver(object(key));
    expect(wiring.pending()).toBe(10);
    await wiring.idle();
    expect(maxConcurrent()).toBe(3);
    expect(seen.sort()).toEqual([...keys].sort());
    expect(wiring.pending()).toBe(0);
  });

  it.each([
    ['reported as a batch item failure', async (): Promise<SQSBatchResponse> => ({ batchItemFailures: [{ itemIdentifier: 'x' }] })],
    ['thrown', async (): Promise<SQSBatchResponse> => Promise.reject(new Error('boom'))],
  ])('redelivers a failure (%s) until MAX_RECEIVE_COUNT, then gives up', async (_name, fail) => {
    const receives: string[] = [];
    const logs: string[] = [];
    const wiring = createWiring({
      retryDelayMs: 1,
      log: (line) => logs.push(line),
      handler: async (event) => {
        receives.push(event.Records[0]!.attributes.ApproximateReceiveCount);
        return fail();
      },
    });
    wiring.deliver(object('uploads/bad.txt'));
    await wiring.idle();
    expect(receives).toEqual(Array.from({ length: MAX_RECEIVE_COUNT }, (_, i) => String(i + 1)));
    expect(logs.at(-1)).toContain('dead-letter');
  });

  it('a message that fails once succeeds on its second receive', async () => {
    let calls = 0;
    const wiring = createWiring({
      retryDelayMs: 1,
      log: () => undefined,
      handler: async () => (++calls === 1 ? { batchItemFailures: [{ itemIdentifier: 'x' }] } : ok),
    });
    wiring.deliver(object('uploads/flaky.txt'));
    await wiring.idle();
    expect(calls).toBe(2);
  });
});
