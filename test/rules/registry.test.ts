import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/report/model.ts';
import { CATALOGUE, type RuleId } from '../../shared/rules/catalogue.ts';
import { HISTORY_RULES } from '../../shared/rules/history/index.ts';
import { sortFindings } from '../../shared/rules/index.ts';
import { REPORT_RULES, RULES } from '../../shared/rules/registry.ts';
import { makeReport } from '../support/report-factory.ts';
import { run } from './helpers.ts';

const GROUPS: Record<string, string> = { M: 'metadata', E: 'metadata', C: 'structure', P: 'values', K: 'arithmetic', T: 'text' };
/** Catalogue ids of docs/rules.md: everything but the input (I-*) and cross-year (X-*, H-*) ids. */
const IN_REPORT_IDS = (Object.keys(CATALOGUE) as RuleId[]).filter((id) => !/^(I|X|H)-/.test(id));

describe('the rule registry', () => {
  it('has one rule per in-report catalogue id, in catalogue order', () => {
    expect(IN_REPORT_IDS).toHaveLength(59); // 56 of the template catalogue, and C-TABLE-UNFILLED, P-STRAY-MARK, P-ROW-AMBIGUOUS
    expect(REPORT_RULES.map((r) => r.id)).toEqual(IN_REPORT_IDS);
    expect(RULES.slice(REPORT_RULES.length)).toEqual([...HISTORY_RULES]);
  });

  it.each(IN_REPORT_IDS)('%s lives in shared/rules/<group>/<id>.ts', (id) => {
    const path = fileURLToPath(new URL(`../../shared/rules/${GROUPS[id[0]!]}/${id.toLowerCase()}.ts`, import.meta.url));
    expect(existsSync(path)).toBe(true);
  });

  it.each(IN_REPORT_IDS)('%s does not fire on clean reports of either edition', (id) => {
    for (const edition of ['2019', '2021'] as const) {
      for (const seed of [1, 2, 3]) {
        expect(run(makeReport({ seed, edition })).filter((f) => f.ruleId === id)).toEqual([]);
      }
    }
  });

  it('finds nothing at all in 100 clean generated reports (no K-* error in particular)', () => {
    for (const edition of ['2019', '2021'] as const) {
      for (let seed = 1; seed <= 50; seed++) {
        expect(run(makeReport({ seed, edition })), `${edition} seed ${seed}`).toEqual([]);
      }
    }
  });

  it('sorts by severity, then catalogue order, then cell order, stably', () => {
    const f = (ruleId: string, severity: Finding['severity'], cells?: string[], message = 'x'): Finding => ({
      ruleId,
      severity,
      category: 'format',
      message,
      ...(cells ? { cells } : {}),
    });
    const input = [
      f('C-CELL-NA', 'info', ['s3.granted.total']),
      f('K-T3-ROW-TOTAL', 'error', ['s3.partial.natural']),
      f('C-CELL-NA', 'warning', ['s3.granted.natural']),
      f('K-T3-ROW-TOTAL', 'error', ['s3.granted.natural']),
      f('C-SECTION-MISSING', 'error', undefined, 'a'),
      f('C-SECTION-MISSING', 'error', undefined, 'b'),
      f('C-CELL-NA', 'info', ['s2.regulations.issued']),
    ];
    expect(sortFindings(input).map((x) => `${x.severity} ${x.ruleId} ${x.cells?.[0] ?? x.message}`)).toEqual([
      'error C-SECTION-MISSING a',
      'error C-SECTION-MISSING b',
      'error K-T3-ROW-TOTAL s3.granted.natural',
      'error K-T3-ROW-TOTAL s3.partial.natural',
      'warning C-CELL-NA s3.granted.natural',
      'info C-CELL-NA s2.regulations.issued',
      'info C-CELL-NA s3.granted.total',
    ]);
  });
});
