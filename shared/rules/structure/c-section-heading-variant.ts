import { SECTION_HEADINGS, type SectionNumber } from '../../report/template.ts';
import type { Rule } from '../rule.ts';

/** A section recognized only through a variant heading or without its number. */
export const rule: Rule = {
  id: 'C-SECTION-HEADING-VARIANT',
  severity: 'info',
  category: 'format',
  edition: 'both',
  title: '章节标题与模板不同',
  checks: 'A section was recognized only through a variant heading (template.md, Sections) or without its number.',
  reads: ['section headings'],
  check({ report }) {
    return [...report.sections]
      .sort((a, b) => a.number - b.number)
      .filter((s) => s.variant || !s.numbered)
      .map((s) => ({
        message: `章节标题“${s.heading}”与模板标题“${SECTION_HEADINGS[s.number as SectionNumber]}”不同${s.numbered ? '' : '（缺少序号）'}。`,
        source: s.source,
      }));
  },
};
