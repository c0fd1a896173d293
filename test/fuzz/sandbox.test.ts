import { afterAll, describe, expect, it } from 'vitest';
import { Sandbox } from './sandbox.ts';

describe('the fuzz sandbox', () => {
  const sandbox = new Sandbox({ budgetMs: 1500, heapMb: 64, script: new URL('../fixtures/fuzz/probe-worker.mjs', import.meta.url) });
  afterAll(() => sandbox.close());

  it('a synchronous hang becomes a hang verdict, a throw or an exhausted heap a crash, and the next case runs on a fresh worker', async () => {
    const verdicts = [];
    for (const first of [0, 1, 0, 2, 0, 3, 0]) verdicts.push(await sandbox.run(new Uint8Array([first])));
    expect(verdicts.map((v) => (v.kind === 'ok' ? v.outcome : v.kind))).toEqual([
      'report',
      'hang',
      'report',
      'crash',
      'report',
      'crash',
      'report',
    ]);
    expect(verdicts[3]).toMatchObject({ error: expect.stringContaining('probe crash') });
    expect(verdicts[5]).toMatchObject({ error: expect.stringMatching(/memory|heap/i) });
    expect(verdicts[1]!.ms).toBeGreaterThanOrEqual(1500);
  }, 30_000);
});
