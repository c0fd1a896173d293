import { isDeltaKey } from '../../report/template.ts';
import { cellName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';
import { fmt, scanCells } from '../support.ts';

/** A negative value in any template cell other than the 2019 本年增/减 cells. */
export const rule: Rule = {
  id: 'P-CELL-NEGATIVE',
  severity: 'error',
  category: 'consistency',
  edition: 'both',
  title: '单元格为负数',
  checks: 'A negative value in any cell other than `s2.*.delta` (2019).',
  reads: ['every template cell except s2.*.delta'],
  check({ report }) {
    const edition = report.edition;
    if (edition === null) return [];
    const out: Draft[] = [];
    for (const key of scanCells(report).negative) {
      const v = report.cells[key] as number;
      if (isDeltaKey(key)) continue;
      out.push({ message: `${cellName(key, edition)}为负数 ${fmt(v)}。`, cells: [key], actual: v, source: report.cellSources[key] });
    }
    return out;
  },
};
