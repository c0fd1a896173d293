import type { Rule } from '../rule.ts';
import { issueDrafts } from './issues.ts';

/** Full-width digits, thousands separators or stray whitespace were removed from a value. */
export const rule: Rule = {
  id: 'P-NORMALIZED',
  severity: 'info',
  category: 'format',
  edition: 'both',
  title: '数字格式已规范化',
  checks: 'Full-width digits, thousands separators or stray whitespace were removed from a value.',
  reads: ['raw text of every template cell'],
  check({ report }) {
    return issueDrafts(
      report,
      'normalized',
      (name, i) => `${name}填写为“${i.raw}”，已规范为 ${report.cells[i.key] ?? '数字'}（去除全角数字、千位分隔符或空格）。`,
    );
  },
};
