import { t3ColumnName } from '../labels.ts';
import type { Rule } from '../rule.ts';
import { fmt } from '../support.ts';
import { brokenOf } from './identities.ts';

/** K2: total_processed.c = Σ of the edition's outcome rows in column c (docs/template.md "Arithmetic". */
export const rule: Rule = {
  id: 'K-T3-OUTCOME-SUM',
  severity: 'error',
  category: 'consistency',
  edition: 'both',
  title: '表三办理结果合计不符',
  checks: 'For a column c ∈ C3: `total_processed.c ≠ Σ_{r ∈ OUT_edition} r.c` (K2; 19 rows in 2019, 21 in 2021).',
  reads: [
    's3.total_processed.*',
    's3.granted.*',
    's3.partial.*',
    's3.denied.*.*',
    's3.unable.*.*',
    's3.rejected.*.*',
    's3.other.* (2019) / s3.other.*.* (2021)',
  ],
  check({ report }) {
    return brokenOf(report, 'K2').map((e) => {
      const sum = e.left!;
      const total = e.right!;
      return {
        message:
          `表三“${t3ColumnName(e.identity.subject)}”列：本年度办理结果各项（予以公开至其他处理）之和为 ${fmt(sum)}，` +
          `但（七）总计为 ${fmt(total)}，相差 ${fmt(Math.abs(sum - total))}。`,
        cells: [...e.identity.cells],
        expected: sum,
        actual: total,
      };
    });
  },
};
