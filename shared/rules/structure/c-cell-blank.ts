import { tableOfKey } from '../../report/template.ts';
import { analyze, evaluate, identitiesOf } from '../arithmetic/identities.ts';
import { cellName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';
import { scanCells } from '../support.ts';

/**
 * A template cell is blank. Info instead of warning when every relation containing the cell
 * holds with the blank read as 0. A blank total already reported by K-T3-ROW-TOTAL-BLANK /
 * K-T4-TOTAL-BLANK (its parts sum to more than 0) is not repeated here.
 */
export const rule: Rule = {
  id: 'C-CELL-BLANK',
  severity: 'warning',
  category: 'completeness',
  edition: 'both',
  title: '单元格空白',
  checks:
    'A template cell is blank (`null`). Downgrade to info when every relation containing the cell holds with the blank read as 0. Not for the cells of an unfilled table (C-TABLE-UNFILLED).',
  reads: ['every template cell (s2.*, s3.*, s4.*)'],
  check({ report }) {
    const edition = report.edition;
    const a = analyze(report);
    if (edition === null || !a) return [];
    const derived = new Set(a.derived.map((d) => d.key));
    // An unfilled table is one finding (C-TABLE-UNFILLED), not one per cell.
    const unfilled = new Set(report.recognition.tables.filter((t) => t.unfilled).map((t) => t.id));
    const out: Draft[] = [];
    for (const key of scanCells(report).blank) {
      if (derived.has(key) || (unfilled.size > 0 && unfilled.has(tableOfKey(key)!))) continue;
      const relations = identitiesOf(edition, key).map((id) => evaluate(id, a.cells));
      const allHold = relations.every((e) => e.holds !== false);
      const draft: Draft = {
        message: allHold
          ? `${cellName(key, edition)}为空白（按 0 计，相关勾稽关系成立；建议填写 0）。`
          : `${cellName(key, edition)}为空白，应填写数字（无则填 0）。`,
        cells: [key],
        source: report.cellSources[key],
      };
      if (allHold) draft.severity = 'info';
      out.push(draft);
    }
    return out;
  },
};
