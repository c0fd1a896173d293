/**
 * The rule engine: every rule of the catalogue (one per file), `validate` running them over a
 * report (and its predecessor for the cross-year rules), then the suspect-cell analysis, then a
 * stable order: severity (error → warning → info), catalogue order, template cell order.
 */
import { type Finding, SEVERITY_ORDER } from '../report/model.ts';
import { templateCellKeys } from '../report/template.ts';
import { rule as kT2MattersNonneg } from './arithmetic/k-t2-matters-nonneg.ts';
import { rule as kT2PublishedLeMade } from './arithmetic/k-t2-published-le-made.ts';
import { rule as kT2PublishedLeTotal } from './arithmetic/k-t2-published-le-total.ts';
import { rule as kT2Rulemaking } from './arithmetic/k-t2-rulemaking.ts';
import { rule as kT2StockFloor } from './arithmetic/k-t2-stock-floor.ts';
import { rule as kT3ColumnIdentity } from './arithmetic/k-t3-column-identity.ts';
import { rule as kT3GroupSubtotal } from './arithmetic/k-t3-group-subtotal.ts';
import { rule as kT3OutcomeSum } from './arithmetic/k-t3-outcome-sum.ts';
import { rule as kT3RowTotal } from './arithmetic/k-t3-row-total.ts';
import { rule as kT3RowTotalBlank } from './arithmetic/k-t3-row-total-blank.ts';
import { rule as kT4GroupTotal } from './arithmetic/k-t4-group-total.ts';
import { rule as kT4TotalBlank } from './arithmetic/k-t4-total-blank.ts';
import { CATALOGUE, type RuleId } from './catalogue.ts';
import { HISTORY_RULES } from './history/index.ts';
import { cellName } from './labels.ts';
import { rule as eEditionMixed } from './metadata/e-edition-mixed.ts';
import { rule as eEditionPre2019, isPreTemplate } from './metadata/e-edition-pre2019.ts';
import { rule as eEditionUndetermined } from './metadata/e-edition-undetermined.ts';
import { rule as eEditionYearMismatch } from './metadata/e-edition-year-mismatch.ts';
import { rule as mPeriodMissing } from './metadata/m-period-missing.ts';
import { rule as mPeriodNotCalendar } from './metadata/m-period-not-calendar.ts';
import { rule as mPublishLate } from './metadata/m-publish-late.ts';
import { rule as mTitleMissing } from './metadata/m-title-missing.ts';
import { rule as mYearConflict } from './metadata/m-year-conflict.ts';
import { rule as mYearUndetermined } from './metadata/m-year-undetermined.ts';
import { finding, type Rule, type RuleContext } from './rule.ts';
import { rule as cCellBlank } from './structure/c-cell-blank.ts';
import { rule as cCellNa } from './structure/c-cell-na.ts';
import { rule as cColExtra } from './structure/c-col-extra.ts';
import { rule as cColMissing } from './structure/c-col-missing.ts';
import { rule as cLabelVariant } from './structure/c-label-variant.ts';
import { rule as cRowExtra } from './structure/c-row-extra.ts';
import { rule as cRowMissing } from './structure/c-row-missing.ts';
import { rule as cSectionDuplicate } from './structure/c-section-duplicate.ts';
import { rule as cSectionEmpty } from './structure/c-section-empty.ts';
import { rule as cSectionHeadingVariant } from './structure/c-section-heading-variant.ts';
import { rule as cSectionMissing } from './structure/c-section-missing.ts';
import { rule as cSectionOrder } from './structure/c-section-order.ts';
import { rule as cTableAsImage } from './structure/c-table-as-image.ts';
import { rule as cTableMisplaced } from './structure/c-table-misplaced.ts';
import { rule as cTableMissing } from './structure/c-table-missing.ts';
import { fmt } from './support.ts';
import { findSuspect } from './suspect.ts';
import { rule as tNumTextTable } from './text/t-num-text-table.ts';
import { rule as tPreambleParts } from './text/t-preamble-parts.ts';
import { rule as tS1Aspects } from './text/t-s1-aspects.ts';
import { rule as tS1GovAccountability } from './text/t-s1-gov-accountability.ts';
import { rule as tS4NarrativeConflict } from './text/t-s4-narrative-conflict.ts';
import { rule as tS5PriorRectification } from './text/t-s5-prior-rectification.ts';
import { rule as tS5ProblemsAndMeasures } from './text/t-s5-problems-and-measures.ts';
import { rule as tS6FeeStatement } from './text/t-s6-fee-statement.ts';
import { rule as tS6FeeWithoutRequests } from './text/t-s6-fee-without-requests.ts';
import { rule as tS6GovItems } from './text/t-s6-gov-items.ts';
import { rule as pCellNegative } from './values/p-cell-negative.ts';
import { rule as pCellNoninteger } from './values/p-cell-noninteger.ts';
import { rule as pCellUnparseable } from './values/p-cell-unparseable.ts';
import { rule as pDeltaAmbiguous } from './values/p-delta-ambiguous.ts';
import { rule as pNormalized } from './values/p-normalized.ts';
import { rule as pShiftedCell } from './values/p-shifted-cell.ts';
import { rule as pUnitConflict } from './values/p-unit-conflict.ts';
import { rule as pUnitEmbedded } from './values/p-unit-embedded.ts';
import { rule as pUnitMissing } from './values/p-unit-missing.ts';

