/**
 * The domain facade: bytes → Document → Report → Findings. Used by the CLI, the ingest pipeline
 * and the benchmark. Pure: no AWS, no I/O besides the bytes it is given.
 */
import { extract } from '../extract/index.ts';
import { recognize } from '../recognize/index.ts';
import { InputProblem } from '../report/errors.ts';
import type { Document, Finding, Report, UploadMetadata } from '../report/model.ts';
import { isRuleId } from '../rules/catalogue.ts';
import { validate } from '../rules/index.ts';
import { finding } from '../rules/rule.ts';

export interface CheckOptions {
  fileName?: string;
  metadata?: UploadMetadata;
  /** The same agency's previous-year report, for the cross-year rules. */
  previous?: Report;
}

export interface CheckResult {
  /** Absent when the bytes could not become a Document (see the input finding). */
  document?: Document;
  /** Absent when the bytes could not become a Document. */
  report?: Report;
  findings: Finding[];
}

/** Turns an InputProblem into its finding; anything else is a bug and is rethrown. */
export function inputFinding(error: unknown): Finding {
  if (error instanceof InputProblem && isRuleId(error.ruleId)) {
    return finding(error.ruleId, { message: error.message });
  }
  throw error;
}

export async function checkBytes(bytes: Uint8Array, options: CheckOptions = {}): Promise<CheckResult> {
  let document: Document;
  try {
    document = await extract(bytes, { fileName: options.fileName });
  } catch (error) {
    return { findings: [inputFinding(error)] };
  }
  return checkDocument(document, options);
}

export function checkDocument(document: Document, options: CheckOptions = {}): CheckResult {
  let report: Report;
  try {
    report = recognize(document, options.metadata);
  } catch (error) {
    return { document, findings: [inputFinding(error)] };
  }
  const findings = validate({ report, previous: options.previous, metadata: options.metadata });
  return { document, report, findings };
}
