import type { Rule } from '../rule.ts';
import { issueDrafts } from './issues.ts';

/** The unit in a cell or header contradicts the template unit and cannot be converted. */
export const rule: Rule = {
  id: 'P-UNIT-CONFLICT',
  check({ report }) {
    return issueDrafts(
      report,
      'unit-conflict',
      (name, i) => `${name}填写为“${i.raw}”，单位${i.unit ? `“${i.unit}”` : ''}与模板单位不符，无法换算。`,
    );
  },
};