/** Every in-report rule (spec §8.1–8.4, §8.6), in catalogue order. */
export const REPORT_RULES: readonly Rule[] = [
  mTitleMissing,
  mYearUndetermined,
  mYearConflict,
  mPeriodMissing,
  mPeriodNotCalendar,
  mPublishLate,
  eEditionUndetermined,
  eEditionMixed,
  eEditionYearMismatch,
  eEditionPre2019,
  cSectionMissing,
  cSectionOrder,
  cSectionDuplicate,
  cSectionHeadingVariant,
  cSectionEmpty,
  cTableMissing,
  cTableAsImage,
  cTableMisplaced,
  cRowMissing,
  cRowExtra,
  cColMissing,
  cColExtra,
  cLabelVariant,
  cCellBlank,
  cCellNa,
  pCellUnparseable,
  pCellNegative,
  pCellNoninteger,
  pUnitEmbedded,
  pUnitConflict,
  pUnitMissing,
  pDeltaAmbiguous,
  pShiftedCell,
  pNormalized,
  kT3ColumnIdentity,
  kT3OutcomeSum,
  kT3RowTotal,
  kT3RowTotalBlank,
  kT3GroupSubtotal,
  kT4GroupTotal,
  kT4TotalBlank,
  kT2StockFloor,
  kT2Rulemaking,
  kT2MattersNonneg,
  kT2PublishedLeTotal,
  kT2PublishedLeMade,
  tS1Aspects,
  tS1GovAccountability,
  tS5ProblemsAndMeasures,
  tS5PriorRectification,
  tS6FeeStatement,
  tS6GovItems,
  tNumTextTable,
  tS4NarrativeConflict,
  tPreambleParts,
  tS6FeeWithoutRequests,
];

/** Every rule: the in-report rules, then the cross-year ones. */
export const RULES: readonly Rule[] = [...REPORT_RULES, ...HISTORY_RULES];

/** The findings that can carry a suspect cell. */
const SUSPECT_RULES: ReadonlySet<string> = new Set<RuleId>([
  'K-T3-COLUMN-IDENTITY',
  'K-T3-OUTCOME-SUM',
  'K-T3-ROW-TOTAL',
  'K-T4-GROUP-TOTAL',
]);

const CATALOGUE_ORDER = new Map(Object.keys(CATALOGUE).map((id, i) => [id, i]));
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
