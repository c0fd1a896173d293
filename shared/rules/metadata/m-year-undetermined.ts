import type { Rule } from '../rule.ts';

/** No report year from the title, the period or the upload metadata. */
export const rule: Rule = {
  id: 'M-YEAR-UNDETERMINED',
  severity: 'error',
  category: 'completeness',
  edition: 'both',
  title: '无法确定报告年度',
  checks: "No report year can be read from the title, the preamble's statistical period, or metadata supplied with the upload.",
  reads: ['year (title, period, metadata, prose)'],
  check({ report, metadata }) {
    if (report.year !== null || metadata?.year !== undefined) return [];
    return [{ message: '无法从标题、统计期限或上传信息中确定报告年度。' }];
  },
};
