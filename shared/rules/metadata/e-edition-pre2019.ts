import type { Report } from '../../report/model.ts';
import type { Rule } from '../rule.ts';

/** True when the report predates the national template: no template rule runs. */
export function isPreTemplate(report: Report): boolean {
  return (report.year !== null && report.year <= 2018) || report.recognition.preTemplateLayout;
}

/** Report year ≤ 2018 or the old layout: out of scope. */
export const rule: Rule = {
  id: 'E-EDITION-PRE2019',
  severity: 'info',
  category: 'input',
  edition: 'none',
  title: '2019 年以前的旧版报告，不在检查范围',
  checks: 'Report year ≤ 2018: out of scope; no further template rules run.',
  reads: ['layout of a report before 2019', 'year'],
  check({ report }) {
    if (!isPreTemplate(report)) return [];
    const why = report.year !== null && report.year <= 2018 ? `报告年度为 ${report.year} 年` : '报告采用 2019 年以前的旧版结构';
    return [{ message: `${why}，早于全国统一格式（2019 年起施行），不按模板检查。` }];
  },
};
