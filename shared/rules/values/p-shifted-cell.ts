import type { Rule } from '../rule.ts';
import { issueDrafts } from './issues.ts';

/** 2019: a signed number in 上一年项目数量 or 处理决定数量 — probable column shift. */
export const rule: Rule = {
  id: 'P-SHIFTED-CELL',
  check({ report }) {
    return issueDrafts(report, 'shifted', (name, i) => `${name}填写为带符号的“${i.raw}”，疑似把“本年增/减”的数字填错了列。`);
  },
};
