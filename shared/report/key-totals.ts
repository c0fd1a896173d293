/**
 * The key totals of a report: the few cells a reviewer compares across a year's reports (the
 * year's spreadsheet and the report listings carry them). Keys: docs/template.md "Cell keys".
 */
import type { CellValue } from './model.ts';
import { t3Key, t4Key } from './template.ts';

export interface KeyTotal {
  key: string;
  /** Column heading in Chinese. */
  label: string;
}

export const KEY_TOTALS: readonly KeyTotal[] = [
  { key: 's2.normative.valid', label: '现行有效规范性文件（2021版）' },
  { key: 's2.normative.total', label: '规范性文件对外公开总数（2019版）' },
  { key: t3Key('new_received', 'total'), label: '本年新收申请' },
  { key: t3Key('carried_over', 'total'), label: '上年结转申请' },
  { key: t3Key('granted', 'total'), label: '予以公开' },
  { key: t3Key('total_processed', 'total'), label: '办理结果总计' },
  { key: t3Key('carried_forward', 'total'), label: '结转下年度' },
  { key: t4Key('review', 'total'), label: '行政复议总计' },
  { key: t4Key('litigation_direct', 'total'), label: '直接起诉总计' },
  { key: t4Key('litigation_after_review', 'total'), label: '复议后起诉总计' },
];

/** The key totals present in the cells (absent cells stay absent). */
export function keyTotals(cells: Readonly<Record<string, CellValue>>): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const { key } of KEY_TOTALS) if (Object.hasOwn(cells, key)) out[key] = cells[key]!;
  return out;
}
