import type { Rule } from '../rule.ts';
import { sectionProse } from '../support.ts';

/** The five aspects of 总体情况 (docs/template.md "Sections" with the words that count as mentioning them. */
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
  severity: 'warning',
  category: 'completeness',
  edition: 'both',
  title: '总体情况缺少应述方面',
  checks:
    'Section 一 does not mention one of the five aspects: 主动公开; 依申请公开; 政府信息管理 (or 信息管理); 平台建设 (政府信息公开平台建设, 平台); 监督保障 (or 监督, 考核, 培训). One finding per missing aspect.',
  reads: ['text of section 一'],
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
