/**
 * The size cap on one upload, in one place: the CLI (before reading a file), the check facade
 * (before extracting) and the ingest pipeline (before downloading, from the object's size) refuse
 * larger files with the same I-TOO-LARGE finding. RELIABILITY.md ("Resource limits") lists every limit.
 */
import { InputProblem } from './errors.ts';

/** Largest file checked (bytes). The ingest function's MAX_OBJECT_BYTES may lower it, never raise it. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

/** The problem of a file of `size` bytes over the cap `max`. */
export function tooLarge(size: number, max: number = MAX_UPLOAD_BYTES): InputProblem {
  return new InputProblem('I-TOO-LARGE', `文件大小为 ${mb(size)} MB，超过 ${mb(max)} MB 的上限，未作检查。请压缩或拆分后重新上传。`, {
    size,
    max,
  });
}

/** How long checking one file may take, and when that time is up (epoch milliseconds). */
export interface TimeBudget {
  seconds: number;
  until: number;
}

/** The problem of a file whose check ran past its time budget. */
export function overTime(budget: TimeBudget): InputProblem {
  return new InputProblem(
    'I-UNREADABLE',
    `文件处理超时：${budget.seconds} 秒内未能完成检查，文件可能过大或结构异常。请检查文件（或另存为 PDF、Word）后重新上传。`,
    { reason: 'time budget', seconds: budget.seconds },
  );
}
