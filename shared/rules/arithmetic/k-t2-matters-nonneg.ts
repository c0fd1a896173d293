import { t2Key } from '../../report/template.ts';
import { t2RowName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';
import { cell, fmt, lenient } from '../support.ts';

const ROWS = ['license', 'other_services', 'penalty', 'coercion', 'fees'];

/** K10 (2019): prev + delta ≥ 0 for the matters of (五)(六)(八). */
export const rule: Rule = {
  id: 'K-T2-MATTERS-NONNEG',
  severity: 'error',
  category: 'consistency',
  edition: '2019',
  title: '事项数量增减后为负',
  checks: '`prev + delta < 0` for a row of (五)(六)(八) (K10).',
  reads: [
    's2.license.prev/.delta',
    's2.other_services.prev/.delta',
    's2.penalty.prev/.delta',
    's2.coercion.prev/.delta',
    's2.fees.prev/.delta',
  ],
  check({ report }) {
    const out: Draft[] = [];
    for (const row of ROWS) {
      const keys = [t2Key(row, 'prev'), t2Key(row, 'delta')];
      const [prev, delta] = keys.map((k) => lenient(cell(report, k)));
      if (prev === undefined || delta === undefined || prev + delta >= 0) continue;
      out.push({
        message: `表二“${t2RowName(row, '2019')}”：上一年项目数量 ${fmt(prev)} 加本年增/减 ${fmt(delta)} 得 ${fmt(prev + delta)}，事项数量不能为负。`,
        cells: keys,
        expected: 0,
        actual: prev + delta,
      });
    }
    return out;
  },
};
