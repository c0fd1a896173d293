import type { Rule } from '../rule.ts';
import { issueDrafts } from './issues.ts';

/** 2019: a delta written with a doubled or mixed sign. */
export const rule: Rule = {
  id: 'P-DELTA-AMBIGUOUS',
  check({ report }) {
    return issueDrafts(
      report,
      'delta-ambiguous',
      (name, i) => `${name}填写为“${i.raw}”，符号重复或混用，已按 ${report.cells[i.key] ?? '负数'} 处理，请核实。`,
    );
  },
};
