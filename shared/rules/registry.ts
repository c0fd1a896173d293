/**
 * Every rule of the catalogue, one per file: the in-report rules (groups M/E, C, P, K, T of docs/rules.md) in
 * catalogue order, the cross-year rules (history/), and the input declarations (input.ts). The
 * catalogue (catalogue.ts) and docs/rules.md are built from these declarations.
 */

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
import { HISTORY_RULES } from './history/index.ts';
import { INPUT_DECLARATIONS } from './input.ts';
import { rule as eEditionMixed } from './metadata/e-edition-mixed.ts';
import { rule as eEditionPre2019 } from './metadata/e-edition-pre2019.ts';
import { rule as eEditionUndetermined } from './metadata/e-edition-undetermined.ts';
import { rule as eEditionYearMismatch } from './metadata/e-edition-year-mismatch.ts';
import { rule as mPeriodMissing } from './metadata/m-period-missing.ts';
import { rule as mPeriodNotCalendar } from './metadata/m-period-not-calendar.ts';
import { rule as mPublishLate } from './metadata/m-publish-late.ts';
import { rule as mTitleMissing } from './metadata/m-title-missing.ts';
import { rule as mYearConflict } from './metadata/m-year-conflict.ts';
import { rule as mYearUndetermined } from './metadata/m-year-undetermined.ts';
import type { Rule, RuleDeclaration } from './rule.ts';
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
import { rule as cTableUnfilled } from './structure/c-table-unfilled.ts';
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
import { rule as pRowAmbiguous } from './values/p-row-ambiguous.ts';
import { rule as pShiftedCell } from './values/p-shifted-cell.ts';
import { rule as pStrayMark } from './values/p-stray-mark.ts';
import { rule as pUnitConflict } from './values/p-unit-conflict.ts';
import { rule as pUnitEmbedded } from './values/p-unit-embedded.ts';
import { rule as pUnitMissing } from './values/p-unit-missing.ts';

/** Every in-report rule (docs/rules.md), in catalogue order. */
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
  cTableUnfilled,
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
  pStrayMark,
  pRowAmbiguous,
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

/** Every declaration: the rules and the input ids. */
export const DECLARATIONS: readonly RuleDeclaration[] = [...INPUT_DECLARATIONS, ...RULES];

export { HISTORY_RULES };
