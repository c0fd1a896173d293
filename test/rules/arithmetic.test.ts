import { describe, expect, it } from 'vitest';
import type { Report } from '../../shared/report/model.ts';
import { outcomeRows, t3Key, t4Key } from '../../shared/report/template.ts';
import { IDENTITIES } from '../../shared/rules/arithmetic/identities.ts';
import { makeReport, withCells, withRecognition } from '../support/report-factory.ts';
import { checkCase, num, type RuleCase, run } from './helpers.ts';

const r21 = makeReport({ seed: 41, edition: '2021', year: 2022 });
const r19 = makeReport({ seed: 41, edition: '2019', year: 2019 });
const n = (key: string) => num(r21, key);

const K1_NATURAL = ['new_received', 'carried_over', 'total_processed', 'carried_forward'].map((r) => t3Key(r, 'natural'));
const APPLICANTS = ['natural', 'commercial', 'research', 'social', 'legal', 'other_org'];

function subtotal(report: Report, values: Record<string, number>, group: 'denied' | 'other' = 'denied'): Report {
  const t3 = report.recognition.tables.find((t) => t.id === 't3')!;
  return withRecognition(report, {
    tables: report.recognition.tables.map((t) => (t === t3 ? { ...t, extraRows: [{ label: '小计', group, values }] } : t)),
  });
}

const deniedNatural = outcomeRows('2021')
  .filter((r) => r.startsWith('denied.'))
  .reduce((s, r) => s + n(t3Key(r, 'natural')), 0);

