/**
 * Real-world layout variants (test/fixtures/variants, written by generate.ts there): each is a full
 * report with consistent numbers; every readable cell must come out exact, and the findings must
 * include / exclude the listed rule ids — in particular no arithmetic error on consistent numbers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../shared/report/model.ts';
import { checkBytes } from '../../shared/usecases/check.ts';

interface Expected {
  report_year: number;
  agency: string;
  edition: '2019' | '2021';
  values: Record<string, CellValue | null>;
  /** Keys that must be absent (the cell is not in the document). */
  values_absent?: string[];
  findings_must_have: string[];
  findings_must_not_have: string[];
}

const dir = join(import.meta.dirname, '..', 'fixtures', 'variants');
const files = readdirSync(dir);
/** Every input of a variant: <name>.{txt,html} and its LibreOffice conversions <name>.lo.{docx,pdf}. */
const cases = files
  .filter((f) => f.endsWith('.expected.json'))
  .flatMap((json) => {
    const name = json.replace(/\.expected\.json$/, '');
    return files.filter((f) => f.startsWith(`${name}.`) && /\.(txt|html|docx|pdf)$/.test(f)).map((file) => ({ name: file, file, json }));
  });

describe('layout variants', () => {
  it('has the variants', () => {
    expect(new Set(cases.map((c) => c.json)).size).toBeGreaterThanOrEqual(12);
    expect(cases.some((c) => c.file.endsWith('.pdf')) && cases.some((c) => c.file.endsWith('.docx'))).toBe(true);
  });

  it.each(cases)('$name', async ({ file, json }) => {
    const expected = JSON.parse(readFileSync(join(dir, json), 'utf8')) as Expected;
    const { report, findings } = await checkBytes(new Uint8Array(readFileSync(join(dir, file))), { fileName: file });
    expect(report).toBeDefined();
    const got: Record<string, CellValue | undefined> = {};
    for (const key of Object.keys(expected.values)) got[key] = report && Object.hasOwn(report.cells, key) ? report.cells[key] : undefined;
    expect(got).toEqual(expected.values);
    for (const key of expected.values_absent ?? []) expect(report && Object.hasOwn(report.cells, key), key).toBe(false);
    expect(report?.year).toBe(expected.report_year);
    expect(report?.edition).toBe(expected.edition);
    expect(report?.agency).toBe(expected.agency);
    const ids = [...new Set(findings.map((f) => f.ruleId))].sort();
    for (const id of expected.findings_must_have) expect(ids).toContain(id);
    for (const id of expected.findings_must_not_have) expect(ids).not.toContain(id);
  });
});
