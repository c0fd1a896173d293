import type { Rule } from '../rule.ts';

/** No statement of the statistical period before section 二 (read by recognition). */
export const rule: Rule = {
  id: 'M-PERIOD-MISSING',
  severity: 'info',
  category: 'completeness',
  edition: 'both',
  title: '未说明统计期限',
  checks: 'No statement of the statistical period (pattern `YYYY年1月1日` … `12月31日`) anywhere before section 二.',
  reads: ['statistical period (preamble)'],
  check({ report }) {
    if (report.recognition.period) return [];
    const y = report.year ?? 'YYYY';
    return [{ message: `报告未说明数据统计期限（如“本报告所列数据的统计期限自 ${y} 年 1 月 1 日起至 ${y} 年 12 月 31 日止”）。` }];
  },
};
