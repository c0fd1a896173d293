import type { Rule } from '../rule.ts';

/** No strong marker of either edition; the edition was taken from the year (or not decided). */
export const rule: Rule = {
  id: 'E-EDITION-UNDETERMINED',
  severity: 'error',
  category: 'completeness',
  edition: 'both',
  title: '无法判断所用格式版本',
  checks: 'No strong marker of either edition is found (template.md, Editions); the edition was taken from the year.',
  reads: ['edition markers of the tables'],
  check({ report }) {
    const m = report.recognition.editionMarkers;
    if (m['2019'].length > 0 || m['2021'].length > 0) return [];
    const how = report.edition === null ? '也无法按报告年度推定' : `已按报告年度推定为 ${report.edition} 年版格式`;
    return [{ message: `表二、表三中未找到任何一版模板的特征标签，无法判断所用格式版本；${how}。` }];
  },
};
