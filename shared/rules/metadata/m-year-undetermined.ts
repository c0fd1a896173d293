import type { Rule } from '../rule.ts';

/** No report year from the title, the period or the upload metadata. */
export const rule: Rule = {
  id: 'M-YEAR-UNDETERMINED',
  check({ report, metadata }) {
    if (report.year !== null || metadata?.year !== undefined) return [];
    return [{ message: '无法从标题、统计期限或上传信息中确定报告年度。' }];
  },
};
