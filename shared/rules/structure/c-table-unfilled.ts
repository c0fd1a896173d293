import { tableName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';

/** A table's labels are all there and not one of its cells holds a value: the table was not filled in. */
export const rule: Rule = {
  id: 'C-TABLE-UNFILLED',
  severity: 'error',
  category: 'completeness',
  edition: 'both',
  title: '表格未填写',
  checks:
    'Every label of a template table is present and every value cell is blank (the blanks may leave no trace in the text): the table carries no data. One finding per table; its cells are read as blank, and neither C-CELL-BLANK nor the blank-total rules fire for it.',
  reads: ['rows found of each table', 'every cell of the table'],
  check({ report }) {
    const out: Draft[] = [];
    const unfilled = report.recognition.tables.filter((t) => t.unfilled);
    // Table 二's sub-tables are one table for a reader: one finding for all of them.
    const t2 = unfilled.filter((t) => t.id.startsWith('t2'));
    if (t2.length > 0) {
      const titles = t2.map((t) => tableName(t.id).replace('表二', '')).join('、');
      out.push({ message: `表二（${titles}）列出了全部项目，但没有填写任何数据。`, ...(t2[0]!.source ? { source: t2[0]!.source } : {}) });
    }
    for (const t of unfilled.filter((x) => !x.id.startsWith('t2'))) {
      out.push({ message: `${tableName(t.id)}列出了全部项目，但没有填写任何数据。`, ...(t.source ? { source: t.source } : {}) });
    }
    return out;
  },
};
