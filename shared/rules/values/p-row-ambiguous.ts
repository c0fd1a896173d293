import { TEMPLATE_TABLES } from '../../report/template.ts';
import { rowName, tableName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';

/** A template row is in the table, but its values could not be placed with certainty: its cells are absent. */
export const rule: Rule = {
  id: 'P-ROW-AMBIGUOUS',
  severity: 'warning',
  category: 'format',
  edition: 'both',
  title: '行内数值无法确定位置',
  checks:
    'A template row was found but its values could not be placed with certainty — digits run together with more than one split, fewer values than columns, one value in a merged row, two row labels run together — so its cells are absent (never guessed). One finding per row, with the reason.',
  reads: ['rows found of each table', 'value tokens of each row'],
  check({ report }) {
    const edition = report.edition;
    const out: Draft[] = [];
    for (const i of report.recognition.rowIssues) {
      const t = edition ? TEMPLATE_TABLES[edition].find((x) => x.id === i.table) : undefined;
      const cells = t?.rows.find((r) => r.key === i.row)?.cells ?? [];
      const name = i.table === 't4' ? '' : `“${rowName(i.table, i.row, edition)}”行`;
      out.push({
        message: `${tableName(i.table)}${name}的数值无法确定所属单元格（${i.reason}），这些单元格未读取，请核对原文。`,
        ...(cells.length ? { cells: i.table === 't4' ? t!.rows.flatMap((r) => r.cells) : cells } : {}),
        ...(i.source ? { source: i.source } : {}),
      });
    }
    return out;
  },
};
