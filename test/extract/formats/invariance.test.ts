/**
 * Format invariance: every generated report gives the same Document tables (HTML, DOCX, PDF) and
 * the same report cells and findings through checkBytes (text, HTML, DOCX, PDF).
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../shared/extract/index.ts';
import type { Block, Finding, TableBlock } from '../../../shared/report/model.ts';
import { checkBytes } from '../../../shared/usecases/check.ts';
import { gridTexts, items, loadSpecs } from '../../fixtures/formats/render.ts';
import { fixture } from './fixtures.ts';

const FORMATS = ['txt', 'html', 'docx', 'pdf'] as const;
const specs = loadSpecs();

/** Findings that may legitimately differ by format (remarks about the container, not the report). */
function formatIndependent(findings: Finding[]): string[] {
  return findings
    .filter((f) => !(f.severity === 'info' && (f.category === 'format' || f.category === 'input')))
    .map((f) => `${f.ruleId} ${f.severity} ${f.message} [${(f.cells ?? []).join(',')}]`)
    .sort();
}
const prose = (blocks: Block[]): string[] =>
  blocks.flatMap((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? [b.text.replace(/\s+/g, '')] : []));

/** Per spec: the findings each report must (and must not) have. */
const EXPECTED: Record<string, { has: string[]; errors: number }> = {
  'heilongjiang-gxt-2022': { has: [], errors: 0 },
  'shengtai-2020-ed2019': { has: [], errors: 0 },
  'zhujian-2021-ed2021': { has: ['C-CELL-BLANK', 'C-CELL-NA'], errors: 0 },
  'zhujian-2023-arith-error': { has: ['K-T3-ROW-TOTAL', 'K-T3-OUTCOME-SUM'], errors: 2 },
};

describe.each(specs)('$name: Document level (HTML, DOCX, PDF)', async (spec) => {
  const docs = Object.fromEntries(
    await Promise.all((['html', 'docx', 'pdf'] as const).map(async (f) => [f, await extract(fixture(`${spec.name}.${f}`))] as const)),
  );
  const expectedTables = items(spec).flatMap((it) => (it.kind === 'table' ? [gridTexts(it.table)] : []));

  it.each(['html', 'docx', 'pdf'])('%s: table grids equal the rendered template tables', (format) => {
    const got = docs[format]!.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(got.map((t) => t.rows.map((r) => r.map((c) => c.text)))).toEqual(expectedTables);
  });

  it('span flags agree across formats', () => {
    const flags = (f: string): boolean[][][] =>
      docs[f]!.blocks.filter((b): b is TableBlock => b.kind === 'table').map((t) => t.rows.map((r) => r.map((c) => c.span === true)));
    expect(flags('docx')).toEqual(flags('html'));
    expect(flags('pdf')).toEqual(flags('html'));
  });

  it('headings and paragraphs agree (whitespace aside)', () => {
    expect(prose(docs.docx!.blocks)).toEqual(prose(docs.html!.blocks));
    expect(prose(docs.pdf!.blocks)).toEqual(prose(docs.html!.blocks));
  });
});

describe.each(specs)('$name: checkBytes (text, HTML, DOCX, PDF)', async (spec) => {
  const results = Object.fromEntries(
    await Promise.all(FORMATS.map(async (f) => [f, await checkBytes(fixture(`${spec.name}.${f}`))] as const)),
  );

  it.each(FORMATS)('%s: report.cells are the spec values', (format) => {
    const report = results[format]!.report;
    expect(report?.edition).toBe(spec.edition);
    expect(report?.year).toBe(spec.year);
    expect(report?.cells).toEqual(spec.cells);
  });

  it.each(['html', 'docx', 'pdf'])('%s: the same findings as the text', (format) => {
    expect(formatIndependent(results[format]!.findings)).toEqual(formatIndependent(results.txt!.findings));
  });

  it('the expected findings are there', () => {
    const { has, errors } = EXPECTED[spec.name]!;
    const findings = results.txt!.findings;
    const ids = findings.map((f) => f.ruleId);
    for (const id of has) expect(ids).toContain(id);
    expect(
      findings
        .filter((f) => f.severity === 'error')
        .map((f) => f.ruleId)
        .sort(),
    ).toHaveLength(errors);
  });
});
