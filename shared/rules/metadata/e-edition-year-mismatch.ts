import type { Rule } from '../rule.ts';

/** Edition 2019 with year ≥ 2021, or edition 2021 with year ≤ 2020. */
export const rule: Rule = {
  id: 'E-EDITION-YEAR-MISMATCH',
  check({ report }) {
    const { edition, year } = report;
    if (edition === null || year === null) return [];
    const expected = year >= 2021 ? '2021' : '2019';
    if (edition === expected) return [];
    return [
      {
        message: `${year} 年度报告应使用 ${expected} 年版格式（${expected === '2021' ? '国办公开办函〔2021〕30号' : '试行格式'}），但表格使用的是 ${edition} 年版格式。`,
        expected: Number(expected),
        actual: Number(edition),
      },
    ];
  },
};
