import type { Rule } from '../rule.ts';
import { sectionProse } from '../support.ts';

/** The five aspects of 总体情况 (spec §6.1) with the words that count as mentioning them. */
export const ASPECTS: readonly { name: string; words: RegExp }[] = [
  { name: '主动公开', words: /主动公开/ },
  { name: '依申请公开', words: /依申请公开/ },
  { name: '政府信息管理', words: /信息管理/ },
  { name: '政府信息公开平台建设', words: /平台/ },
  { name: '监督保障', words: /监督|考核|培训/ },
];

/** Section 一 does not mention one of the five aspects (warning in 2021, info in 2019). */
export const rule: Rule = {
  id: 'T-S1-ASPECTS',
  check({ report }) {
    const text = sectionProse(report, 1);
    if (text === undefined || text.trim() === '') return [];
    const severity = report.edition === '2019' ? ('info' as const) : undefined;
    return ASPECTS.filter((a) => !a.words.test(text)).map((a) => ({
      message: `“总体情况”未提及“${a.name}”方面的工作。`,
      ...(severity ? { severity } : {}),
    }));
  },
};
