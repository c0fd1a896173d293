/**
 * The rules catalogue: every rule id with its declaration — severity, category, edition, Chinese
 * title, what it checks and what it reads — collected from the rule files (registry.ts). Severity
 * and category of a finding always come from here. docs/rules.md is generated from it
 * (`npm run docs`), and a test fails when the page is stale.
 */
import type { Category, Severity } from '../report/model.ts';
import { RULE_IDS, type RuleId } from './ids.ts';
import { DECLARATIONS } from './registry.ts';
import type { RuleDeclaration, RuleEdition } from './rule.ts';

export { isRuleId, RULE_IDS, RULESET_VERSION, type RuleId } from './ids.ts';
export type { RuleEdition };

/** A catalogue entry: a declaration without its id. */
export interface CatalogueEntry {
  severity: Severity;
  category: Category;
  edition: RuleEdition;
  /** Short Chinese title, for emails and listings. */
  title: string;
  checks: string;
  reads: readonly string[];
}

function build(): Record<RuleId, CatalogueEntry> {
  const byId = new Map<string, RuleDeclaration>();
  for (const d of DECLARATIONS) {
    if (byId.has(d.id)) throw new Error(`rule ${d.id} is declared twice`);
    byId.set(d.id, d);
  }
  const out = {} as Record<RuleId, CatalogueEntry>;
  for (const id of RULE_IDS) {
    const d = byId.get(id);
    if (!d) throw new Error(`rule ${id} has no declaration`);
    const { id: _id, ...entry } = d;
    out[id] = entry;
  }
  return out;
}

/** Every rule id's entry, in catalogue order. */
export const CATALOGUE: Readonly<Record<RuleId, CatalogueEntry>> = build();

/** The entry of a rule id. */
export function catalogueEntry(id: RuleId): CatalogueEntry {
  return CATALOGUE[id];
}
