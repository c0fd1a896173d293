import type { Rule } from '../rule.ts';
import { issueDrafts } from './issues.ts';

/** 2019: a delta written with a doubled or mixed sign. */
export const rule: Rule = {
  id: 'P-DELTA-AMBIGUOUS',
  severity: 'warning',
  category: 'format',
  edition: '2019',
  title: '增减数符号不明确',
  checks: 'A delta written with a doubled or mixed sign (`--253`, `+-3`).',
  reads: ['s2.*.delta (raw text)'],
  check({ report }) {
    return issueDrafts(
      report,
      'delta-ambiguous',
      (name, i) => `${name}填写为“${i.raw}”，符号重复或混用，已按 ${report.cells[i.key] ?? '负数'} 处理，请核实。`,
    );
  },
};
