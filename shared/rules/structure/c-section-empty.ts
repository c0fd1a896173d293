import { SECTION_HEADINGS, type SectionNumber } from '../../report/template.ts';
import type { Rule } from '../rule.ts';

/** Section 一, 五 or 六 has no body text (a bare 无 counts as content). */
export const rule: Rule = {
  id: 'C-SECTION-EMPTY',
  severity: 'warning',
  category: 'completeness',
  edition: 'both',
  title: '章节没有内容',
  checks: 'Section 一, 五 or 六 has no body text after the heading (a bare `无` / `无。` in section 六 counts as content).',
  reads: ['text of sections 一, 五, 六'],
  check({ report }) {
    return [...report.sections]
      .sort((a, b) => a.number - b.number)
      .filter((s) => [1, 5, 6].includes(s.number) && s.text.trim() === '')
      .map((s) => ({
        message: `“${SECTION_HEADINGS[s.number as SectionNumber]}”部分只有标题，没有内容。`,
        source: s.source,
      }));
  },
};
