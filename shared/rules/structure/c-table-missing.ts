import { TEMPLATE_TABLES } from '../../report/template.ts';
import { tableName } from '../labels.ts';
import type { Rule } from '../rule.ts';
import { section } from '../support.ts';

/**
 * A template table of the edition was not found. Not reported when its section is missing
 * (C-SECTION-MISSING) or holds only an image (C-TABLE-AS-IMAGE).
 */
export const rule: Rule = {
  id: 'C-TABLE-MISSING',
  severity: 'error',
  category: 'completeness',
  edition: 'both',
  title: '缺少表格',
  checks: 'A template table is not found: any sub-table of table 二 of the detected edition (4 in 2021, 5 in 2019), table 三, or table 四.',
  reads: ['tables found (t2.*, t3, t4)'],
  check({ report }) {
    if (report.edition === null) return [];
    const found = new Set(report.recognition.tables.map((t) => t.id));
    return TEMPLATE_TABLES[report.edition]
      .filter((t) => !found.has(t.id))
      .filter((t) => section(report, t.section) && !report.recognition.imageSections.includes(t.section))
      .map((t) => ({
        message: `缺少${tableName(t.id)}。`,
        cells: t.rows.flatMap((r) => r.cells),
      }));
  },
};
