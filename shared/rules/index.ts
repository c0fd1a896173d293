/**
 * The rule engine: every rule of the catalogue (one per file), `validate` running them over a
 * report (and its predecessor for the cross-year rules), then the suspect-cell analysis, then a
 * stable order: severity (error → warning → info), catalogue order, template cell order.
 */
import { type Finding, SEVERITY_ORDER } from '../report/model.ts';
import { templateCellKeys } from '../report/template.ts';
import { CATALOGUE } from './catalogue.ts';
import { RULE_IDS, type RuleId } from './ids.ts';
import { cellName } from './labels.ts';
import { rule as eEditionPre2019, isPreTemplate } from './metadata/e-edition-pre2019.ts';
import { RULES } from './registry.ts';
import { finding, type Rule, type RuleContext } from './rule.ts';
import { fmt } from './support.ts';
import { findSuspect } from './suspect.ts';

/** The findings that can carry a suspect cell. */
const SUSPECT_RULES: ReadonlySet<string> = new Set<RuleId>([
  'K-T3-COLUMN-IDENTITY',
  'K-T3-OUTCOME-SUM',
  'K-T3-ROW-TOTAL',
  'K-T4-GROUP-TOTAL',
]);

const CATALOGUE_ORDER = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));
const SEVERITY_RANK = new Map(SEVERITY_ORDER.map((s, i) => [s, i]));
const CELL_ORDER = new Map<string, number>();
for (const key of [...templateCellKeys('2021'), ...templateCellKeys('2019')]) {
  if (!CELL_ORDER.has(key)) CELL_ORDER.set(key, CELL_ORDER.size);
}

function cellRank(f: Finding): number {
  const first = f.cells?.[0];
  if (first === undefined) return -1;
  return CELL_ORDER.get(first) ?? CELL_ORDER.size;
}

/** Sorts findings stably: severity, catalogue order, cell order. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_RANK.get(a.f.severity)! - SEVERITY_RANK.get(b.f.severity)! ||
        (CATALOGUE_ORDER.get(a.f.ruleId) ?? 0) - (CATALOGUE_ORDER.get(b.f.ruleId) ?? 0) ||
        cellRank(a.f) - cellRank(b.f) ||
        a.i - b.i,
    )
    .map((x) => x.f);
}

/** The rules that run for each edition (catalogue edition 'both'/'none', or the report's edition). */
const BY_EDITION = new Map<string | null, readonly Rule[]>(
  [null, '2019', '2021'].map((edition) => [
    edition,
    RULES.filter((rule) => {
      const e = CATALOGUE[rule.id].edition;
      return rule.id !== 'E-EDITION-PRE2019' && (e === 'both' || e === 'none' || e === edition);
    }),
  ]),
);

/** Runs every applicable rule over the report. */
export function validate(ctx: RuleContext): Finding[] {
  const { report } = ctx;
  if (isPreTemplate(report)) {
    return eEditionPre2019.check(ctx).map((d) => finding(eEditionPre2019.id, d));
  }
  const findings: Finding[] = [];
  for (const rule of BY_EDITION.get(report.edition) ?? []) {
    const drafts = rule.check(ctx);
    for (let i = 0; i < drafts.length; i++) findings.push(finding(rule.id, drafts[i]!));
  }
  const suspect = findSuspect(report);
  if (suspect) {
    const note =
      `疑为${cellName(suspect.key, report.edition)}（${suspect.key}）填写有误：现为 ${fmt(suspect.current)}，` +
      `若改为 ${fmt(suspect.corrected)}，各项勾稽关系均成立。`;
    for (const f of findings) {
      if (!SUSPECT_RULES.has(f.ruleId) || !f.cells?.includes(suspect.key)) continue;
      f.suspect = suspect.key;
      f.message = `${f.message}${note}`;
    }
  }
  return sortFindings(findings);
}
