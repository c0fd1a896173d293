import type { Rule } from '../rule.ts';
import { issueDrafts } from './issues.ts';

/** The unit in a cell or header contradicts the template unit and cannot be converted. */
export const rule: Rule = {
  id: 'P-UNIT-CONFLICT',
  severity: 'warning',
  category: 'format',
  edition: 'both',
  title: '单位与模板不符',
  checks:
    'The unit in a cell or header contradicts the template unit (e.g. `元` in 本年收费金额（单位：万元）) and cannot be converted unambiguously.',
  reads: ['s2.fees.amount', 's2.procurement.amount (raw text and header)'],
  check({ report }) {
    return issueDrafts(
      report,
      'unit-conflict',
      (name, i) => `${name}填写为“${i.raw}”，单位${i.unit ? `“${i.unit}”` : ''}与模板单位不符，无法换算。`,
    );
  },
};
