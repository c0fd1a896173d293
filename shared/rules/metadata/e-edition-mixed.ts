import type { Rule } from '../rule.ts';

/** Strong markers of both editions are present. */
export const rule: Rule = {
  id: 'E-EDITION-MIXED',
  severity: 'warning',
  category: 'format',
  edition: 'both',
  title: '混用新旧两版格式',
  checks: 'Strong markers of both editions are present.',
  reads: ['edition markers of the tables'],
  check({ report }) {
    const m = report.recognition.editionMarkers;
    if (m['2019'].length === 0 || m['2021'].length === 0) return [];
    return [
      {
        message:
          `报告同时使用了两版格式的标签：2019 年版（${m['2019'].join('、')}）与 2021 年版（${m['2021'].join('、')}）；` +
          `已按${report.edition ?? '未定'}年版核对。`,
      },
    ];
  },
};