const cases: RuleCase[] = [
  {
    name: 'carried_forward typed 2 too high',
    rule: 'K-T3-COLUMN-IDENTITY',
    report: () => withCells(r21, { 's3.carried_forward.natural': n('s3.carried_forward.natural') + 2 }),
    fires: 1,
    severity: 'error',
    cells: K1_NATURAL,
    expected: n('s3.new_received.natural') + n('s3.carried_over.natural'),
    actual: n('s3.total_processed.natural') + n('s3.carried_forward.natural') + 2,
    message: [
      `表三“自然人”列：本年新收 ${n('s3.new_received.natural')} + 上年结转 ${n('s3.carried_over.natural')} = ${n('s3.new_received.natural') + n('s3.carried_over.natural')}`,
      `但办理结果总计 ${n('s3.total_processed.natural')} + 结转下年度 ${n('s3.carried_forward.natural') + 2}`,
      '相差 2',
    ],
  },
  {
    name: 'granted typed 3 too high',
    rule: 'K-T3-OUTCOME-SUM',
    report: () => withCells(r21, { 's3.granted.natural': n('s3.granted.natural') + 3 }),
    fires: 1,
    severity: 'error',
    cells: [...outcomeRows('2021').map((r) => t3Key(r, 'natural')), 's3.total_processed.natural'],
    expected: n('s3.total_processed.natural') + 3,
    actual: n('s3.total_processed.natural'),
    message: [`之和为 ${n('s3.total_processed.natural') + 3}`, `（七）总计为 ${n('s3.total_processed.natural')}`, '相差 3'],
  },
  {
    name: 'granted typed 3 too high (row)',
    rule: 'K-T3-ROW-TOTAL',
    report: () => withCells(r21, { 's3.granted.natural': n('s3.granted.natural') + 3 }),
    fires: 1,
    severity: 'error',
    cells: [...APPLICANTS.map((a) => t3Key('granted', a)), 's3.granted.total'],
    expected: n('s3.granted.total') + 3,
    actual: n('s3.granted.total'),
    message: ['表三“予以公开”行', `自然人 ${n('s3.granted.natural') + 3}`, `“总计”为 ${n('s3.granted.total')}`, '相差 3'],
  },
  {
    name: 'blank row total with positive parts',
    rule: 'K-T3-ROW-TOTAL-BLANK',
    report: () => withCells(r21, { 's3.granted.total': null }),
    fires: 1,
    severity: 'warning',
    expected: n('s3.granted.total'),
    message: ['予以公开', String(n('s3.granted.total'))],
  },
  {
    name: 'blank row total, derived total satisfies K2',
    rule: 'K-T3-OUTCOME-SUM',
    report: () => withCells(r21, { 's3.granted.total': null }),
    fires: 0,
  },
  { name: 'blank row total, no K3 error', rule: 'K-T3-ROW-TOTAL', report: () => withCells(r21, { 's3.granted.total': null }), fires: 0 },
  {
    name: 'subtotal row that differs',
    rule: 'K-T3-GROUP-SUBTOTAL',
    report: () => subtotal(r21, { natural: deniedNatural + 5 }),
    fires: 1,
    severity: 'warning',
    expected: deniedNatural,
    actual: deniedNatural + 5,
    message: ['不予公开', String(deniedNatural + 5), String(deniedNatural)],
  },
  { name: 'subtotal row that agrees', rule: 'K-T3-GROUP-SUBTOTAL', report: () => subtotal(r21, { natural: deniedNatural }), fires: 0 },
  {
    name: '2019 （六）其他处理 has no children',
    rule: 'K-T3-GROUP-SUBTOTAL',
    report: () => subtotal(r19, { natural: 99 }, 'other'),
    fires: 0,
  },
  {
    name: 'table 四 total off by one',
    rule: 'K-T4-GROUP-TOTAL',
    report: () => withCells(r21, { 's4.review.total': n('s4.review.total') + 1 }),
    fires: 1,
    severity: 'error',
    cells: ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => t4Key('review', c)),
    expected: n('s4.review.total'),
    actual: n('s4.review.total') + 1,
    message: ['表四“行政复议”', `结果维持 ${n('s4.review.upheld')}`, `“总计”为 ${n('s4.review.total') + 1}`, '相差 1'],
  },
  {
    name: 'blank table-四 total',
    rule: 'K-T4-TOTAL-BLANK',
    report: () => withCells(r21, { 's4.review.total': null }),
    fires: 1,
    severity: 'warning',
    expected: n('s4.review.total'),
    message: ['行政复议', String(n('s4.review.total'))],
  },
  {
    name: 'blank table-四 total over zeros',
    rule: 'K-T4-TOTAL-BLANK',
    report: () =>
      withCells(r21, {
        's4.litigation_direct.total': null,
        's4.litigation_direct.upheld': 0,
        's4.litigation_direct.corrected': 0,
        's4.litigation_direct.other': 0,
        's4.litigation_direct.pending': 0,
      }),
    fires: 0,
  },
  {
    name: 'valid below issued − repealed',
    rule: 'K-T2-STOCK-FLOOR',
    report: () => withCells(r21, { 's2.normative.issued': 10, 's2.normative.repealed': 2, 's2.normative.valid': 5 }),
    fires: 1,
    severity: 'info',
    cells: ['s2.normative.issued', 's2.normative.repealed', 's2.normative.valid'],
    expected: 8,
    actual: 5,
    message: ['现行有效件数 5', '10', '2', '8'],
  },
  {
    name: 'regulations from a department',
    rule: 'K-T2-RULEMAKING',
    report: () => withCells(r21, { 's2.regulations.issued': 2 }),
    fires: 1,
    severity: 'info',
    cells: ['s2.regulations.issued'],
    message: ['规章', '2'],
  },
  {
    name: 'regulations from a government',
    rule: 'K-T2-RULEMAKING',
    report: () => withCells(r21, { 's2.regulations.issued': 2 }),
    metadata: { issuerKind: 'government' },
    fires: 0,
  },
  {
    name: 'matters below zero',
    rule: 'K-T2-MATTERS-NONNEG',
    report: () => withCells(r19, { 's2.license.prev': 3, 's2.license.delta': -5 }),
    fires: 1,
    severity: 'error',
    cells: ['s2.license.prev', 's2.license.delta'],
    expected: 0,
    actual: -2,
    message: ['3', '-5', '-2', '行政许可'],
  },
  {
    name: 'published above cumulative total',
    rule: 'K-T2-PUBLISHED-LE-TOTAL',
    report: () => withCells(r19, { 's2.normative.made': 10, 's2.normative.published': 10, 's2.normative.total': 4 }),
    fires: 1,
    severity: 'warning',
    expected: 10,
    actual: 4,
    message: ['10', '4', '相差 6'],
  },
  {
    name: 'published above made',
    rule: 'K-T2-PUBLISHED-LE-MADE',
    report: () => withCells(r19, { 's2.normative.made': 3, 's2.normative.published': 5, 's2.normative.total': 20 }),
    fires: 1,
    severity: 'info',
    expected: 3,
    actual: 5,
    message: ['5', '3', '相差 2'],
  },
  {
    name: '2019 rule on a 2021 report',
    rule: 'K-T2-PUBLISHED-LE-MADE',
    report: () => withCells(r21, { 's2.normative.made': 3, 's2.normative.published': 5 }),
    fires: 0,
  },
];

