import { SECTION_NAMES } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';

/** A section heading matched more than once outside tables (one finding per section). */
export const rule: Rule = {
  id: 'C-SECTION-DUPLICATE',
  severity: 'warning',
  category: 'format',
  edition: 'both',
  title: '章节标题重复',
  checks: 'A section heading is matched more than once outside tables (after excluding table-三 row labels).',
  reads: ['section headings'],
  check({ report }) {
    const byNumber = new Map<number, typeof report.recognition.headings>();
    for (const h of report.recognition.headings) {
      const list = byNumber.get(h.number) ?? [];
      list.push(h);
      byNumber.set(h.number, list);
    }
    const out: Draft[] = [];
    for (const [n, list] of [...byNumber].sort((a, b) => a[0] - b[0])) {
      if (list.length < 2) continue;
      out.push({
        message: `第${SECTION_NAMES[n]}部分的标题出现 ${list.length} 次：${list.map((h) => `“${h.text}”`).join('、')}。`,
        source: list[1]!.source,
      });
    }
    return out;
  },
};
