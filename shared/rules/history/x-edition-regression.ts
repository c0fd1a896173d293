import type { Rule } from '../rule.ts';
import { earlierOf } from './previous.ts';

/**
 * X5 (docs/template.md "Arithmetic": an agency does not go back from the 2021 edition to the 2019 edition. Any
 * earlier year of the same agency; both editions must come from markers in the tables (an edition
 * taken from the year says nothing about which grid the agency used).
 */
export const rule: Rule = {
  id: 'X-EDITION-REGRESSION',
  severity: 'warning',
  category: 'history',
  edition: 'both',
  title: '改回使用旧版格式',
  checks: "The agency's report for Y uses the 2019 edition while its report for an earlier year used the 2021 edition (X5).",
  reads: ['edition (this year and the previous year)'],
  check(ctx) {
    const pair = earlierOf(ctx);
    if (!pair) return [];
    const { report, previous, year, previousYear } = pair;
    if (report.edition !== '2019' || previous.edition !== '2021') return [];
    if (report.recognition.editionBasis !== 'markers' || previous.recognition.editionBasis !== 'markers') return [];
    return [
      {
        message:
          `本报告（${year} 年）使用 2019 年试行版表格格式，而 ${previousYear} 年报告已使用 2021 年修订版格式` +
          `（国办公开办函〔2021〕30号），不应改回旧版。`,
      },
    ];
  },
};
