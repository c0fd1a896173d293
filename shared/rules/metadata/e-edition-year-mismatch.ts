import type { Rule } from '../rule.ts';

/** Edition 2019 with year ≥ 2021, or edition 2021 with year ≤ 2020. */
export const rule: Rule = {
  id: 'E-EDITION-YEAR-MISMATCH',
  severity: 'warning',
  category: 'format',
  edition: 'both',
  title: '格式版本与报告年度不符',
  checks: 'Detected edition 2019 with report year ≥ 2021, or edition 2021 with report year ≤ 2020.',
  reads: ['edition', 'year'],
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
