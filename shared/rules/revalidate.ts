/**
 * Revalidation: the findings of stored reports recomputed with the current rules (after a rule
 * change), from the stored Reports alone — no file is read again — and compared with the
 * findings stored with them (new / resolved / unchanged, by rule id + cells + message; see
 * shared/rules/diff.ts).
 *
 * A stored report without its `previous` is paired with the same agency's report for year Y−1
 * from the same batch when there is one, so the cross-year rules run as they would at upload.
 */
import { z } from 'zod';
import { sameAgency } from '../report/agency.ts';
import { type Finding, FindingSchema, type Report, ReportSchema, UploadMetadataSchema } from '../report/model.ts';
import { diffFindings } from './diff.ts';
import { BoilerplateIndex } from './history/boilerplate.ts';
import { comparedSentences } from './history/copied-text.ts';
import { validate } from './index.ts';

export const StoredReportSchema = z.object({
  /** The caller's id for the report or version (passed through). */
  id: z.string().optional(),
  report: ReportSchema,
  metadata: UploadMetadataSchema.optional(),
  /** The same agency's previous-year report, when the caller knows it. */
  previous: ReportSchema.optional(),
  /** The findings stored with the report (computed by an earlier ruleset). */
  findings: z.array(FindingSchema).default([]),
});
export type StoredReport = z.input<typeof StoredReportSchema>;

export interface RevalidateOptions {
  /** Pair reports without `previous` with the batch's same-agency Y−1 report (default true). */
  pairWithinBatch?: boolean;
  /**
   * Boilerplate for H-TEXT-COPIED: an index, or 'batch' to build one per report year from the
   * batch itself (sentences of ≥ minOtherAgencies other agencies). Default: built-in list only.
   */
  boilerplate?: BoilerplateIndex | 'batch';
  minOtherAgencies?: number;
}

export interface ChangedReport {
  /** Position in the input. */
  index: number;
  id?: string;
  agency: string | null;
  year: number | null;
  /** Findings the current rules give that were not stored. */
  added: Finding[];
  /** Stored findings the current rules no longer give. */
  resolved: Finding[];
  unchanged: number;
}

export interface RevalidateResult {
  /** The current findings of every input report, in input order. */
  findings: Finding[][];
  /** The reports whose findings differ from the stored ones. */
  changed: ChangedReport[];
}

type Parsed = z.output<typeof StoredReportSchema>;

function previousInBatch(items: Parsed[], report: Report): Report | undefined {
  if (report.year === null || !report.agency) return undefined;
  let found: Report | undefined;
  for (const item of items) {
    const r = item.report;
    if (r !== report && r.year === report.year - 1 && sameAgency(r.agency, report.agency) === 'same') found = r;
  }
  return found;
}

function batchIndexes(items: Parsed[], k: number): Map<number, BoilerplateIndex> {
  const byYear = new Map<number, BoilerplateIndex>();
  for (const { report } of items) {
    if (report.year === null) continue;
    let index = byYear.get(report.year);
    if (!index) byYear.set(report.year, (index = new BoilerplateIndex(k)));
    index.add({ agency: report.agency, sentences: comparedSentences(report) });
  }
  return byYear;
}

/** Recomputes the findings of stored reports and reports which ones changed. */
export function revalidate(stored: readonly StoredReport[], options: RevalidateOptions = {}): RevalidateResult {
  const items = stored.map((s) => StoredReportSchema.parse(s));
  const pair = options.pairWithinBatch ?? true;
  const indexes = options.boilerplate === 'batch' ? batchIndexes(items, options.minOtherAgencies ?? 2) : undefined;
  const findings: Finding[][] = [];
  const changed: ChangedReport[] = [];
  items.forEach((item, index) => {
    const { report } = item;
    const previous = item.previous ?? (pair ? previousInBatch(items, report) : undefined);
    const boilerplate =
      options.boilerplate instanceof BoilerplateIndex ? options.boilerplate : report.year === null ? undefined : indexes?.get(report.year);
    const current = validate({
      report,
      ...(item.metadata ? { metadata: item.metadata } : {}),
      ...(previous ? { previous } : {}),
      ...(boilerplate ? { boilerplate } : {}),
    });
    findings.push(current);
    const diff = diffFindings(item.findings, current);
    if (diff.added.length > 0 || diff.resolved.length > 0) {
      changed.push({
        index,
        ...(item.id !== undefined ? { id: item.id } : {}),
        agency: report.agency,
        year: report.year,
        added: diff.added,
        resolved: diff.resolved,
        unchanged: diff.unchanged.length,
      });
    }
  });
  return { findings, changed };
}
