/**
 * When a cross-year rule may compare: the previous report must be the same agency's (by
 * sameAgency, never on an uncertain identity), both years known and post-2018, and — for every
 * rule but X-EDITION-REGRESSION — exactly one year earlier.
 */

import { sameAgency } from '../../report/agency.ts';
import type { CellValue, Report } from '../../report/model.ts';
import type { RuleContext } from '../rule.ts';
import { cell } from '../support.ts';

export interface YearPair {
  report: Report;
  previous: Report;
  year: number;
  previousYear: number;
}

function usable(report: Report): boolean {
  return report.year !== null && report.year >= 2019 && report.edition !== null && !report.recognition.preTemplateLayout;
}

/** The previous report when it is the same agency's and of an earlier year (any gap). */
export function earlierOf(ctx: RuleContext): YearPair | undefined {
  const { report, previous } = ctx;
  if (!previous || !usable(report) || !usable(previous)) return undefined;
  if (sameAgency(report.agency, previous.agency) !== 'same') return undefined;
  if (previous.year! >= report.year!) return undefined;
  return { report, previous, year: report.year!, previousYear: previous.year! };
}

/** The previous report when it is the same agency's report for year Y−1. */
export function consecutiveOf(ctx: RuleContext): YearPair | undefined {
  const pair = earlierOf(ctx);
  return pair && pair.previousYear === pair.year - 1 ? pair : undefined;
}

/** The 2019 report before the 2020 one, both on the 2019 tables (rules comparing 2019-edition cells across the years). */
export function pair2019EditionOf(ctx: RuleContext): YearPair | undefined {
  const pair = consecutiveOf(ctx);
  return pair?.year === 2020 && pair.report.edition === '2019' && pair.previous.edition === '2019' ? pair : undefined;
}

/**
 * A stock figure (现行有效件数, 对外公开总数量, 上一年项目数量, 结转): only a number is an
 * operand; a blank or "/" stock is not read as 0 across years (it may just be unfilled).
 */
export function stock(report: Report, key: string): number | undefined {
  const v = cell(report, key);
  return typeof v === 'number' ? v : undefined;
}

/** A flow figure (本年制发/废止, 本年增/减): blank and "/" read as 0 (docs/template.md "Reading a cell"; absent stays absent. */
export function flow(report: Report, key: string): number | undefined {
  const v: CellValue | undefined = cell(report, key);
  if (v === undefined) return undefined;
  return typeof v === 'number' ? v : 0;
}
