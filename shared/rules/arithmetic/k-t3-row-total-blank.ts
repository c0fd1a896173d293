import { t3RowName } from '../labels.ts';
import type { Rule } from '../rule.ts';
import { fmt } from '../support.ts';
import { analyze } from './identities.ts';

/** A blank or "/" 总计 on a table-三 row whose applicant cells sum to more than 0. */
export const rule: Rule = {
  id: 'K-T3-ROW-TOTAL-BLANK',
  severity: 'warning',
  category: 'completeness',
  edition: 'both',
  title: '表三行总计空白',
  checks: '`r.total` is blank or N/A while `Σ_{a ∈ APPLICANTS} r.a > 0`; the derived total is used for the other rules.',
  reads: ['s3.<row>.natural … s3.<row>.other_org', 's3.<row>.total'],
  check({ report }) {
    const a = analyze(report);
    if (!a) return [];
    return a.derived
      .filter((d) => d.identity.kind === 'K3')
      .map((d) => ({
        message:
          `表三“${t3RowName(d.identity.subject)}”行的“总计”未填写，但各类申请人合计为 ${fmt(d.sum)}；` +
          `其他勾稽关系按 ${fmt(d.sum)} 核对。`,
        cells: [d.key, ...d.identity.cells.filter((k) => k !== d.key)],
        expected: d.sum,
      }));
  },
};
