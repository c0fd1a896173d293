/**
 * The rule interface. One rule per file (shared/rules/<group>/<rule-id>.ts), each exporting a
 * `Rule` whose id is a catalogue id. A rule never fires when its inputs are absent.
 */
import type { Category, Finding, Report, Severity, Source, UploadMetadata } from '../report/model.ts';
import { CATALOGUE } from './catalogue.ts';
import type { BoilerplateIndex } from './history/boilerplate.ts';
import type { RuleId } from './ids.ts';

export interface RuleContext {
  report: Report;
  /** The same agency's report for the previous year, when known (cross-year rules). */
  previous?: Report;
  metadata?: UploadMetadata;
  /**
   * Sentences shared by many agencies' reports of the same year (H-TEXT-COPIED leaves them out);
   * without it the rule uses its built-in template phrases only.
   */
  boilerplate?: BoilerplateIndex;
}

/** What a rule returns: everything of a Finding but what the catalogue decides. */
export interface Draft {
  message: string;
  cells?: string[];
  expected?: number;
  actual?: number;
  suspect?: string;
  source?: Source;
  /** Override the catalogue severity where the spec says so (e.g. C-CELL-BLANK downgraded to info). */
  severity?: Finding['severity'];
}

/** Which edition's reports a rule applies to; `none` for input ids and pre-template reports. */
export type RuleEdition = 'both' | '2019' | '2021' | 'none';

/** What a rule is, as data: the catalogue and docs/rules.md are built from these fields. */
export interface RuleDeclaration {
  id: RuleId;
  severity: Severity;
  category: Category;
  edition: RuleEdition;
  /** Short Chinese title, for emails and listings. */
  title: string;
  /** What it checks, in a sentence or two (English). */
  checks: string;
  /** The cells (canonical keys, `*` for any) or other parts of the report it reads. */
  reads: readonly string[];
}

/** A rule: its declaration and its check. A rule never fires when its inputs are absent. */
export interface Rule extends RuleDeclaration {
  check(ctx: RuleContext): Draft[];
}

/** Builds a Finding from a rule id and a draft; severity and category come from the catalogue. */
export function finding(ruleId: RuleId, draft: Draft): Finding {
  const entry = CATALOGUE[ruleId];
  const out: Finding = {
    ruleId,
    severity: draft.severity ?? entry.severity,
    category: entry.category,
    message: draft.message,
  };
  if (draft.cells?.length) out.cells = draft.cells;
  if (draft.expected !== undefined) out.expected = draft.expected;
  if (draft.actual !== undefined) out.actual = draft.actual;
  if (draft.suspect !== undefined) out.suspect = draft.suspect;
  if (draft.source && (draft.source.line !== undefined || draft.source.page !== undefined)) {
    out.source = {};
    if (draft.source.line !== undefined) out.source.line = draft.source.line;
    if (draft.source.page !== undefined) out.source.page = draft.source.page;
  }
  return out;
}
