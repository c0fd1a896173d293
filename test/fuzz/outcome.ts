/**
 * What every fuzz case must end as: a Report, or one or more `input` findings (rule id I-…)
 * with a Chinese message, every finding valid against the schema. A throw from checkBytes is a
 * crash (checkBytes throws only on a bug: see shared/usecases/check.ts).
 */
import { FindingSchema } from '../../shared/report/model.ts';
import type { CheckResult } from '../../shared/usecases/check.ts';

const CHINESE = /[\u4e00-\u9fff]/;

/** What is wrong with a check's result, or undefined when it is a proper outcome. */
export function judge(result: CheckResult): string | undefined {
  for (const f of result.findings) {
    const parsed = FindingSchema.safeParse(f);
    if (!parsed.success) return `invalid finding ${JSON.stringify(f)}: ${parsed.error.message}`;
    if (!CHINESE.test(f.message)) return `finding ${f.ruleId} without a Chinese message: ${f.message}`;
  }
  if (result.report) return undefined;
  const inputs = result.findings.filter((f) => f.category === 'input' && f.ruleId.startsWith('I-'));
  if (inputs.length === 0) return `no report and no input finding: ${JSON.stringify(result.findings)}`;
  return undefined;
}

/** The outcome in one word: "report" or the input finding's rule id. */
export function outcomeOf(result: CheckResult): string {
  return result.report ? 'report' : (result.findings.find((f) => f.category === 'input')?.ruleId ?? 'none');
}
