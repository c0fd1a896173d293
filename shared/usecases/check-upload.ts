/**
 * Checking an uploaded file with what the store knows: the agency's previous-year Report for the
 * cross-year rules, and the year's boilerplate index for H-TEXT-COPIED. Store errors propagate
 * (the message is retried); an error of the domain that is not an InputProblem — a bug — becomes
 * an I-UNREADABLE finding, so that the upload is still stored and answered.
 */
import type { TimeBudget } from '../report/limits.ts';
import type { UploadMetadata } from '../report/model.ts';
import { boilerplateLookups } from '../rules/history/copied-text.ts';
import { validate } from '../rules/index.ts';
import { finding } from '../rules/rule.ts';
import { type CheckResult, checkBytes, checkDocument } from './check.ts';
import { type PreviousYear, previousYearOf } from './evaluate.ts';
import type { ReportStore } from './ports.ts';

/** The outcome of checking an upload. */
export interface Checked {
  result: CheckResult;
  /** The previous-year report the rules were given. */
  previous?: PreviousYear;
  /** A domain error that is not an InputProblem (logged by the caller, stored as I-UNREADABLE). */
  internalError?: unknown;
}

class DomainFailure {
  constructor(readonly error: unknown) {}
}

/** Runs domain code; a throw becomes a DomainFailure value instead of an exception. */
async function domain<T>(run: () => T | Promise<T>): Promise<T | DomainFailure> {
  try {
    return await run();
  } catch (error) {
    return new DomainFailure(error);
  }
}

function failed(error: unknown): Checked {
  const detail = error instanceof Error ? error.message : String(error);
  const message = `处理文件时出现内部错误，已记录，请联系管理员（${detail}）`;
  return { result: { findings: [finding('I-UNREADABLE', { message })] }, internalError: error };
}

/**
 * Checks an upload's bytes. The hint from metadata or key names the previous-year report first;
 * when the document names another (agency, year), the rules run again with that one's previous
 * report; with a previous report, the stored boilerplate of the year is looked up and the rules
 * run once more when it knows any of the report's sentences (asked only about the sentences that
 * can change a finding: boilerplateLookups). Past the `budget`, the file ends as an input finding
 * (checked between the stages).
 * @throws the store's errors (never the domain's)
 */
export async function checkUpload(bytes: Uint8Array, metadata: UploadMetadata, store: ReportStore, budget?: TimeBudget): Promise<Checked> {
  const options = { fileName: metadata.fileName, metadata, ...(budget ? { budget } : {}) };
  const hinted = await previousYearOf(store, metadata.agency, metadata.year);
  let result = await domain(() => checkBytes(bytes, { ...options, ...(hinted ? { previous: hinted.report } : {}) }));
  if (result instanceof DomainFailure) return failed(result.error);
  let previous = hinted;
  const { report, document } = result;
  const sameIdentity = report && report.agency === (metadata.agency ?? null) && report.year === (metadata.year ?? null);
  if (report && document && !sameIdentity && report.agency && report.year) {
    const found = await previousYearOf(store, report.agency, report.year);
    if (found || hinted) {
      result = await domain(() => checkDocument(document, { ...options, ...(found ? { previous: found.report } : {}) }));
      if (result instanceof DomainFailure) return failed(result.error);
      previous = found;
    }
  }
  const checked = result.report;
  if (checked && previous && checked.year !== null) {
    const norms = await domain(() => boilerplateLookups(checked, previous.report));
    if (norms instanceof DomainFailure) return failed(norms.error);
    const boilerplate = norms.length > 0 ? await store.boilerplateFor(checked.year, norms) : undefined;
    if (boilerplate && boilerplate.size > 0) {
      const findings = await domain(() => validate({ report: checked, previous: previous.report, metadata, boilerplate }));
      if (findings instanceof DomainFailure) return failed(findings.error);
      result = { ...result, findings };
    }
  }
  return { result, ...(previous ? { previous } : {}) };
}
