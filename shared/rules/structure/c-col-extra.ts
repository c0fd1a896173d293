import { tableName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';

/** A column that is not in the template. */
export const rule: Rule = {
  id: 'C-COL-EXTRA',
  severity: 'warning',
  category: 'format',
  edition: 'both',
  title: '表格有模板以外的列',
  checks: 'A column that is not in the template.',
  reads: ['columns found that are not template columns'],
  check({ report }) {
    const out: Draft[] = [];
    for (const t of report.recognition.tables) {
      for (const label of t.extraColumns) {
        out.push({ message: `${tableName(t.id)}有模板以外的列“${label}”。`, source: t.source });
      }
    }
    return out;
  },
};
