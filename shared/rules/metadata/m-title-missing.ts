import type { Rule } from '../rule.ts';
import { prose } from '../support.ts';

const YEAR = /\d{4}\s*年/;
const REPORT = /年度.*报告|年报/;

/** No title line with a four-digit year and 年度报告 / 年报. */
export const rule: Rule = {
  id: 'M-TITLE-MISSING',
  severity: 'warning',
  category: 'format',
  edition: 'both',
  title: '缺少报告标题',
  checks: 'No line within the first 300 characters (or the page title) contains a four-digit year, `年`, and `年度报告` or `年报`.',
  reads: ['title'],
  check({ report }) {
    if (report.title !== null && YEAR.test(prose(report.title)) && REPORT.test(prose(report.title))) return [];
    return [
      {
        message:
          report.title === null
            ? '未找到报告标题（应为“××××年××政府信息公开工作年度报告”）。'
            : `报告标题“${report.title}”未写明年度（应为“××××年××政府信息公开工作年度报告”）。`,
      },
    ];
  },
};
