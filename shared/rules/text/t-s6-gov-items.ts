import type { Rule } from '../rule.ts';
import { sectionProse } from '../support.ts';

const ITEMS: readonly { name: string; words: RegExp }[] = [
  { name: '落实上级年度政务公开工作要点情况', words: /工作要点/ },
  { name: '人大代表建议和政协提案办理结果公开情况', words: /人大代表建议|政协提案|建议提案|建议和提案/ },
  { name: '政务公开工作创新情况', words: /创新/ },
];

/** 2021: section 六 does not mention one of the commonly required items (one finding per item). */
export const rule: Rule = {
  id: 'T-S6-GOV-ITEMS',
  severity: 'info',
  category: 'completeness',
  edition: '2021',
  title: '其他事项缺少常见内容',
  checks: 'Section 六 does not mention one of: 政务公开工作要点; 人大代表建议 / 政协提案; 创新. One finding per missing item.',
  reads: ['text of section 六'],
  check({ report }) {
    const text = sectionProse(report, 6);
    if (text === undefined) return [];
    return ITEMS.filter((i) => !i.words.test(text)).map((i) => ({ message: `“其他需要报告的事项”未提及${i.name}。` }));
  },
};
