/**
 * A small sample of the fuzzer (npm run fuzz runs thousands: see RELIABILITY.md), in process:
 * every case through checkBytes ends as a Report or an input finding with a Chinese message.
 * The test timeout guards against a hang. A failure prints fast-check's seed and shrunk case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBytes } from '../../shared/usecases/check.ts';
import { FORMATS } from './corpus.ts';
import { CASES, DEFAULT_SEED } from './generators.ts';
import { judge, outcomeOf } from './outcome.ts';

describe('fuzz sample: every case ends as a report or an input finding', () => {
  it.each(FORMATS)(
    '%s',
    async (format) => {
      const outcomes = new Set<string>();
      await fc.assert(
        fc.asyncProperty(CASES[format], async (fuzz) => {
          const result = await checkBytes(fuzz.bytes, { fileName: 'report' });
          outcomes.add(outcomeOf(result));
          expect(judge(result), `${fuzz.base}: ${fuzz.steps.join(' | ')}`).toBeUndefined();
        }),
        { seed: DEFAULT_SEED, numRuns: format === 'pdf' ? 12 : 30 },
      );
      // the sample reaches recognition and rules, not only the readers' refusals
      expect(outcomes).toContain('report');
    },
    60_000,
  );
});

describe('judge', () => {
  const input = { ruleId: 'I-EMPTY', severity: 'error', category: 'input', message: '文件为空' } as const;
  it.each([
    { name: 'an input finding', result: { findings: [input] }, ok: true },
    { name: 'a report', result: { report: {} as never, findings: [] }, ok: true },
    { name: 'nothing at all', result: { findings: [] }, ok: false },
    { name: 'an English message', result: { findings: [{ ...input, message: 'empty file' }] }, ok: false },
    {
      name: 'no report and no input finding',
      result: { findings: [{ ...input, ruleId: 'K-T3-ROW-TOTAL', category: 'consistency' }] },
      ok: false,
    },
  ] as const)('$name → ok: $ok', ({ result, ok }) => {
    expect(judge(result as never) === undefined).toBe(ok);
  });
});
