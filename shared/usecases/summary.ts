/**
 * The year at a glance (`GET /summary?year=`, the local index page): reports by status, the most
 * frequent rules, and the reports with the most errors — from the same page-by-page reads as the
 * export (export.ts).
 */
import { z } from 'zod';
import { SeveritySchema } from '../report/model.ts';
import { isRuleId } from '../rules/ids.ts';
import { RULE_TITLES } from '../rules/titles.ts';
import type { YearExport } from './export.ts';

const TOP = 10;

export const YearSummarySchema = z
  .strictObject({
    year: z.number().int(),
    reports: z.number().int().min(0),
    byStatus: z.strictObject({ error: z.number().int(), warning: z.number().int(), ok: z.number().int() }),
    topRules: z.array(
      z.strictObject({
        ruleId: z.string(),
        title: z.string().nullable(),
        severity: SeveritySchema,
        findings: z.number().int(),
        reports: z.number().int().meta({ description: 'Reports with at least one finding of the rule.' }),
      }),
    ),
    mostErrors: z.array(
      z.strictObject({ reportId: z.string(), agency: z.string().nullable(), errors: z.number().int(), warnings: z.number().int() }),
    ),
  })
  .meta({ id: 'YearSummary', description: 'A year’s reports at a glance.' });
export type YearSummary = z.infer<typeof YearSummarySchema>;

export function summarize(data: YearExport): YearSummary {
  const byStatus = { error: 0, warning: 0, ok: 0 };
  for (const r of data.reports) byStatus[r.status]++;
  const rules = new Map<string, { severity: YearSummary['topRules'][number]['severity']; findings: number; reports: Set<string> }>();
  for (const f of data.findings) {
    const r = rules.get(f.ruleId) ?? { severity: f.severity, findings: 0, reports: new Set<string>() };
    r.findings++;
    r.reports.add(f.reportId);
    rules.set(f.ruleId, r);
  }
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const topRules = [...rules]
    .map(([ruleId, r]) => ({
      ruleId,
      title: isRuleId(ruleId) ? RULE_TITLES[ruleId] : null,
      severity: r.severity,
      findings: r.findings,
      reports: r.reports.size,
    }))
    .sort((a, b) => rank[a.severity] - rank[b.severity] || b.reports - a.reports || a.ruleId.localeCompare(b.ruleId))
    .slice(0, TOP);
  const mostErrors = data.reports
    .filter((r) => r.counts.error > 0)
    .sort((a, b) => b.counts.error - a.counts.error || b.counts.warning - a.counts.warning || a.reportId.localeCompare(b.reportId))
    .slice(0, TOP)
    .map((r) => ({ reportId: r.reportId, agency: r.agency, errors: r.counts.error, warnings: r.counts.warning }));
  return { year: data.year, reports: data.reports.length, byStatus, topRules, mostErrors };
}
