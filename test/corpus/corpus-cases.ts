/**
 * The real-report corpus (test/fixtures/corpus): loading the fixtures and their hand-read
 * `expected.json`, running each through the product's check, and scoring the cells read
 * against the hand-read values. Shared by the corpus test (the ratchet) and the measurement
 * script (test/corpus/measure.ts), so both count the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CellValue, Finding, Report } from '../../shared/report/model.ts';
import { checkBytes } from '../../shared/usecases/check.ts';

export const corpusDir = join(import.meta.dirname, '..', 'fixtures', 'corpus');

const CellValueSchema = z.union([z.number(), z.null(), z.literal('/')]);

export const ExpectedSchema = z.object({
  source_url: z.string().nullable().optional(),
  origin: z.string().optional(),
  report_year: z.number().int(),
  agency: z.string().nullable(),
  edition: z.enum(['2019', '2021', 'unknown']),
  level: z.enum(['province', 'city', 'county', 'township', 'department']).optional(),
  province: z.string().optional(),
  format: z.enum(['txt', 'html', 'pdf', 'docx']).optional(),
  complete: z.boolean().optional(),
  truncated: z.boolean(),
  layout: z.array(z.string()).optional(),
  table_style: z.string().optional(),
  values: z.record(z.string(), CellValueSchema),
  report_inconsistencies: z.array(z.object({ rule: z.string(), cells: z.array(z.string()) })).optional(),
  /**
   * What the report itself leaves out of the template (a row or column it does not print): the
   * missing-errors these cause are true. `cells`: the template cells of the omitted row or column.
   */
  report_omissions: z
    .array(z.object({ rule: z.enum(['C-ROW-MISSING', 'C-COL-MISSING', 'C-TABLE-MISSING']), cells: z.array(z.string()) }))
    .optional(),
  notes: z.string().optional(),
});
export type Expected = z.infer<typeof ExpectedSchema>;

export interface CorpusCase {
  /** The fixture's base name, e.g. `xiaogan_szfbgs_2020`. */
  name: string;
  /** The report file's name inside the corpus folder (`.txt`, `.html`, `.pdf` or `.docx`). */
  file: string;
  expected: Expected;
}

const DOCUMENT_EXTENSIONS = ['.txt', '.html', '.pdf', '.docx'];

/** Every corpus report with its hand-read expectations, sorted by name. */
export function loadCorpus(dir = corpusDir): CorpusCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((json) => {
      const name = json.slice(0, -'.expected.json'.length);
      const ext = DOCUMENT_EXTENSIONS.find((e) => existsSync(join(dir, name + e)));
      if (!ext) throw new Error(`corpus: no document beside ${json}`);
      const expected = ExpectedSchema.parse(JSON.parse(readFileSync(join(dir, json), 'utf8')));
      return { name, file: name + ext, expected };
    });
}

/** The primary layout family of a case: its first `layout` tag, or `unlabelled`. */
export function familyOf(c: CorpusCase): string {
  return c.expected.layout?.[0] ?? 'unlabelled';
}

export interface CellMiss {
  key: string;
  expected: CellValue;
  /** What the product read; `undefined` when it left the cell absent. */
  got: CellValue | undefined;
}

export interface CaseResult {
  name: string;
  family: string;
  report?: Report;
  findings: Finding[];
  cells: number;
  exact: number;
  misses: CellMiss[];
}

/** Runs one corpus report through the product's check (extract → recognize → rules) and scores it. */
export async function runCase(c: CorpusCase, dir = corpusDir): Promise<CaseResult> {
  const bytes = new Uint8Array(readFileSync(join(dir, c.file)));
  const { report, findings } = await checkBytes(bytes, { fileName: c.file });
  const misses: CellMiss[] = [];
  for (const [key, expected] of Object.entries(c.expected.values)) {
    const got = report && Object.hasOwn(report.cells, key) ? report.cells[key] : undefined;
    if (got !== expected) misses.push({ key, expected, got });
  }
  const cells = Object.keys(c.expected.values).length;
  return { name: c.name, family: familyOf(c), report, findings, cells, exact: cells - misses.length, misses };
}

const MISSING_RULES = new Set(['C-SECTION-MISSING', 'C-TABLE-MISSING', 'C-ROW-MISSING', 'C-COL-MISSING']);

/**
 * The missing-errors (a section, table, row or column reported missing) of a complete report that
 * its `report_omissions` do not explain — as a person would call them, false — as `RULE cells`;
 * and how many listed omissions were found. Incomplete reports have none (they are cut).
 */
export function missingErrors(c: CorpusCase, r: CaseResult): { unexplained: string[]; omissionsFound: number } {
  const omissions = c.expected.report_omissions ?? [];
  const errors = r.findings.filter((f) => f.severity === 'error' && MISSING_RULES.has(f.ruleId));
  const explains = (o: (typeof omissions)[number], f: Finding) =>
    o.rule === f.ruleId && (f.cells ?? []).length > 0 && (f.cells ?? []).every((k) => o.cells.includes(k));
  const unexplained = c.expected.complete
    ? errors.filter((f) => !omissions.some((o) => explains(o, f))).map((f) => `${f.ruleId} ${f.cells?.join(',') ?? ''}`.trim())
    : [];
  return { unexplained, omissionsFound: omissions.filter((o) => errors.some((f) => explains(o, f))).length };
}

/** The names of the original corpus (sets.json): the reports the tests of other parts were written around. */
export function originalCorpus(dir = corpusDir): Set<string> {
  return new Set((JSON.parse(readFileSync(join(dir, 'sets.json'), 'utf8')) as { original: string[] }).original);
}
