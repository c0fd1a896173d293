import { TEMPLATE_TABLES } from '../../report/template.ts';
import { columnName, splitKey, tableName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';

/** A template column of a found table is missing (one finding per column). */
export const rule: Rule = {
  id: 'C-COL-MISSING',
  severity: 'error',
  category: 'completeness',
  edition: 'both',
  title: '表格缺少列',
  checks: 'A template column of a found table is missing.',
  reads: ['columns found of each table'],
  check({ report }) {
    const edition = report.edition;
    if (edition === null) return [];
    const out: Draft[] = [];
    for (const t of report.recognition.tables) {
      const template = TEMPLATE_TABLES[edition].find((x) => x.id === t.id);
      if (!template) continue;
      for (const col of t.missingColumns) {
        const cells = template.rows.flatMap((r) => r.cells).filter((k) => splitKey(k).column === col);
        out.push({
          message: `${tableName(t.id)}缺少“${columnName(t.id, col, edition)}”列。`,
          cells,
          source: t.source,
        });
      }
    }
    return out;
  },
};
