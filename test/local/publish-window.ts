/**
 * Measures the known window of the ingest use case (RELIABILITY.md, "Faults"): the time between
 * the message being sent and the processing record being marked complete. A worker dying inside
 * it sends the message again on the retry (at-least-once). Runs N uploads (default 200) through
 * the use case on the local stack's s3rver and dynalite and prints p50, p99 and max in ms.
 *
 *   npx tsx test/local/publish-window.ts [N]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { startLocalStack } from '../../local/stack.ts';
import { clientsFor } from '../../local/uploads.ts';
import { S3ObjectSource } from '../../shared/adapters/s3/object-source.ts';
import { ingestObject } from '../../shared/usecases/ingest.ts';

const dataDir = await mkdtemp(join(tmpdir(), 'window-'));
const stack = await startLocalStack(
  {
    ports: { s3: 0, dynamodb: 0, api: 0, smtp: 0, inbox: 0 },
    dataDir,
    bucket: 'nianbao-local',
    table: 'nianbao-local',
    ingestSamples: false,
  },
  { log: () => {} },
);
// The script runs the use case itself: the wiring takes no message.
await stack.wiring.stop();
const c = clientsFor(stack.endpoints);
const windows: number[] = [];
let publishedAt = 0;
const store = c.repository;
const timed: typeof store = Object.create(store);
timed.complete = async (...args: Parameters<typeof store.complete>) => {
  await store.complete(...args);
  windows.push(performance.now() - publishedAt);
};
const N = Number(process.argv[2] ?? 200);
for (let i = 0; i < N; i++) {
  const key = `uploads/window/${i}.txt`;
  await c.s3.send(new PutObjectCommand({ Bucket: 'nianbao-local', Key: key, Body: `not a report ${i}` }));
  await ingestObject(
    { bucket: 'nianbao-local', key },
    {
      objects: new S3ObjectSource(c.s3),
      store: timed,
      notifier: {
        publish: async () => {
          publishedAt = performance.now();
        },
      },
    },
  );
}
windows.sort((a, b) => a - b);
const q = (p: number) => windows[Math.min(windows.length - 1, Math.floor(p * windows.length))]!.toFixed(2);
console.log(JSON.stringify({ n: windows.length, p50ms: q(0.5), p99ms: q(0.99), maxms: windows.at(-1)!.toFixed(2) }));
c.destroy();
await stack.close();
await rm(dataDir, { recursive: true, force: true });
