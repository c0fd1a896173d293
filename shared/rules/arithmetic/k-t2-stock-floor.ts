import { t2Key } from '../../report/template.ts';
import { t2RowName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';
import { cell, fmt, lenient } from '../support.ts';

/** K7 (2021): valid ≥ issued − repealed for 规章 and 行政规范性文件. */
export const rule: Rule = {
  id: 'K-T2-STOCK-FLOOR',
  severity: 'info',
  category: 'consistency',
  edition: '2021',
  title: '现行有效件数偏少',
  checks: '`valid < issued − repealed` for 规章 or 行政规范性文件 (K7).',
  reads: ['s2.regulations.issued/.repealed/.valid', 's2.normative.issued/.repealed/.valid'],
  check({ report }) {
    const out: Draft[] = [];
    for (const row of ['regulations', 'normative']) {
      const keys = ['issued', 'repealed', 'valid'].map((c) => t2Key(row, c));
      const [issued, repealed, valid] = keys.map((k) => lenient(cell(report, k)));
      if (issued === undefined || repealed === undefined || valid === undefined) continue;
      if (valid >= issued - repealed) continue;
      out.push({
        message: `表二“${t2RowName(row, '2021')}”：现行有效件数 ${fmt(valid)} 少于本年制发 ${fmt(issued)} − 本年废止 ${fmt(repealed)} = ${fmt(issued - repealed)}。`,
        cells: keys,
        expected: issued - repealed,
        actual: valid,
      });
    }
    return out;
  },
};
