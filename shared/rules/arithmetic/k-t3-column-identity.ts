import { splitKey, T3_SHORT, t3ColumnName } from '../labels.ts';
import type { Rule } from '../rule.ts';
import { fmt } from '../support.ts';
import { analyze, brokenOf } from './identities.ts';

/** K1: new_received.c + carried_over.c = total_processed.c + carried_forward.c (spec §5.1). */
export const rule: Rule = {
  id: 'K-T3-COLUMN-IDENTITY',
  check({ report }) {
    const a = analyze(report);
    if (!a) return [];
    return brokenOf(report, 'K1').map((e) => {
      const side = (sign: number) =>
        e.identity.terms
          .filter((t) => t.coef === sign)
          .map((t) => `${T3_SHORT[splitKey(t.key).row]} ${fmt(Number(a.cells[t.key] ?? 0))}`)
          .join(' + ');
      const left = e.left!;
      const right = e.right!;
      return {
        message:
          `表三“${t3ColumnName(e.identity.subject)}”列：${side(1)} = ${fmt(left)}，` +
          `但${side(-1)} = ${fmt(right)}，相差 ${fmt(Math.abs(left - right))}。`,
        cells: [...e.identity.cells],
        expected: left,
        actual: right,
      };
    });
  },
};
