import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/report/model.ts';
import { diffFindings, findingIdentity, sameFindings } from '../../../shared/rules/diff.ts';
import { validate } from '../../../shared/rules/index.ts';
import { revalidate } from '../../../shared/rules/revalidate.ts';
import { withCells, withReport } from '../../support/report-factory.ts';
import { n, yearPair } from './pairs.ts';

const f = (ruleId: string, message: string, cells?: string[]): Finding => ({
  ruleId,
  severity: 'warning',
  category: 'history',
  message,
  ...(cells ? { cells } : {}),
});

describe('diffFindings', () => {
  it('compares by rule id, cells in any order and message, as multisets', () => {
    const a = f('X-T3-CARRYOVER', 'm', ['b', 'a']);
    const a2 = { ...f('X-T3-CARRYOVER', 'm', ['a', 'b']), severity: 'info' as const };
    const b = f('K-T3-ROW-TOTAL', 'x');
    const c = f('K-T3-ROW-TOTAL', 'y');
    expect(findingIdentity(a)).toBe(findingIdentity(a2));
    const d = diffFindings([a, b, b], [a2, b, c]);
    expect(d.marked.map((m) => m.change)).toEqual(['unchanged', 'unchanged', 'new']);
    expect(d.added).toEqual([c]);
    expect(d.unchanged).toEqual([a2, b]);
    expect(d.resolved).toEqual([b]);
    expect(sameFindings([a, b], [b, a2])).toBe(true);
    expect(sameFindings([a, b], [a, c])).toBe(false);
    expect(sameFindings([b], [b, b])).toBe(false);
  });
});

describe('revalidate', () => {
  it('reports nothing changed when the stored findings are what the rules give now', () => {
    const { previous, report } = yearPair({ year: 2022, edition: '2021' });
    const broken = withCells(report, { 's2.normative.valid': n(report, 's2.normative.valid') + 1 });
    const stored = [
      { id: 'p', report: previous, findings: validate({ report: previous }) },
      { id: 'r', report: broken, previous, findings: validate({ report: broken, previous }) },
    ];
    const { findings, changed } = revalidate(stored);
    expect(changed).toEqual([]);
    expect(findings[1]!.map((x) => x.ruleId)).toEqual(['X-T2-STOCK-CONTINUITY']);
  });

  it('reports new and resolved findings after a rule change (stored by an older ruleset)', () => {
    const { previous, report } = yearPair({ year: 2022, edition: '2021' });
    const before = n(previous, 's3.carried_forward.natural');
    // Carried over and carried forward both +2: table 三 still balances (K1), last year's does not match.
    const plus2 = (key: string) => n(report, key) + 2;
    const broken = withCells(report, {
      's3.carried_over.natural': before + 2,
      's3.carried_over.total': plus2('s3.carried_over.total'),
      's3.carried_forward.natural': plus2('s3.carried_forward.natural'),
      's3.carried_forward.total': plus2('s3.carried_forward.total'),
    });
    // The older ruleset had no X-T3-CARRYOVER but a (since withdrawn) wording of another finding.
    const obsolete = f('T-S5-PRIOR-RECTIFICATION', '旧版规则的提示。');
    const stored = [
      { id: '2021', report: previous, findings: [] },
      { id: '2022', report: broken, findings: [obsolete] },
    ];
    const { findings, changed } = revalidate(stored);
    expect(findings[0]).toEqual([]);
    expect(findings[1]!.map((x) => x.ruleId)).toEqual(['X-T3-CARRYOVER', 'X-T3-CARRYOVER']);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ index: 1, id: '2022', agency: broken.agency, year: 2022, unchanged: 0 });
    expect(changed[0]!.added.map((x) => [x.ruleId, x.cells, x.expected, x.actual])).toEqual([
      ['X-T3-CARRYOVER', ['s3.carried_over.natural'], before, before + 2],
      ['X-T3-CARRYOVER', ['s3.carried_over.total'], n(previous, 's3.carried_forward.total'), n(broken, 's3.carried_over.total')],
    ]);
    expect(changed[0]!.resolved).toEqual([obsolete]);
  });

  it('pairs a report with the same agency’s Y−1 report of the batch only when asked and identity is certain', () => {
    const { previous, report } = yearPair({ year: 2022, edition: '2021' });
    const broken = withCells(report, { 's2.normative.valid': n(report, 's2.normative.valid') + 3 });
    const batch = [{ report: broken }, { report: previous }];
    expect(revalidate(batch).findings[0]!.map((x) => x.ruleId)).toEqual(['X-T2-STOCK-CONTINUITY']);
    expect(revalidate(batch, { pairWithinBatch: false }).findings[0]).toEqual([]);
    const elsewhere = [{ report: broken }, { report: withReport(previous, { agency: '生态环境局' }) }];
    expect(revalidate(elsewhere).findings[0]).toEqual([]);
  });

  it('validates what it is given (zod at the boundary)', () => {
    expect(() => revalidate([{ report: { edition: '2022' } } as never])).toThrow();
  });
});
