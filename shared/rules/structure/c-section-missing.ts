import { SECTION_HEADINGS, SECTION_NUMBERS } from '../../report/template.ts';
import type { Rule } from '../rule.ts';
import { section } from '../support.ts';

/** One finding per section of the six that was not found. */
export const rule: Rule = {
  id: 'C-SECTION-MISSING',
  severity: 'error',
  category: 'completeness',
  edition: 'both',
  title: '缺少章节',
  checks:
    'One of the six sections (template.md, Sections) is not found, by canonical heading or accepted variant. One finding per missing section.',
  reads: ['section headings'],
  check({ report }) {
    return SECTION_NUMBERS.filter((n) => !section(report, n)).map((n) => ({
      message: `缺少第${'一二三四五六'[n - 1]}部分“${SECTION_HEADINGS[n]}”。`,
    }));
  },
};
