import { analyze } from '../arithmetic/identities.ts';
import { cellName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';
import { scanCells } from '../support.ts';

/** A template cell holds a not-applicable mark; warning in tables 三/四, where every cell applies. */
export const rule: Rule = {
  id: 'C-CELL-NA',
  severity: 'info',
  category: 'format',
  edition: 'both',
  title: '单元格填写为不适用',
  checks: 'A template cell holds a not-applicable mark (`"/"`).',
  reads: ['every template cell (s2.*, s3.*, s4.*)'],
  check({ report }) {
    const edition = report.edition;
    const a = analyze(report);
    if (edition === null || !a) return [];
    // A "/" total whose parts sum to more than 0 is K-T3-ROW-TOTAL-BLANK / K-T4-TOTAL-BLANK's.
    const derived = new Set(a.derived.map((d) => d.key));
    const out: Draft[] = [];
    for (const key of scanCells(report).na) {
      if (derived.has(key)) continue;
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
