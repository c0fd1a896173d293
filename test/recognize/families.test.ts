/**
 * The layout families of issue 14, one fixture each (test/fixtures/families/README.md): every
 * fixture is the zhujian spec published in one family's layout, and its `.expected.json` says how
 * the cells must read (the spec's values unless overridden; `"absent"` = not read) and which
 * findings must and must not appear.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CellValue } from '../../shared/report/model.ts';
import { checkBytes } from '../../shared/usecases/check.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'families');
const FORMATS = join(import.meta.dirname, '..', 'fixtures', 'formats');

const ExpectedSchema = z.object({
  family: z.number().int(),
  title: z.string(),
  base: z.string(),
  /** Overrides of the base spec's cells; a key ending in `*` covers every base key with that prefix. */
  cells: z.record(z.string(), z.union([z.number(), z.null(), z.literal('/'), z.literal('absent')])),
  findings: z.object({ present: z.record(z.string(), z.number().int()), absent: z.array(z.string()) }),
  /** How cells were placed (CellOrigin.reading); `*` as in `cells`. */
  readings: z.record(z.string(), z.string()).optional(),
});

const matches = (pattern: string, key: string) => (pattern.endsWith('*') ? key.startsWith(pattern.slice(0, -1)) : key === pattern);

function expectedCells(
  base: Record<string, CellValue>,
  overrides: Record<string, CellValue | 'absent'>,
): Record<string, CellValue | 'absent'> {
  const out: Record<string, CellValue | 'absent'> = { ...base };
  for (const [pattern, value] of Object.entries(overrides)) {
    if (!pattern.endsWith('*')) out[pattern] = value;
    else for (const key of Object.keys(base)) if (matches(pattern, key)) out[key] = value;
  }
  return out;
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((json) => {
    const name = json.slice(0, -'.expected.json'.length);
    const file = readdirSync(DIR).find((f) => f.startsWith(`${name}.`) && /\.(txt|pdf|html|docx)$/.test(f))!;
    return { name, file, expected: ExpectedSchema.parse(JSON.parse(readFileSync(join(DIR, json), 'utf8'))) };
  });

describe('layout families (issue 14)', () => {
  it('has a fixture for every family', () => {
    expect([...new Set(cases.map((c) => c.expected.family))].sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
    ]);
  });

  it.each(cases)('$name', async ({ file, expected }) => {
    const base = (JSON.parse(readFileSync(join(FORMATS, `${expected.base}.json`), 'utf8')) as { cells: Record<string, CellValue> }).cells;
    const { report, findings } = await checkBytes(new Uint8Array(readFileSync(join(DIR, file))), { fileName: file });
    expect(report).toBeDefined();
    const want = expectedCells(base, expected.cells);
    const got = Object.fromEntries(Object.keys(want).map((k) => [k, Object.hasOwn(report!.cells, k) ? report!.cells[k] : 'absent']));
    expect(got).toEqual(want);
    // No cell read beyond the expected ones.
    expect(Object.keys(report!.cells).filter((k) => !(k in want))).toEqual([]);

    const ids = findings.map((f) => f.ruleId);
    for (const [rule, count] of Object.entries(expected.findings.present)) {
      expect(
        ids.filter((id) => id === rule),
        rule,
      ).toHaveLength(count);
    }
    for (const pattern of expected.findings.absent) {
      expect(
        ids.filter((id) => matches(pattern, id)),
        pattern,
      ).toEqual([]);
    }
    for (const [pattern, reading] of Object.entries(expected.readings ?? {})) {
      const keys = Object.keys(want).filter((k) => matches(pattern, k) && want[k] !== 'absent');
      expect(keys.length, pattern).toBeGreaterThan(0);
      for (const k of keys) expect(report!.cellSources[k]?.reading, k).toBe(reading);
    }
  });
});
