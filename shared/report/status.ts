/**
 * The status of a report version: the worst severity among its findings. The one definition used
 * by the use cases, the stored records, the API views and the email.
 */
import { z } from 'zod';
import type { Finding, Severity } from './model.ts';

export const StatusSchema = z.enum(['error', 'warning', 'ok']);
/** `error` or `warning` when a finding of that severity exists; `ok` for info findings only, or none. */
export type Status = z.infer<typeof StatusSchema>;

export const CountsSchema = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
/** Findings counted by severity. */
export type Counts = z.infer<typeof CountsSchema>;

/**
 * Counts findings by severity.
 * @param findings - any findings
 * @returns a count for each of error, warning and info (zero when absent)
 */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/**
 * The status of a set of findings from their counts.
 * @param counts - findings counted by severity (see countBySeverity)
 */
export const statusOf = (counts: Record<Severity, number>): Status => (counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'ok');
