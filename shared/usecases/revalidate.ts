/**
 * Revalidation after a rule change (docs/history.md): the latest versions of a year, an agency or
 * everything are checked again with the current rules from their stored Reports (no file is
 * read), and a new evaluation is stored where the findings changed; nothing is notified. Used by
 * `nianbao revalidate` and the revalidate Lambda.
 */
import type { Finding } from '../report/model.ts';
import { RULESET_VERSION } from '../rules/catalogue.ts';
import { boilerplateOf, evaluationRecord, hasReport, previousYearOf, REVALIDATION_SOURCE, recompute } from './evaluate.ts';
import type { ReportStore } from './ports.ts';
import { type Evaluation, versionIdOf } from './records.ts';

export interface RevalidateStoredOptions {
  year?: number;
  agency?: string;
  /** Report what would change; write nothing. */
  dryRun?: boolean;
  now?: () => Date;
}

export interface RevalidatedReport {
  reportId: string;
  agency: string | null;
  year: number | null;
  /** The latest version that was re-checked, and the ruleset it was checked with. */
  basedOn: string;
  storedRulesetVersion: string;
  added: Finding[];
  resolved: Finding[];
  unchanged: number;
  /** The new version (absent on a dry run). */
  versionId?: string;
  latest?: boolean;
}

export interface RevalidateStoredResult {
  rulesetVersion: string;
  dryRun: boolean;
  /** Reports whose latest version was re-checked. */
  checked: number;
  /** Reports without a stored Report (uploads that could not be read). */
  skipped: number;
  changed: RevalidatedReport[];
}

/**
 * Re-checks the latest versions with the current rules; stores a new evaluation where findings changed.
 * @param store - the report store
 * @param options - which reports (year, agency), dry run, clock
 * @returns how many were checked and skipped, and each changed report with its new and resolved findings
 * @throws the store's errors (a run can be repeated: unchanged reports are left alone)
 */
export async function revalidateStored(store: ReportStore, options: RevalidateStoredOptions = {}): Promise<RevalidateStoredResult> {
  const now = options.now ?? (() => new Date());
  const dryRun = options.dryRun ?? false;
  const filter = {
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.agency !== undefined ? { agency: options.agency } : {}),
  };
  const result: RevalidateStoredResult = { rulesetVersion: RULESET_VERSION, dryRun, checked: 0, skipped: 0, changed: [] };
  for (const head of await store.reportHeads(filter)) {
    const base = await store.storedVersion(head.reportId, head.latestVersionId);
    if (!hasReport(base)) {
      result.skipped += 1;
      continue;
    }
    result.checked += 1;
    const previous = await previousYearOf(store, head.agency, head.year);
    const r = recompute(base, previous?.report, await boilerplateOf(store, base.report, previous?.report));
    if (!r.changed) continue;
    const entry: RevalidatedReport = {
      reportId: head.reportId,
      agency: head.agency,
      year: head.year,
      basedOn: base.version.versionId,
      storedRulesetVersion: base.version.rulesetVersion,
      added: r.added,
      resolved: r.resolved,
      unchanged: r.marked.length - r.added.length,
    };
    if (!dryRun) {
      const processedAt = now().toISOString();
      const versionId = versionIdOf(processedAt, REVALIDATION_SOURCE, head.reportId, base.version.versionId);
      const evaluation: Evaluation = { kind: 'revalidate', basedOn: base.version.versionId };
      const record = evaluationRecord(base, r, { versionId, processedAt }, evaluation, previous?.ref);
      const { latest } = await store.saveVersion({ version: record, report: base.report, findings: r.marked, resolved: r.resolved });
      Object.assign(entry, { versionId, latest });
    }
    result.changed.push(entry);
  }
  return result;
}

/** A revalidation's outcome as plain JSON (the CLI's `--json` and the revalidate Lambda's response). */
export function revalidationSummary(result: RevalidateStoredResult) {
  const byRule = (findings: Finding[]) => ({ count: findings.length, ruleIds: findings.map((f) => f.ruleId) });
  return {
    rulesetVersion: result.rulesetVersion,
    dryRun: result.dryRun,
    checked: result.checked,
    skipped: result.skipped,
    changed: result.changed.map((c) => ({
      reportId: c.reportId,
      agency: c.agency,
      year: c.year,
      basedOn: c.basedOn,
      storedRulesetVersion: c.storedRulesetVersion,
      new: byRule(c.added),
      resolved: byRule(c.resolved),
      unchanged: c.unchanged,
      ...(c.versionId !== undefined ? { versionId: c.versionId, latest: c.latest ?? false } : {}),
    })),
  };
}
export type RevalidationSummary = ReturnType<typeof revalidationSummary>;
