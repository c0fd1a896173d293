import { SECTION_NAMES } from '../labels.ts';
import type { Rule } from '../rule.ts';

/** The sections found are not in the order 一…六. */
export const rule: Rule = {
  id: 'C-SECTION-ORDER',
  severity: 'warning',
  category: 'format',
  edition: 'both',
  title: '章节顺序不符',
  checks: 'The six sections are found but not in the order 一…六.',
  reads: ['section headings'],
  check({ report }) {
    const order = report.sections.map((s) => s.number);
    if (order.every((n, i) => i === 0 || n > order[i - 1]!)) return [];
    return [
      {
        message: `章节顺序为 ${order.map((n) => SECTION_NAMES[n]).join('、')}，应按一至六的顺序排列。`,
      },
    ];
  },
};
