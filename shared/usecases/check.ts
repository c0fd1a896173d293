/**
 * The domain facade: bytes → Document → Report → Findings. Used by the CLI, the ingest pipeline
 * and the benchmark. Pure: no AWS, no I/O besides the bytes it is given.
 */
import { extract } from '../extract/index.ts';
import { recognize } from '../recognize/index.ts';
import { InputProblem } from '../report/errors.ts';
import { MAX_UPLOAD_BYTES, overTime, type TimeBudget, tooLarge } from '../report/limits.ts';
import type { Document, Finding, Report, UploadMetadata } from '../report/model.ts';
import { isRuleId } from '../rules/catalogue.ts';
import { validate } from '../rules/index.ts';
import { finding } from '../rules/rule.ts';

/** What the check may be given besides the bytes. */
export interface CheckOptions {
  fileName?: string;
  metadata?: UploadMetadata;
  /** The same agency's previous-year report, for the cross-year rules. */
  previous?: Report;
  /**
   * When the check must be over (ingest: inside the function's timeout). Looked at between the
   * stages (extract, recognize, validate): past it, the file ends as an input finding.
   */
  budget?: TimeBudget;
}

/** The Document, the Report and the findings of one file. */
export interface CheckResult {
  /** Absent when the bytes could not become a Document (see the input finding). */
  document?: Document;
  /** Absent when the bytes could not become a Document. */
  report?: Report;
  findings: Finding[];
}

/**
 * Turns an InputProblem into its finding.
 * @throws the error itself when it is not an InputProblem (a bug, not the file's fault)
 */
export function inputFinding(error: unknown): Finding {
  if (error instanceof InputProblem && isRuleId(error.ruleId)) {
    return finding(error.ruleId, { message: error.message });
  }
  throw error;
}

/**
 * The I-TOO-LARGE result of a file of `size` bytes over the upload cap, else undefined. The CLI
 * asks before reading a file, ingest before downloading an object, checkBytes before extracting.
 * @param max - a lower cap (the ingest function's setting); the upload cap when larger or absent
 */
export function refusedForSize(size: number, max: number = MAX_UPLOAD_BYTES): CheckResult | undefined {
  const cap = Math.min(max, MAX_UPLOAD_BYTES);
  return size > cap ? { findings: [inputFinding(tooLarge(size, cap))] } : undefined;
}

function timeIsUp(options: CheckOptions): boolean {
  return options.budget !== undefined && Date.now() >= options.budget.until;
}

/**
 * Checks one file's bytes: extract (the type sniffed from the bytes) → recognize → validate.
 * @param bytes - the file
 * @param options - file name, upload metadata, the previous year's Report for the cross-year rules
 * @returns the findings; an unreadable file gives one input finding and no Report
 * @throws only on a bug (an error that is not an InputProblem)
 */
export async function checkBytes(bytes: Uint8Array, options: CheckOptions = {}): Promise<CheckResult> {
  const refused = refusedForSize(bytes.length);
  if (refused) return refused;
  let document: Document;
  try {
    document = await extract(bytes, { fileName: options.fileName });
  } catch (error) {
    return { findings: [inputFinding(error)] };
  }
  if (timeIsUp(options)) return { document, findings: [inputFinding(overTime(options.budget!))] };
  return checkDocument(document, options);
}

/**
 * Checks an extracted Document: recognize → validate.
 * @returns the Report and its findings; a Document that is no report gives I-NOT-A-REPORT and no Report
 * @throws only on a bug (an error that is not an InputProblem)
 */
export function checkDocument(document: Document, options: CheckOptions = {}): CheckResult {
  let report: Report;
  try {
    report = recognize(document, options.metadata);
  } catch (error) {
    return { document, findings: [inputFinding(error)] };
  }
  if (timeIsUp(options)) return { document, findings: [inputFinding(overTime(options.budget!))] };
  const findings = validate({ report, previous: options.previous, metadata: options.metadata });
  return { document, report, findings };
}
