import type { Rule } from '../rule.ts';
import { issueDrafts } from './issues.ts';

/** A unit was written inside the cell and stripped or converted. */
export const rule: Rule = {
  id: 'P-UNIT-EMBEDDED',
  severity: 'info',
  category: 'format',
  edition: 'both',
  title: '单元格内写有单位',
  checks: 'A unit was written inside the cell and stripped or converted.',
  reads: ['raw text of every template cell'],
  check({ report }) {
    return issueDrafts(
      report,
      'unit-embedded',
      (name, i) => `${name}填写为“${i.raw}”，单元格内写有单位${i.unit ? `“${i.unit}”` : ''}，已去除或换算。`,
    );
  },
};
