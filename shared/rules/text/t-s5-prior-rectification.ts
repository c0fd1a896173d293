import type { Rule } from '../rule.ts';
import { sectionProse } from '../support.ts';

/** 2021: section 五 says nothing about rectifying the previous year's problems. */
export const rule: Rule = {
  id: 'T-S5-PRIOR-RECTIFICATION',
  severity: 'warning',
  category: 'completeness',
  edition: '2021',
  title: '未说明上年度问题整改情况',
  checks:
    "Section 五 contains no statement about rectifying the previous year's problems: none of 上年度 / 上一年度 / 去年 / `{Y−1}年` occurs near 整改 / 改进 / 落实 / 问题.",
  reads: ['text of section 五', 'year'],
  check({ report }) {
    const text = sectionProse(report, 5);
    if (text === undefined || report.year === null) return [];
    const prev = `(?:上年度|上一年度|上年|去年|${report.year - 1}\\s*年)`;
    const act = '(?:整改|改进|落实|问题)';
    const near = new RegExp(`${prev}[^。]{0,40}${act}|${act}[^。]{0,40}${prev}`);
    if (near.test(text)) return [];
    return [
      {
        message: `“存在的主要问题及改进情况”未说明上一年度（${report.year - 1} 年）报告所列问题的整改情况。`,
      },
    ];
  },
};
