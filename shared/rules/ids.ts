/**
 * The stable ids of the rules catalogue, in catalogue order (docs/rules.md): the input ids the
 * product adds (I-*), then the template's rules by group (M/E, C, P, K, X/H, T). Findings sort by
 * this order. Kept apart from the declarations (catalogue.ts) so that code that only needs to
 * recognise an id — the API — does not load every rule.
 */

export const RULE_IDS = [
  'I-EMPTY',
  'I-BINARY',
  'I-UNREADABLE',
  'I-UNSUPPORTED-TYPE',
  'I-PDF-ENCRYPTED',
  'I-PDF-NO-TEXT',
  'I-TOO-LARGE',
  'I-NOT-A-REPORT',
  'M-TITLE-MISSING',
  'M-YEAR-UNDETERMINED',
  'M-YEAR-CONFLICT',
  'M-PERIOD-MISSING',
  'M-PERIOD-NOT-CALENDAR',
  'M-PUBLISH-LATE',
  'E-EDITION-UNDETERMINED',
  'E-EDITION-MIXED',
  'E-EDITION-YEAR-MISMATCH',
  'E-EDITION-PRE2019',
  'C-SECTION-MISSING',
  'C-SECTION-ORDER',
  'C-SECTION-DUPLICATE',
  'C-SECTION-HEADING-VARIANT',
  'C-SECTION-EMPTY',
  'C-TABLE-MISSING',
  'C-TABLE-UNFILLED',
  'C-TABLE-AS-IMAGE',
  'C-TABLE-MISPLACED',
  'C-ROW-MISSING',
  'C-ROW-EXTRA',
  'C-COL-MISSING',
  'C-COL-EXTRA',
  'C-LABEL-VARIANT',
  'C-CELL-BLANK',
  'C-CELL-NA',
  'P-CELL-UNPARSEABLE',
  'P-CELL-NEGATIVE',
  'P-CELL-NONINTEGER',
  'P-UNIT-EMBEDDED',
  'P-UNIT-CONFLICT',
  'P-UNIT-MISSING',
  'P-DELTA-AMBIGUOUS',
  'P-SHIFTED-CELL',
  'P-NORMALIZED',
  'P-STRAY-MARK',
  'P-ROW-AMBIGUOUS',
  'K-T3-COLUMN-IDENTITY',
  'K-T3-OUTCOME-SUM',
  'K-T3-ROW-TOTAL',
  'K-T3-ROW-TOTAL-BLANK',
  'K-T3-GROUP-SUBTOTAL',
  'K-T4-GROUP-TOTAL',
  'K-T4-TOTAL-BLANK',
  'K-T2-STOCK-FLOOR',
  'K-T2-RULEMAKING',
  'K-T2-MATTERS-NONNEG',
  'K-T2-PUBLISHED-LE-TOTAL',
  'K-T2-PUBLISHED-LE-MADE',
  'X-T3-CARRYOVER',
  'X-T2-STOCK-CONTINUITY',
  'X-T2-MATTERS-CONTINUITY',
  'X-T2-PUBLISHED-STOCK',
  'X-EDITION-REGRESSION',
  'X-S5-FOLLOW-UP',
  'H-TEXT-COPIED',
  'T-S1-ASPECTS',
  'T-S1-GOV-ACCOUNTABILITY',
  'T-S5-PROBLEMS-AND-MEASURES',
  'T-S5-PRIOR-RECTIFICATION',
  'T-S6-FEE-STATEMENT',
  'T-S6-GOV-ITEMS',
  'T-NUM-TEXT-TABLE',
  'T-S4-NARRATIVE-CONFLICT',
  'T-PREAMBLE-PARTS',
  'T-S6-FEE-WITHOUT-REQUESTS',
] as const;

/** A rule id of the catalogue. */
export type RuleId = (typeof RULE_IDS)[number];

const IDS: ReadonlySet<string> = new Set(RULE_IDS);

/** Whether `id` is a rule id of the catalogue. */
export function isRuleId(id: string): id is RuleId {
  return IDS.has(id);
}

/** Bumped whenever a rule's logic or the catalogue changes; stored with every evaluation. */
export const RULESET_VERSION = '2026.12.06-2';
