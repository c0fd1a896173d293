import { splitKey, t4ColumnName, t4GroupName } from '../labels.ts';
import type { Rule } from '../rule.ts';
import { fmt } from '../support.ts';
import { analyze, brokenOf } from './identities.ts';

/** K5: g.total = g.upheld + g.corrected + g.other + g.pending (spec §5.2). */
export const rule: Rule = {
  id: 'K-T4-GROUP-TOTAL',
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
