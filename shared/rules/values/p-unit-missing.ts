import { cellName } from '../labels.ts';
import type { Rule } from '../rule.ts';
import { fmt } from '../support.ts';

const KEY = 's2.procurement.amount';

/** 2019: a non-zero 采购总金额 with no currency unit in the cell or its header. */
export const rule: Rule = {
  id: 'P-UNIT-MISSING',
  severity: 'warning',
  category: 'format',
  edition: '2019',
  title: '采购总金额未注明单位',
  checks: '`s2.procurement.amount` is non-zero and neither the cell nor the header states a currency unit.',
  reads: ['s2.procurement.amount'],
  check({ report }) {
    const v = report.cells[KEY];
    if (typeof v !== 'number' || v === 0) return [];
    const inCell = report.recognition.cellIssues.some((i) => i.key === KEY && i.unit);
    const t29 = report.recognition.tables.find((t) => t.id === 't2.9');
    if (inCell || t29?.headerUnits.amount) return [];
    return [
      {
        message: `${cellName(KEY, '2019')}为 ${fmt(v)}，但单元格和表头都未注明金额单位（元或万元）。`,
        cells: [KEY],
        actual: v,
        source: report.cellSources[KEY],
      },
    ];
  },
};
