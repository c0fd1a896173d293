import { tableName } from '../labels.ts';
import type { Rule } from '../rule.ts';

/** A row or column label matched only after normalization or through an alias. */
export const rule: Rule = {
  id: 'C-LABEL-VARIANT',
  check({ report }) {
    return report.recognition.labelVariants.map((v) => ({
      message: `${tableName(v.table)}中的“${v.found}”与模板名称“${v.canonical}”不同，已按“${v.canonical}”识别。`,
      source: v.source,
    }));
  },
};
