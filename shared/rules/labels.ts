/**
 * Chinese names of template cells for finding messages, read from the template (never retyped):
 * `表三“予以公开”行“自然人”列`, `表四“行政复议”“总计”`, `表二“行政规范性文件”“本年制发件数”`.
 */
import {
  EDITIONS,
  type Edition,
  T2,
  T3_COLUMNS,
  T3_GROUP_LABELS,
  T3_ROWS,
  type T3Group,
  T4_COLUMNS,
  T4_GROUPS,
} from '../report/template.ts';

/** A label without its enumeration prefix: `（一）予以公开` → `予以公开`, `一、本年新收…` → `本年新收…`. */
export function bare(label: string): string {
  return label.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)\s*/, '');
}

const T3_ROW_NAMES = new Map<string, string>();
for (const ed of EDITIONS) {
  for (const row of T3_ROWS[ed]) {
    const group = row.key.includes('.') ? (row.key.split('.')[0] as T3Group) : undefined;
    let name = bare(row.label).replace(/（区分处理的.*$/, '');
    if (group && row.key !== 'other') name = `${bare(T3_GROUP_LABELS[group])}—${name}`;
    T3_ROW_NAMES.set(row.key, name);
  }
}
// （七）总计 would read as the 总计 column once its number is dropped.
T3_ROW_NAMES.set('total_processed', '办理结果总计');

/** Short names for the rows of the column identity (K1), as people say them. */
export const T3_SHORT: Record<string, string> = {
  new_received: '本年新收',
  carried_over: '上年结转',
  total_processed: '办理结果总计',
  carried_forward: '结转下年度',
};

export function t3RowName(row: string): string {
  return T3_ROW_NAMES.get(row) ?? row;
}
export function t3ColumnName(column: string): string {
  return T3_COLUMNS.find((c) => c.key === column)?.label ?? column;
}
export function t4GroupName(group: string): string {
  return T4_GROUPS.find((g) => g.key === group)?.label ?? group;
}
export function t4ColumnName(column: string): string {
  return T4_COLUMNS.find((c) => c.key === column)?.label ?? column;
}
export function t2RowName(row: string, edition: Edition | null): string {
  for (const ed of edition ? [edition] : EDITIONS) {
    for (const t of T2[ed]) {
      const r = t.rows.find((x) => x.key === row);
      if (r) return r.label;
    }
  }
  return row;
}
export function t2ColumnName(column: string, edition: Edition | null): string {
  for (const ed of edition ? [edition] : EDITIONS) {
    for (const t of T2[ed]) {
      const c = t.columns.find((x) => x.key === column);
      if (c) return c.label;
    }
  }
  return column;
}

/** Splits `s3.denied.third_party.natural` into table, row and column. */
export function splitKey(key: string): { table: 's2' | 's3' | 's4' | string; row: string; column: string } {
  const parts = key.split('.');
  return { table: parts[0] ?? '', row: parts.slice(1, -1).join('.'), column: parts[parts.length - 1] ?? '' };
}

/** The Chinese name of one cell, e.g. `表三“予以公开”行“自然人”列`. */
export function cellName(key: string, edition: Edition | null = null): string {
  const { table, row, column } = splitKey(key);
  if (table === 's3') return `表三“${t3RowName(row)}”行“${t3ColumnName(column)}”列`;
  if (table === 's4') return `表四“${t4GroupName(row)}”“${t4ColumnName(column)}”`;
  if (table === 's2') return `表二“${t2RowName(row, edition)}”“${t2ColumnName(column, edition)}”`;
  return key;
}

const TABLE_NAMES: Record<string, string> = {
  't2.1': '表二第二十条第（一）项',
  't2.5': '表二第二十条第（五）项',
  't2.6': '表二第二十条第（六）项',
  't2.8': '表二第二十条第（八）项',
  't2.9': '表二第二十条第（九）项',
  t3: '表三（收到和处理政府信息公开申请情况）',
  t4: '表四（政府信息公开行政复议、行政诉讼情况）',
};
export function tableName(id: string): string {
  return TABLE_NAMES[id] ?? id;
}

export const SECTION_NAMES = ['', '一', '二', '三', '四', '五', '六'] as const;
export function sectionName(n: number): string {
  return `第${SECTION_NAMES[n] ?? n}部分`;
}

/** The Chinese name of a template row (table 四: a group). */
export function rowName(tableId: string, row: string, edition: Edition | null): string {
  if (tableId === 't3') return t3RowName(row);
  if (tableId === 't4') return t4GroupName(row);
  return t2RowName(row, edition);
}

/** The Chinese name of a template column. */
export function columnName(tableId: string, column: string, edition: Edition | null): string {
  if (tableId === 't3') return t3ColumnName(column);
  if (tableId === 't4') return t4ColumnName(column);
  return t2ColumnName(column, edition);
}
