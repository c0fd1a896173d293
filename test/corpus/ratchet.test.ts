/**
 * The whole real-report corpus through `checkBytes` (the path of `npx nianbao check`), as a ratchet:
 * every hand-read cell exact except the ones listed in test/fixtures/corpus/known-misses.json (each
 * with its family), and the test fails both on a new miss and on a listed miss that is now read, so
 * the list only shrinks. And the error findings a person would call false: no section, table, row
 * or column reported missing on a complete report unless the report itself omits it
 * (`report_omissions`, every one found) or the miss is listed with its reason (known-misses.json
 * `errors`, which only shrinks); no K-* error on a report whose numbers are consistent
 * (`report_inconsistencies` empty); every listed inconsistency found.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { corpusDir, loadCorpus, missingErrors, runCase } from './corpus-cases.ts';

const KnownMissesSchema = z.record(
  z.string(),
  z.object({
    family: z.string(),
    why: z.string(),
    cells: z.array(z.string()),
    /** Missing-errors of a complete report the recognizer still gets wrong (`RULE cells`), each explained in `why`. */
    errors: z.array(z.string()).optional(),
  }),
);
const KNOWN = KnownMissesSchema.parse(JSON.parse(readFileSync(join(corpusDir, 'known-misses.json'), 'utf8')));

const cases = loadCorpus();

describe('corpus ratchet', () => {
  it('holds the whole corpus, and the known misses name corpus reports', () => {
    expect(cases.length).toBeGreaterThanOrEqual(99);
    const names = new Set(cases.map((c) => c.name));
    expect(Object.keys(KNOWN).filter((n) => !names.has(n))).toEqual([]);
  });

  it.each(cases)('$name', async (c) => {
    const r = await runCase(c);
    expect(r.misses.map((m) => m.key).sort(), 'missed cells (known-misses.json)').toEqual([...(KNOWN[c.name]?.cells ?? [])].sort());

    const errors = r.findings.filter((f) => f.severity === 'error');
    const missing = missingErrors(c, r);
    expect(missing.unexplained.sort(), 'missing-errors not explained by report_omissions (known-misses.json errors)').toEqual(
      [...(KNOWN[c.name]?.errors ?? [])].sort(),
    );
    expect(missing.omissionsFound, 'report_omissions found').toBe(c.expected.report_omissions?.length ?? 0);
    const listed = c.expected.report_inconsistencies ?? [];
    const kErrors = errors.filter((f) => f.ruleId.startsWith('K-'));
    if (listed.length === 0) expect(kErrors.map((f) => f.message)).toEqual([]);
    for (const i of listed)
      expect(
        kErrors.map((f) => f.ruleId),
        `${i.rule} listed`,
      ).toContain(i.rule);
  });
});
