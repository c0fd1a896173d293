import type { Rule } from '../rule.ts';
import { issueDrafts } from './issues.ts';

/** 2019: a signed number in 上一年项目数量 or 处理决定数量 — probable column shift. */
export const rule: Rule = {
  id: 'P-SHIFTED-CELL',
  severity: 'warning',
  category: 'format',
  edition: '2019',
  title: '疑似数字错列',
  checks:
    'A signed number (`+N`, `-N` with digits, `增N`, `减N`) appears in `s2.*.prev` or `s2.*.decisions`: probable column shift. (A lone `-` is N/A, not a sign.)',
  reads: ['s2.*.prev', 's2.*.decisions (raw text)'],
  check({ report }) {
    return issueDrafts(report, 'shifted', (name, i) => `${name}填写为带符号的“${i.raw}”，疑似把“本年增/减”的数字填错了列。`);
  },
};
