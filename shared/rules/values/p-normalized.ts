import type { Rule } from '../rule.ts';
import { issueDrafts } from './issues.ts';

/** Full-width digits, thousands separators or stray whitespace were removed from a value. */
export const rule: Rule = {
  id: 'P-NORMALIZED',
  check({ report }) {
    return issueDrafts(
      report,
      'normalized',
      (name, i) => `${name}填写为“${i.raw}”，已规范为 ${report.cells[i.key] ?? '数字'}（去除全角数字、千位分隔符或空格）。`,
    );
  },
};
