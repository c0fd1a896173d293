import { t2Key } from '../../report/template.ts';
import { t2RowName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';
import { cell, fmt, lenient } from '../support.ts';

/** K11 (2019): total ≥ published for 规章 and 规范性文件. */
export const rule: Rule = {
  id: 'K-T2-PUBLISHED-LE-TOTAL',
  severity: 'warning',
  category: 'consistency',
  edition: '2019',
  title: '本年新公开数量大于对外公开总数量',
  checks: '`total < published` for 规章 or 规范性文件 (K11).',
  reads: ['s2.regulations.published/.total', 's2.normative.published/.total'],
  check({ report }) {
    const out: Draft[] = [];
    for (const row of ['regulations', 'normative']) {
      const keys = [t2Key(row, 'published'), t2Key(row, 'total')];
      const [published, total] = keys.map((k) => lenient(cell(report, k)));
      if (published === undefined || total === undefined || total >= published) continue;
      out.push({
        message: `表二“${t2RowName(row, '2019')}”：本年新公开数量 ${fmt(published)} 大于对外公开总数量 ${fmt(total)}，相差 ${fmt(published - total)}。`,
        cells: keys,
        expected: published,
        actual: total,
      });
    }
    return out;
  },
};
