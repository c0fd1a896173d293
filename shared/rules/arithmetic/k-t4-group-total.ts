import { splitKey, t4ColumnName, t4GroupName } from '../labels.ts';
import type { Rule } from '../rule.ts';
import { fmt } from '../support.ts';
import { analyze, brokenOf } from './identities.ts';

/** K5: g.total = g.upheld + g.corrected + g.other + g.pending (docs/template.md "Arithmetic". */
export const rule: Rule = {
  id: 'K-T4-GROUP-TOTAL',
  severity: 'error',
  category: 'consistency',
  edition: 'both',
  title: '表四总计不符',
  checks: 'For a group g: `g.total ≠ g.upheld + g.corrected + g.other + g.pending` (K5).',
  reads: ['s4.<group>.upheld', 's4.<group>.corrected', 's4.<group>.other', 's4.<group>.pending', 's4.<group>.total'],
  check({ report }) {
    const a = analyze(report);
    if (!a) return [];
    return brokenOf(report, 'K5').map((e) => {
      const parts = e.identity.terms
        .filter((t) => t.coef > 0)
        .map((t) => `${t4ColumnName(splitKey(t.key).column)} ${fmt(Number(a.cells[t.key] ?? 0))}`)
        .join(' + ');
      const sum = e.left!;
      const total = e.right!;
      return {
        message:
          `表四“${t4GroupName(e.identity.subject)}”：${parts} = ${fmt(sum)}，` +
          `但“总计”为 ${fmt(total)}，相差 ${fmt(Math.abs(sum - total))}。`,
        cells: [...e.identity.cells],
        expected: sum,
        actual: total,
      };
    });
  },
};
