import { SECTION_NAMES } from '../labels.ts';
import type { Rule } from '../rule.ts';

/** Section 二, 三 or 四 holds an image and no table text. */
export const rule: Rule = {
  id: 'C-TABLE-AS-IMAGE',
  check({ report }) {
    return [...new Set(report.recognition.imageSections)]
      .filter((n) => n >= 2 && n <= 4)
      .sort()
      .map((n) => ({ message: `第${SECTION_NAMES[n]}部分的表格是图片，无法核对其中的数字。` }));
  },
};
