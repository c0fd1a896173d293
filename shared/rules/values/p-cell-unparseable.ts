import type { Rule } from '../rule.ts';
import { issueDrafts } from './issues.ts';

/** A numeric template cell holds text that is not a number, blank or N/A. */
export const rule: Rule = {
  id: 'P-CELL-UNPARSEABLE',
  check({ report }) {
    return issueDrafts(report, 'unparseable', (name, i) => `${name}填写为“${i.raw}”，不是数字，无法参与核对。`);
  },
};
