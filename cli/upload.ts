/**
 * `nianbao upload FILE...` (also `npm run upload -- FILE...`): puts files (any format; a directory means its files) into the
 * bucket of the running local stack under `uploads/`, waits for the ingest handler to process
 * them, and prints each report's outcome (agency, year, counts, worst findings).
 *
 *   nianbao upload [--prefix P] [--timeout SECONDS] [--no-wait] FILE...
 *
 * `--prefix 2022/黑龙江省工业和信息化厅` gives the key `uploads/2022/黑龙江省工业和信息化厅/FILE`
 * (agency and year hints for documents that do not name them). The stack is found through
 * `<NIANBAO_DATA_DIR or .nianbao>/endpoints.json`. Exit status: 0 all processed without error
 * findings, 1 error findings, 2 an upload failed or was not processed in time.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { configFromEnv, readEndpoints } from '../local/config.ts';
import { outcomeReport, outcomeTable, progressBar } from '../local/format.ts';
import { clientsFor, mapLimit, outcomeOf, type Uploaded, uploadFile, uploadKey } from '../local/uploads.ts';
import type { Output } from './io.ts';

const PROGRESS_FROM = 5;
const CONCURRENCY = 4;

async function expand(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
      for (const name of names) if ((await stat(join(path, name))).isFile()) files.push(join(path, name));
    } else files.push(path);
  }
  return files;
}

export interface UploadOptions {
  prefix: string;
  timeout: string;
  /** false with --no-wait. */
  wait: boolean;
}

/**
 * Uploads files (a directory means its files) to the running local stack and prints their outcomes.
 * @returns 0 all processed without error findings, 1 error findings, 2 an upload failed or timed out
 */
export async function runUpload(
  paths: string[],
  options: UploadOptions,
  io: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const timeoutMs = Number(options.timeout) * 1000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    io.err(`--timeout: not a positive number of seconds: ${options.timeout}`);
    return 2;
  }

  const { dataDir } = configFromEnv(env);
  const endpoints = await readEndpoints(dataDir);
  const files = await expand(paths.map((p) => resolve(p)));
  const clients = clientsFor(endpoints);
  try {
    const showProgress = files.length >= PROGRESS_FROM;
    const uploadedBar = showProgress ? progressBar(files.length, 'uploaded') : undefined;
    let uploadedCount = 0;
    const uploads: (Uploaded | Error)[] = await mapLimit(files, CONCURRENCY, async (file) => {
      try {
        return await uploadFile(clients.s3, endpoints.bucket, file, uploadKey(file, options.prefix));
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      } finally {
        uploadedBar?.(++uploadedCount);
      }
    });
    const failed = uploads.filter((u): u is Error => u instanceof Error);
    for (const [i, u] of uploads.entries()) if (u instanceof Error) io.err(`${files[i]}: upload failed: ${u.message}`);
    const ok = uploads.filter((u): u is Uploaded => !(u instanceof Error));
    for (const u of ok) if (!showProgress) io.err(`uploaded ${u.file} → s3://${u.bucket}/${u.key}`);
    if (!options.wait) return failed.length > 0 ? 2 : 0;

    const processedBar = showProgress ? progressBar(ok.length, 'processed') : undefined;
    let processedCount = 0;
    const outcomes = await mapLimit(ok, CONCURRENCY, async (u) => {
      const outcome = await outcomeOf(clients.repository, endpoints.api, u, timeoutMs);
      processedBar?.(++processedCount);
      return outcome;
    });
    io.out(outcomeReport(outcomes, endpoints.api));
    io.out('');
    io.out(outcomeTable(outcomes));
    io.out('');
    io.out(`Emails: ${endpoints.inbox}   Reports: ${endpoints.api}/`);
    if (failed.length > 0 || outcomes.some((o) => !o.detail)) return 2;
    return outcomes.some((o) => (o.detail?.counts.error ?? 0) > 0) ? 1 : 0;
  } finally {
    clients.destroy();
  }
}

/** The `upload` subcommand; its action stores the exit status in `status.code`. */
export function uploadCommand(io: Output, status: { code: number }): Command {
  return new Command('upload')
    .summary('upload files to the running local stack and wait for their outcome')
    .description(
      "Puts files (any format; a directory means its files) into the local stack's bucket under uploads/, waits for them to be processed and prints each outcome.",
    )
    .argument('<files...>', 'report files or directories')
    .option('--prefix <prefix>', 'key prefix under uploads/ (e.g. 2022/黑龙江省工业和信息化厅)', '')
    .option('--timeout <seconds>', 'how long to wait for processing', '120')
    .option('--no-wait', 'upload only; do not wait for the outcome')
    .action(async (files: string[], options: UploadOptions) => {
      status.code = await runUpload(files, options, io);
    });
}
