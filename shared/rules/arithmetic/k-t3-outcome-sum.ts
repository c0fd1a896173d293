import { t3ColumnName } from '../labels.ts';
import type { Rule } from '../rule.ts';
import { fmt } from '../support.ts';
import { brokenOf } from './identities.ts';

/** K2: total_processed.c = Σ of the edition's outcome rows in column c (spec §5.1). */
export const rule: Rule = {
  id: 'K-T3-OUTCOME-SUM',
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
