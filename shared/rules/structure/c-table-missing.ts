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
