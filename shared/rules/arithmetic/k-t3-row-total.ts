import { splitKey, t3ColumnName, t3RowName } from '../labels.ts';
import type { Rule } from '../rule.ts';
import { fmt } from '../support.ts';
import { analyze, brokenOf } from './identities.ts';

/** K3: r.total = Σ over the six applicant columns (docs/template.md "Arithmetic". */
export const rule: Rule = {
  id: 'K-T3-ROW-TOTAL',
  severity: 'error',
  category: 'consistency',
  edition: 'both',
  title: '表三行总计不符',
  checks: 'For a data row r with a numeric `r.total`: `r.total ≠ Σ_{a ∈ APPLICANTS} r.a` (K3).',
  reads: ['s3.<row>.natural … s3.<row>.other_org', 's3.<row>.total'],
  check({ report }) {
    const a = analyze(report);
    if (!a) return [];
    return brokenOf(report, 'K3').map((e) => {
      const parts = e.identity.terms
        .filter((t) => t.coef > 0)
        .map((t) => `${t3ColumnName(splitKey(t.key).column)} ${fmt(Number(a.cells[t.key] ?? 0))}`)
        .join(' + ');
      const sum = e.left!;
      const total = e.right!;
      return {
        message:
          `表三“${t3RowName(e.identity.subject)}”行：${parts} = ${fmt(sum)}，` +
          `但“总计”为 ${fmt(total)}，相差 ${fmt(Math.abs(sum - total))}。`,
        cells: [...e.identity.cells],
        expected: sum,
        actual: total,
      };
    });
  },
};
