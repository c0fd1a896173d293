import { TEMPLATE_TABLES } from '../../report/template.ts';
import { SECTION_NAMES, tableName } from '../labels.ts';
import type { Rule } from '../rule.ts';
import { section } from '../support.ts';

const HOME = {
  '2019': new Map(TEMPLATE_TABLES['2019'].map((t) => [t.id as string, t.section])),
  '2021': new Map(TEMPLATE_TABLES['2021'].map((t) => [t.id as string, t.section])),
};

/**
 * A template table found under another section than its own. Not reported when its own section
 * is missing (the heading was lost and C-SECTION-MISSING already says so).
 */
export const rule: Rule = {
  id: 'C-TABLE-MISPLACED',
  severity: 'warning',
  category: 'format',
  edition: 'both',
  title: '表格位置不符',
  checks: 'A template table is found under a different section than the one it belongs to.',
  reads: ['tables found', 'section of each table'],
  check({ report }) {
    if (report.edition === null) return [];
    const home = HOME[report.edition];
    return report.recognition.tables
      .filter((t) => {
        const own = home.get(t.id);
        return own !== undefined && t.section !== own && section(report, own) !== undefined;
      })
      .map((t) => ({
        message:
          `${tableName(t.id)}应在第${SECTION_NAMES[home.get(t.id)!]}部分，` +
          `却出现在${t.section === null ? '第一个章节标题之前' : `第${SECTION_NAMES[t.section]}部分`}。`,
        source: t.source,
      }));
  },
};
