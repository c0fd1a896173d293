import { MONEY_KEYS } from '../../report/template.ts';
import { cellName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';
import { fmt, scanCells } from '../support.ts';

/** A non-integer in a count cell (every cell but the money cells). */
export const rule: Rule = {
  id: 'P-CELL-NONINTEGER',
  severity: 'error',
  category: 'format',
  edition: 'both',
  title: '计数单元格不是整数',
  checks: 'A non-integer in a count cell (everything except `s2.fees.amount` and `s2.procurement.amount`).',
  reads: ['every count cell (all but s2.fees.amount, s2.procurement.amount)'],
  check({ report }) {
    const edition = report.edition;
    if (edition === null) return [];
    const out: Draft[] = [];
    const seen = new Set<string>();
    for (const key of scanCells(report).nonInteger) {
      const v = report.cells[key] as number;
      if (MONEY_KEYS.has(key)) continue;
      seen.add(key);
      out.push({
        message: `${cellName(key, edition)}为 ${fmt(v)}，计数应为整数。`,
        cells: [key],
        actual: v,
        source: report.cellSources[key],
      });
    }
    for (const i of report.recognition.cellIssues) {
      if (i.issue !== 'noninteger' || seen.has(i.key)) continue;
      seen.add(i.key);
      out.push({ message: `${cellName(i.key, edition)}填写为“${i.raw}”，计数应为整数。`, cells: [i.key], source: i.source });
    }
    return out;
  },
};
