import { pushAll } from '../../report/arrays.ts';
import type { TableFinding } from '../../report/model.ts';
import { type TableKeys, TEMPLATE_TABLES } from '../../report/template.ts';
import { rowName, tableName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';

/**
 * A template row of a found table is missing: one finding per row; but a table cut short (every
 * row after some row is missing) gets one finding for the cut, naming the last row read and
 * listing every row after it.
 */
export const rule: Rule = {
  id: 'C-ROW-MISSING',
  severity: 'error',
  category: 'completeness',
  edition: 'both',
  title: '表格缺少行',
  checks:
    'A template data row (template-tables.md) of a found table is missing: one finding per row; a table cut short (all rows after some row missing) is one finding that names the cut and lists the rows after it.',
  reads: ['rows found of each table'],
  check({ report }) {
    const edition = report.edition;
    if (edition === null) return [];
    const out: Draft[] = [];
    for (const t of TEMPLATE_TABLES[edition]) {
      const found = report.recognition.tables.find((x) => x.id === t.id);
      if (found) pushAll(out, missingRows(t, found, edition));
    }
    return out;
  },
};

function missingRows(t: TableKeys, found: TableFinding, edition: '2019' | '2021'): Draft[] {
  const present = new Set(found.rows);
  // （六）其他处理 read as one row (2019's layout in a 2021 report): its three sub-rows are not missing.
  if (found.otherAsOneRow) for (const k of ['other.overdue_supplement', 'other.overdue_fee', 'other.other']) present.add(k);
  const lastRead = t.rows.findLastIndex((r) => present.has(r.key));
  const name = (key: string) => `“${rowName(t.id, key, edition)}”`;
  const out: Draft[] = [];
  // The rows after the last one read are missing: the table was cut short (the text ends, or the
  // rest of the table was lost) when that is more than one row or the text ends there.
  const tail = t.rows.slice(lastRead + 1);
  const cutShort = tail.length > 1 || (found.cut && tail.length > 0);
  for (const [i, r] of t.rows.entries()) {
    if (present.has(r.key) || (cutShort && i > lastRead)) continue;
    out.push({ message: `${tableName(t.id)}缺少${name(r.key)}行。`, cells: r.cells, source: found.source });
  }
  if (cutShort) {
    const after = lastRead >= 0 ? `在${name(t.rows[lastRead]!.key)}之后中断` : '在表头之后中断';
    out.push({
      message: `${tableName(t.id)}${after}，缺少 ${tail.length} 行：${tail.map((r) => rowName(t.id, r.key, edition)).join('、')}。`,
      cells: tail.flatMap((r) => r.cells),
      source: found.source,
    });
  }
  return out;
}
