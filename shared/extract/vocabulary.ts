/**
 * Template vocabulary for rebuilding flattened tables from text: which short lines are certainly
 * table cells (labels of the template), and which labels start a data row.
 */
import { normalizeLabel, stripAnnotation } from '../report/normalize.ts';
import { EDITIONS, T2, T3_COLUMNS, T3_GROUP_LABELS, T3_ROWS, T4_COLUMNS, T4_GROUPS } from '../report/template.ts';

function key(text: string): string {
  return stripAnnotation(normalizeLabel(text));
}

const T2_ROW_LABELS = new Set<string>();
const TABLE_LABELS = new Set<string>(['信息内容', '申请人情况', '法人或其他组织', '行政诉讼', '其他主动公开文件']);

for (const ed of EDITIONS) {
  for (const sub of T2[ed]) {
    for (const r of sub.rows) for (const l of [r.label, ...(r.aliases ?? [])]) T2_ROW_LABELS.add(key(l));
    for (const c of sub.columns) for (const l of [c.label, ...(c.aliases ?? [])]) TABLE_LABELS.add(key(l));
  }
  for (const r of T3_ROWS[ed]) TABLE_LABELS.add(key(r.label));
}
for (const l of Object.values(T3_GROUP_LABELS)) TABLE_LABELS.add(key(l));
for (const c of [...T3_COLUMNS, ...T4_COLUMNS]) for (const l of [c.label, ...(c.aliases ?? [])]) TABLE_LABELS.add(key(l));
for (const g of T4_GROUPS) TABLE_LABELS.add(key(g.label));
for (const l of T2_ROW_LABELS) TABLE_LABELS.add(l);
TABLE_LABELS.add('三、本年度办理结果');
TABLE_LABELS.add('其他主动公开文件');

const ENUMERATED = /^(?:\d+\.|\([一二三四五六七八九十]\)|[一二三四]、)/;
const TITLE = /^第二十条第/;
const NOTE = /^\(?本列数据/;

/** A line that is certainly part of a template table. */
export function isTableLabel(text: string): boolean {
  const k = key(text);
  return TABLE_LABELS.has(k) || TITLE.test(k) || NOTE.test(k);
}

/** A sub-table title (第二十条第（N）项) or the header note of table 三: always a row of its own. */
export function isTitleCell(text: string): boolean {
  const k = normalizeLabel(text);
  return TITLE.test(k) || NOTE.test(k);
}

/** A label that begins a data row (a table-二 row label or an enumerated table-三 row label). */
export function startsRow(text: string): boolean {
  const k = key(text);
  return T2_ROW_LABELS.has(k) || k === '其他主动公开文件' || ENUMERATED.test(k);
}
