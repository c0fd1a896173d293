import type { CellIssue, Report } from '../../report/model.ts';
import { cellName } from '../labels.ts';
import type { Draft } from '../rule.ts';

/** The value parser's remarks of one kind, one draft per cell (docs/template.md "Reading a cell"; recognition fills them). */
export function issueDrafts(report: Report, issue: CellIssue['issue'], message: (name: string, i: CellIssue) => string): Draft[] {
  const seen = new Set<string>();
  const out: Draft[] = [];
  for (const i of report.recognition.cellIssues) {
    if (i.issue !== issue || seen.has(i.key)) continue;
    seen.add(i.key);
    out.push({ message: message(cellName(i.key, report.edition), i), cells: [i.key], source: i.source ?? report.cellSources[i.key] });
  }
  return out;
}
