import { t2Key } from '../../report/template.ts';
import { t2RowName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';
import { cell, fmt, lenient } from '../support.ts';

/** K12 (2019): published ≤ made (info: older documents may be published later). */
export const rule: Rule = {
  id: 'K-T2-PUBLISHED-LE-MADE',
  severity: 'info',
  category: 'consistency',
  edition: '2019',
  title: '本年新公开数量大于本年新制作数量',
  checks: '`published > made` (K12).',
  reads: ['s2.regulations.made/.published', 's2.normative.made/.published'],
  check({ report }) {
    const out: Draft[] = [];
    for (const row of ['regulations', 'normative']) {
      const keys = [t2Key(row, 'made'), t2Key(row, 'published')];
      const [made, published] = keys.map((k) => lenient(cell(report, k)));
      if (made === undefined || published === undefined || published <= made) continue;
      out.push({
        message: `表二“${t2RowName(row, '2019')}”：本年新公开数量 ${fmt(published)} 大于本年新制作数量 ${fmt(made)}，相差 ${fmt(published - made)}。`,
        cells: keys,
        expected: made,
        actual: published,
      });
    }
    return out;
  },
};
