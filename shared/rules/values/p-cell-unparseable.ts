import type { Rule } from '../rule.ts';
import { issueDrafts } from './issues.ts';

/** A numeric template cell holds text that is not a number, blank or N/A. */
export const rule: Rule = {
  id: 'P-CELL-UNPARSEABLE',
  severity: 'error',
  category: 'format',
  edition: 'both',
  title: '单元格内容不是数字',
  checks:
    'A numeric template cell contains text that the value parser (template.md, Reading a cell) cannot turn into a number, blank or N/A.',
  reads: ['raw text of every template cell'],
  check({ report }) {
    return issueDrafts(report, 'unparseable', (name, i) => `${name}填写为“${i.raw}”，不是数字，无法参与核对。`);
  },
};
