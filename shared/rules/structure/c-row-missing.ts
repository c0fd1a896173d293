import { TEMPLATE_TABLES } from '../../report/template.ts';
import { rowName, tableName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';

/** A template row of a found table is missing (one finding per row). */
export const rule: Rule = {
  id: 'C-ROW-MISSING',
  severity: 'error',
  category: 'completeness',
  edition: 'both',
  title: '表格缺少行',
  checks: 'A template data row (template-tables.md) of a found table is missing.',
  reads: ['rows found of each table'],
  check({ report }) {
    const edition = report.edition;
    if (edition === null) return [];
    const out: Draft[] = [];
    for (const t of TEMPLATE_TABLES[edition]) {
      const found = report.recognition.tables.find((x) => x.id === t.id);
      if (!found) continue;
      const rows = new Set(found.rows);
      for (const r of t.rows) {
        if (rows.has(r.key)) continue;
        out.push({
          message: `${tableName(t.id)}缺少“${rowName(t.id, r.key, edition)}”行${found.cut ? '（表格在此之前中断）' : ''}。`,
          cells: r.cells,
          source: found.source,
        });
      }
    }
    return out;
  },
};
