import { t2Key } from '../../report/template.ts';
import { t2RowName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';
import { fmt } from '../support.ts';
import { flow, pair2019EditionOf, stock } from './previous.ts';

const ROWS = ['license', 'other_services', 'penalty', 'coercion', 'fees'] as const;

/**
 * X3 (docs/template.md "Arithmetic": 上一年项目数量 (2020) = 上一年项目数量 (2019) + 本年增/减 (2019), for the rows of
 * (五)(六)(八) of the 2019 edition; only for Y = 2020 (both years in the 2019 edition).
 */
export const rule: Rule = {
  id: 'X-T2-MATTERS-CONTINUITY',
  severity: 'warning',
  category: 'history',
  edition: '2019',
  title: '上一年项目数量与上年报告不衔接',
  checks: 'For license, other_services, penalty, coercion, fees: `prev (2020) ≠ prev (2019) + delta (2019)` (X3).',
  reads: ['s2.*.prev (2020)', 's2.*.prev and s2.*.delta (2019)'],
  check(ctx) {
    const pair = pair2019EditionOf(ctx);
    if (!pair) return [];
    const { report, previous, year, previousYear } = pair;
    const out: Draft[] = [];
    for (const row of ROWS) {
      const prevKey = t2Key(row, 'prev');
      const now = stock(report, prevKey);
      const before = stock(previous, prevKey);
      const delta = flow(previous, t2Key(row, 'delta'));
      if (now === undefined || before === undefined || delta === undefined) continue;
      const expected = before + delta;
      if (now === expected) continue;
      out.push({
        message:
          `表二“${t2RowName(row, '2019')}”：${previousYear} 年报告“上一年项目数量”为 ${fmt(before)}、“本年增/减”为 ${fmt(delta)}，` +
          `本报告（${year} 年）“上一年项目数量”应为 ${fmt(expected)}，但填写 ${fmt(now)}，相差 ${fmt(Math.abs(now - expected))}。`,
        cells: [prevKey],
        expected,
        actual: now,
      });
    }
    return out;
  },
};
