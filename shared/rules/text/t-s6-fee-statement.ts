import type { Rule } from '../rule.ts';
import { sectionProse } from '../support.ts';

/** 2021: section 六 does not mention 信息处理费. */
export const rule: Rule = {
  id: 'T-S6-FEE-STATEMENT',
  severity: 'warning',
  category: 'completeness',
  edition: '2021',
  title: '未说明信息处理费收取情况',
  checks: 'Section 六 does not mention 信息处理费 (either an amount or that none was collected).',
  reads: ['text of section 六'],
  check({ report }) {
    const text = sectionProse(report, 6);
    if (text === undefined || /信息处理费/.test(text)) return [];
    return [{ message: '“其他需要报告的事项”未说明信息处理费的收取情况（收取金额，或未收取）。' }];
  },
};
