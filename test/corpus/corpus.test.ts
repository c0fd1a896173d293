/**
 * Every corpus report and the seed, end to end through the real extractor and recognizer:
 * every hand-read cell value, the report year, the edition and (where the text carries it) the agency.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../shared/extract/text.ts';
import { recognize } from '../../shared/recognize/index.ts';
import { type CellValue, ReportSchema } from '../../shared/report/model.ts';

interface Expected {
  report_year: number;
  agency: string | null;
  edition: '2019' | '2021' | 'unknown';
  truncated: boolean;
  values: Record<string, CellValue>;
}

const fixtures = join(import.meta.dirname, '..', 'fixtures');
/** The original corpus (test/fixtures/corpus/sets.json): every hand-read cell exact. The reports added since are measured by test/corpus/measure.ts. */
const ORIGINAL = new Set((JSON.parse(readFileSync(join(fixtures, 'corpus', 'sets.json'), 'utf8')) as { original: string[] }).original);
const cases = [
  ...readdirSync(join(fixtures, 'corpus'))
    .filter((f) => f.endsWith('.expected.json') && ORIGINAL.has(f.slice(0, -'.expected.json'.length)))
    .map((f) => join('corpus', f)),
  join('seed', 'heilongjiang-gxt-2022.expected.json'),
].map((json) => ({ name: json.replace(/\.expected\.json$/, ''), json }));

/** Reports whose tables cannot be read with certainty: no table values at all. */
const NO_TABLE_VALUES = new Set(['corpus/xiongxian_township_2019_dedup', 'corpus/gongxian_bureau_2020_tables_missing']);

describe('corpus', () => {
  it('has every corpus report', () => {
    expect(cases.length).toBeGreaterThanOrEqual(14);
  });

  it.each(cases)('$name', ({ name, json }) => {
    const expected = JSON.parse(readFileSync(join(fixtures, json), 'utf8')) as Expected;
    const bytes = new Uint8Array(readFileSync(join(fixtures, `${name}.txt`)));
    const text = new TextDecoder().decode(bytes);
    const r = ReportSchema.parse(recognize(extractText(bytes)));

    const got: Record<string, CellValue | undefined> = {};
    for (const key of Object.keys(expected.values)) got[key] = Object.hasOwn(r.cells, key) ? r.cells[key] : undefined;
    expect(got).toEqual(expected.values);

    expect(r.year).toBe(expected.report_year);
    if (expected.edition !== 'unknown') expect(r.edition).toBe(expected.edition);
    if (expected.agency !== null && text.includes(expected.agency)) expect(r.agency).toBe(expected.agency);
    if (expected.agency === null) expect(r.agency).toBeNull();
    if (NO_TABLE_VALUES.has(name)) {
      expect(Object.keys(r.cells).filter((k) => /^s[234]\./.test(k))).toEqual([]);
    }
    // Every value read has its origin.
    for (const key of Object.keys(r.cells)) expect(r.cellSources[key]?.line).toBeGreaterThan(0);
    if (expected.truncated) expect(r.recognition.tables.some((t) => t.cut) || r.recognition.tables.length === 0).toBe(true);
  });
});
