import { T3_COLUMNS, t3Key } from '../../report/template.ts';
import { t3ColumnName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';
import { cell, fmt, lenient } from '../support.ts';
import { consecutiveOf, stock } from './previous.ts';

/**
 * X1 (docs/template.md "Arithmetic": 上年结转 of year Y equals 结转下年度继续办理 of Y−1, per column of table 三.
 * Holds across the 2020 → 2021 edition change (rows 一、二、四 did not change). Applicant cells
 * read blank as 0 (docs/template.md "Reading a cell"); a blank 总计 is "not filled", not zero, so it is skipped.
 */
export const rule: Rule = {
  id: 'X-T3-CARRYOVER',
  severity: 'warning',
  category: 'history',
  edition: 'both',
  title: '上年结转与上年报告不符',
  checks:
    'For a column c ∈ C3: `carried_over.c (Y) ≠ carried_forward.c (Y−1)` of the same agency (X1). Not run when Y−1 is ≤ 2018 or the previous report is missing.',
  reads: ['s3.carried_over.* (this year)', 's3.carried_forward.* (previous year)'],
  check(ctx) {
    const pair = consecutiveOf(ctx);
    if (!pair || pair.year < 2020) return [];
    const { report, previous, year, previousYear } = pair;
    const out: Draft[] = [];
    for (const column of T3_COLUMNS) {
      const key = t3Key('carried_over', column.key);
      const prevKey = t3Key('carried_forward', column.key);
      const read = column.key === 'total' ? stock : (r: typeof report, k: string) => lenient(cell(r, k));
      const now = read(report, key);
      const before = read(previous, prevKey);
      if (now === undefined || before === undefined || now === before) continue;
      out.push({
        message:
          `表三“${t3ColumnName(column.key)}”列：本报告（${year} 年）“上年结转政府信息公开申请数量”为 ${fmt(now)}，` +
          `但 ${previousYear} 年报告“结转下年度继续办理”为 ${fmt(before)}，相差 ${fmt(Math.abs(now - before))}。`,
        cells: [key],
        expected: before,
        actual: now,
      });
    }
    return out;
  },
};
