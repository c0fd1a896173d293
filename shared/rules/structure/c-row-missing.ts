import { TEMPLATE_TABLES } from '../../report/template.ts';
import { rowName, tableName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';

/** A template row of a found table is missing (one finding per row). */
export const rule: Rule = {
  id: 'C-ROW-MISSING',
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
