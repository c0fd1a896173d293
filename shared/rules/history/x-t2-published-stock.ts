import { t2Key } from '../../report/template.ts';
import { t2RowName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';
import { fmt } from '../support.ts';
import { flow, pair2019EditionOf, stock } from './previous.ts';

const ROWS = ['regulations', 'normative'] as const;

/**
 * X4 (docs/template.md "Arithmetic": 对外公开总数量 (2020) ≥ 对外公开总数量 (2019) — a cumulative stock does not
 * shrink; normally it grows by 本年新公开数量 (2020). Only for Y = 2020, both in the 2019 edition.
 */
export const rule: Rule = {
  id: 'X-T2-PUBLISHED-STOCK',
  severity: 'info',
  category: 'history',
  edition: '2019',
  title: '对外公开总数量少于上年',
  checks: '`total (2020) < total (2019)` for 规章 or 规范性文件 (X4).',
  reads: ['s2.regulations.total', 's2.normative.total', 'the same cells of the previous year'],
  check(ctx) {
    const pair = pair2019EditionOf(ctx);
    if (!pair) return [];
    const { report, previous, year, previousYear } = pair;
    const out: Draft[] = [];
    for (const row of ROWS) {
      const key = t2Key(row, 'total');
      const now = stock(report, key);
      const before = stock(previous, key);
      if (now === undefined || before === undefined || now >= before) continue;
      const published = flow(report, t2Key(row, 'published'));
      const usual =
        published === undefined ? '' : `（通常应为 ${fmt(before)} + 本年新公开 ${fmt(published)} = ${fmt(before + published)}）`;
      out.push({
        message:
          `表二“${t2RowName(row, '2019')}”：本报告（${year} 年）“对外公开总数量”为 ${fmt(now)}，` +
          `少于 ${previousYear} 年报告的 ${fmt(before)}${usual}，累计数不应减少。`,
        cells: [key],
        expected: before,
        actual: now,
      });
    }
    return out;
  },
};
