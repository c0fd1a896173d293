import { T3_COLUMNS, T3_GROUP_LABELS, T3_ROWS, t3Key } from '../../report/template.ts';
import { bare, t3ColumnName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';
import { fmt, lenientSum } from '../support.ts';
import { analyze } from './identities.ts';

/** A non-template subtotal row of （三）（四）（五）（六, 2021） that differs from its children, per column. */
export const rule: Rule = {
  id: 'K-T3-GROUP-SUBTOTAL',
  severity: 'warning',
  category: 'consistency',
  edition: 'both',
  title: '表三小计不符',
  checks: 'A non-template subtotal row for （三）/（四）/（五）/（六, 2021） exists and differs from the sum of its children (per column).',
  reads: ['subtotal rows of （三）（四）（五）（六）', 's3.denied.*.*', 's3.unable.*.*', 's3.rejected.*.*', 's3.other.*.*'],
  check({ report }) {
    const a = analyze(report);
    if (!a) return [];
    const t3 = report.recognition.tables.find((t) => t.id === 't3');
    if (!t3) return [];
    const out: Draft[] = [];
    for (const extra of t3.extraRows) {
      const group = extra.group;
      if (!group) continue;
      const children = T3_ROWS[a.edition].map((r) => r.key).filter((k) => k.startsWith(`${group}.`));
      if (children.length === 0) continue; // 2019: （六）其他处理 is a data row itself
      for (const col of T3_COLUMNS) {
        const stated = extra.values[col.key];
        if (typeof stated !== 'number') continue;
        const keys = children.map((r) => t3Key(r, col.key));
        const sum = lenientSum(a.cells, keys);
        if (sum === undefined || sum === stated) continue;
        out.push({
          message:
            `表三“${bare(T3_GROUP_LABELS[group])}”小计行“${t3ColumnName(col.key)}”列为 ${fmt(stated)}，` +
            `但其下各项之和为 ${fmt(sum)}，相差 ${fmt(Math.abs(sum - stated))}。`,
          cells: keys,
          expected: sum,
          actual: stated,
          source: extra.source,
        });
      }
    }
    return out;
  },
};
