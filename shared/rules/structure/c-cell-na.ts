import type { Draft, Rule } from '../rule.ts';
import { scanCells } from '../support.ts';
import { cellName } from '../labels.ts';

/** A template cell holds a not-applicable mark; warning in tables 三/四, where every cell applies. */
export const rule: Rule = {
  id: 'C-CELL-NA',
  check({ report }) {
    const edition = report.edition;
    if (edition === null) return [];
    const out: Draft[] = [];
    for (const key of scanCells(report).na) {
      const inT34 = key.startsWith('s3.') || key.startsWith('s4.');
      const raw = report.cellSources[key]?.raw ?? '/';
      const draft: Draft = {
        message: inT34
          ? `${cellName(key, edition)}填写为“${raw}”；表三、表四的每个单元格都适用，无则应填 0。`
          : `${cellName(key, edition)}填写为不适用（“${raw}”）。`,
        cells: [key],
        source: report.cellSources[key],
      };
      if (inT34) draft.severity = 'warning';
      out.push(draft);
    }
    return out;
  },
};
