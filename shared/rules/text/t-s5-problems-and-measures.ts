import type { Rule } from '../rule.ts';
import { sectionProse } from '../support.ts';

const PROBLEMS = /问题|不足|短板|差距/;
/** Measures: the spec's words, plus a statement about next year (`2023 年，…将…`, 今后, 下一阶段). */
function measures(text: string, year: number | null): boolean {
  if (/改进|整改|措施|下一步|今后|下一阶段/.test(text)) return true;
  return year !== null && new RegExp(`${year + 1}\\s*年[^。]{0,40}将`).test(text);
}

/** Section 五 lacks a statement of problems or of measures. */
export const rule: Rule = {
  id: 'T-S5-PROBLEMS-AND-MEASURES',
  severity: 'warning',
  category: 'completeness',
  edition: 'both',
  title: '未同时写明问题和改进措施',
  checks: 'Section 五 lacks either a statement of problems (问题, 不足, 短板, 差距) or of measures (改进, 整改, 措施, 下一步).',
  reads: ['text of section 五'],
  check({ report }) {
    const text = sectionProse(report, 5);
    if (text === undefined || text.trim() === '') return [];
    const missing: string[] = [];
    if (!PROBLEMS.test(text)) missing.push('存在的主要问题');
    if (!measures(text, report.year)) missing.push('改进措施');
    if (missing.length === 0) return [];
    return [{ message: `“存在的主要问题及改进情况”未写明${missing.join('和')}。` }];
  },
};
