/** Shared helpers of the rule tests: run validate, pick findings, check them against the schema. */
import { expect } from 'vitest';
import { type Finding, FindingSchema, type Report, type Severity, type UploadMetadata } from '../../shared/report/model.ts';
import type { RuleId } from '../../shared/rules/catalogue.ts';
import { validate } from '../../shared/rules/index.ts';

export function run(report: Report, metadata?: UploadMetadata, previous?: Report): Finding[] {
  const findings = validate({ report, metadata, previous });
  for (const f of findings) FindingSchema.parse(f);
  return findings;
}

export function num(report: Report, key: string): number {
  const v = report.cells[key];
  if (typeof v !== 'number') throw new Error(`${key} is not a number in the fixture`);
  return v;
}

/** A table-driven rule case: build a report, run every rule, look at one rule's findings. */
export interface RuleCase {
  name: string;
  rule: RuleId;
  report: () => Report;
  metadata?: UploadMetadata;
  /** How many findings of `rule` (0: the rule must not fire). */
  fires: number;
  severity?: Severity;
  cells?: string[];
  expected?: number;
  actual?: number;
  /** Substrings of the first finding's message (numbers, labels). */
  message?: (string | number)[];
}

export function checkCase(c: RuleCase): Finding[] {
  const all = run(c.report(), c.metadata);
  const mine = all.filter((f) => f.ruleId === c.rule);
  expect(mine, JSON.stringify(mine, null, 1)).toHaveLength(c.fires);
  const first = mine[0];
  if (!first) return mine;
  if (c.severity) expect(first.severity).toBe(c.severity);
  if (c.cells) expect(first.cells).toEqual(c.cells);
  if (c.expected !== undefined) expect(first.expected).toBe(c.expected);
  if (c.actual !== undefined) expect(first.actual).toBe(c.actual);
  for (const part of c.message ?? []) expect(first.message).toContain(String(part));
  return mine;
}