describe('arithmetic rules', () => {
  it.each(cases)('$rule: $name', (c) => {
    checkCase(c);
  });

  it('declares the identities once: 7 K1, 7 K2, one K3 per row, 3 K5', () => {
    for (const ed of ['2019', '2021'] as const) {
      const kinds = IDENTITIES[ed].map((i) => i.kind);
      expect(kinds.filter((k) => k === 'K1')).toHaveLength(7);
      expect(kinds.filter((k) => k === 'K2')).toHaveLength(7);
      expect(kinds.filter((k) => k === 'K3')).toHaveLength(ed === '2019' ? 23 : 25);
      expect(kinds.filter((k) => k === 'K5')).toHaveLength(3);
    }
    const k2 = IDENTITIES['2021'].find((i) => i.kind === 'K2')!;
    expect(k2.terms.filter((t) => t.coef === 1)).toHaveLength(21);
  });

  it('is silent when an operand is absent (not assessable)', () => {
    const out = withCells(r21, { 's3.carried_forward.natural': undefined, 's3.granted.natural': n('s3.granted.natural') + 1 });
    const ids = run(out)
      .filter((f) => f.ruleId.startsWith('K-'))
      .map((f) => `${f.ruleId} ${f.cells?.at(-1)}`);
    // K1(natural) needs carried_forward.natural: not assessed; K2(natural) and K3(granted) still are.
    expect(ids).toEqual(['K-T3-OUTCOME-SUM s3.total_processed.natural', 'K-T3-ROW-TOTAL s3.granted.total']);
  });

  it('reads blank and "/" as 0 (lenient sums)', () => {
    const out = withCells(r21, { 's3.partial.research': 0 });
    const zero = Object.entries(out.cells)
      .filter(([k, v]) => k.startsWith('s3.') && v === 0)
      .map(([k]) => k);
    const patch = Object.fromEntries(zero.map((k, i) => [k, i % 2 ? null : '/'] as const));
    expect(run(withCells(out, patch)).filter((f) => f.ruleId.startsWith('K-') && f.severity === 'error')).toEqual([]);
  });

  it('names the suspect: K1 failing only in 总计 points at a row total', () => {
    const bad = withCells(r21, { 's3.new_received.total': n('s3.new_received.total') + 4 });
    const k = run(bad).filter((f) => f.ruleId.startsWith('K-'));
    expect(k.map((f) => f.ruleId)).toEqual(['K-T3-COLUMN-IDENTITY', 'K-T3-ROW-TOTAL']);
    for (const f of k) {
      expect(f.suspect).toBe('s3.new_received.total');
      expect(f.message).toContain(`现为 ${n('s3.new_received.total') + 4}`);
      expect(f.message).toContain(`若改为 ${n('s3.new_received.total')}`);
    }
  });

  it('names no suspect when two unrelated cells are wrong', () => {
    const bad = withCells(r21, { 's3.granted.natural': n('s3.granted.natural') + 1, 's4.review.total': n('s4.review.total') + 1 });
    const k = run(bad).filter((f) => f.ruleId.startsWith('K-'));
    expect(k.length).toBe(3);
    expect(k.every((f) => f.suspect === undefined)).toBe(true);
  });
});
