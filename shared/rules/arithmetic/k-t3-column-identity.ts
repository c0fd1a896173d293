import { splitKey, T3_SHORT, t3ColumnName } from '../labels.ts';
import type { Rule } from '../rule.ts';
import { fmt } from '../support.ts';
import { analyze, brokenOf } from './identities.ts';

/** K1: new_received.c + carried_over.c = total_processed.c + carried_forward.c (docs/template.md "Arithmetic". */
export const rule: Rule = {
  id: 'K-T3-COLUMN-IDENTITY',
  severity: 'error',
  category: 'consistency',
  edition: 'both',
  title: '表三列勾稽关系不成立',
  checks:
    'For a column c ∈ C3: `new_received.c + carried_over.c ≠ total_processed.c + carried_forward.c` (K1). `expected` = left side, `actual` = right side.',
  reads: ['s3.new_received.*', 's3.carried_over.*', 's3.total_processed.*', 's3.carried_forward.*'],
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
