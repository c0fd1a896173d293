import { tableName } from '../labels.ts';
import type { Rule } from '../rule.ts';

/** A row or column label matched only after normalization or through an alias. */
export const rule: Rule = {
  id: 'C-LABEL-VARIANT',
  severity: 'info',
  category: 'format',
  edition: 'both',
  title: '行列名称与模板不同',
  checks:
    'A row or column matched only after label normalization (template.md, Reading a cell) or through an alias (e.g. `规范性文件` in a 2021 table, `其他组织`, `商业 企业`).',
  reads: ['row and column labels as printed'],
  check({ report }) {
    return report.recognition.labelVariants.map((v) => ({
      message: `${tableName(v.table)}中的“${v.found}”与模板名称“${v.canonical}”不同，已按“${v.canonical}”识别。`,
      source: v.source,
    }));
  },
};
