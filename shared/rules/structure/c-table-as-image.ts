import { SECTION_NAMES } from '../labels.ts';
import type { Rule } from '../rule.ts';

/** Section 二, 三 or 四 holds an image and no table text. */
export const rule: Rule = {
  id: 'C-TABLE-AS-IMAGE',
  severity: 'warning',
  category: 'input',
  edition: 'both',
  title: '表格为图片，无法核对',
  checks: 'Section 二, 三 or 四 contains an image and no recognizable table text; the table cannot be checked.',
  reads: ['images in sections 二–四', 'tables found'],
  check({ report }) {
    return [...new Set(report.recognition.imageSections)]
      .filter((n) => n >= 2 && n <= 4)
      .sort()
      .map((n) => ({ message: `第${SECTION_NAMES[n]}部分的表格是图片，无法核对其中的数字。` }));
  },
};
