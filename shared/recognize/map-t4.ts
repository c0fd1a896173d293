/**
 * Table 四: the 15 values of its three groups in order, digits run together split by the groups' totals.
 */
import { pushAll } from '../report/arrays.ts';
import { isBlankText } from '../report/cell-text.ts';
import type { Cell, CellOrigin, TableFinding } from '../report/model.ts';
import { normalizeLabel } from '../report/normalize.ts';
import { type Edition, T4_COLUMNS, T4_GROUPS, t4Key } from '../report/template.ts';
import { decodeRow } from './decode-row.ts';
import { type Accumulator, cellKey, finding, fitValues, groupTotalsHold, put, readingOf, rowIssue } from './mapping.ts';
import { type Capture, labelTexts } from './scan.ts';

export function mapT4(c: Capture, _edition: Edition, acc: Accumulator): TableFinding {
  const f = finding(c);
  const values: Cell[] = [];
  const labels: string[] = [];
  for (const r of c.rows) {
    for (const t of labelTexts(r)) labels.push(normalizeLabel(t));
    if (r.labels.length === 0 || r.hasValues) pushAll(values, r.values);
  }
  const n = T4_GROUPS.length * T4_COLUMNS.length;
  let cells: Cell[] | undefined;
  let reading: CellOrigin['reading'];
  if (values.filter((v) => !isBlankText(v.text)).length > 0) {
    cells = fitValues(values, n, c.cut);
    if (!cells) {
      // Fewer tokens than cells: digits run together; each group's total is the sum of its four parts.
      const decision = decodeRow(
        values.map((cell) => ({ cell })),
        n,
        { identity: groupTotalsHold },
      );
      if (decision.kind === 'read') [cells, reading] = [decision.cells, readingOf(decision.by)];
      else if (decision.kind === 'ambiguous') rowIssue(acc, f, 'review', decision.reason, values[0]?.source, decision.cause);
    }
  }
  const text = labels.join('');
  for (const g of T4_GROUPS) {
    const read = cells !== undefined && cells.length > T4_GROUPS.indexOf(g) * T4_COLUMNS.length;
    if (read || text.includes(g.label)) f.rows.push(g.key);
  }
  // Column labels are not judged: PDF text splits them into vertical fragments (docs/template-tables.md; the
  // 15 values in order are what counts.
  cells?.forEach((cell, i) => {
    const g = T4_GROUPS[Math.floor(i / T4_COLUMNS.length)]!;
    const col = T4_COLUMNS[i % T4_COLUMNS.length]!;
    put(acc, cellKey(t4Key, g.key, col.key), cell, {}, reading);
  });
  return f;
}
