import type { Rule } from '../rule.ts';
import { sectionProse } from '../support.ts';

/** 2021: section 六 does not mention 信息处理费. */
export const rule: Rule = {
  id: 'T-S6-FEE-STATEMENT',
  check({ report }) {
    const text = sectionProse(report, 6);
    if (text === undefined || /信息处理费/.test(text)) return [];
    return [{ message: '“其他需要报告的事项”未说明信息处理费的收取情况（收取金额，或未收取）。' }];
  },
};
