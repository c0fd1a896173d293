import { t2Key } from '../../report/template.ts';
import { t2RowName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';
import { fmt } from '../support.ts';
import { consecutiveOf, flow, stock } from './previous.ts';

const ROWS = ['regulations', 'normative'] as const;

/**
 * X2 (docs/template.md "Arithmetic": 现行有效件数 (Y) = 现行有效件数 (Y−1) + 本年制发件数 (Y) − 本年废止件数 (Y), for
 * 规章 and 行政规范性文件; both years in the 2021 edition (Y ≥ 2022).
 */
export const rule: Rule = {
  id: 'X-T2-STOCK-CONTINUITY',
  severity: 'warning',
  category: 'history',
  edition: '2021',
  title: '现行有效件数与上年不衔接',
  checks: 'For 规章 or 行政规范性文件: `valid (Y) ≠ valid (Y−1) + issued (Y) − repealed (Y)` (X2).',
  reads: ['s2.regulations.issued/.repealed/.valid', 's2.normative.issued/.repealed/.valid', 's2.*.valid (previous year)'],
  check(ctx) {
    const pair = consecutiveOf(ctx);
    if (pair?.report.edition !== '2021' || pair.previous.edition !== '2021' || pair.year < 2022) return [];
    const { report, previous, year, previousYear } = pair;
    const out: Draft[] = [];
    for (const row of ROWS) {
      const validKey = t2Key(row, 'valid');
      const issuedKey = t2Key(row, 'issued');
      const repealedKey = t2Key(row, 'repealed');
      const valid = stock(report, validKey);
      const before = stock(previous, validKey);
      const issued = flow(report, issuedKey);
      const repealed = flow(report, repealedKey);
      if (valid === undefined || before === undefined || issued === undefined || repealed === undefined) continue;
      const expected = before + issued - repealed;
      if (valid === expected) continue;
      out.push({
        message:
          `表二“${t2RowName(row, '2021')}”：${previousYear} 年报告“现行有效件数”为 ${fmt(before)}，本年（${year} 年）` +
          `制发 ${fmt(issued)} 件、废止 ${fmt(repealed)} 件，应为 ${fmt(expected)} 件，但本报告填写 ${fmt(valid)} 件，` +
          `相差 ${fmt(Math.abs(valid - expected))}（如有机构改革或文件清理，请在报告中说明）。`,
        cells: [validKey, issuedKey, repealedKey],
        expected,
        actual: valid,
      });
    }
    return out;
  },
};
