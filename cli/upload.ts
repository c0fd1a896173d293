/**
 * `npm run upload -- FILE...`: puts files (any format; a directory means its files) into the
 * bucket of the running local stack under `uploads/`, waits for the ingest handler to process
 * them, and prints each report's outcome (agency, year, counts, worst findings).
 *
 *   npm run upload -- [--prefix P] [--timeout SECONDS] [--no-wait] FILE...
 *
 * `--prefix 2022/黑龙江省工业和信息化厅` gives the key `uploads/2022/黑龙江省工业和信息化厅/FILE`
 * (agency and year hints for documents that do not name them). The stack is found through
 * `<NIANBAO_DATA_DIR or .nianbao>/endpoints.json`. Exit status: 0 all processed without error
 * findings, 1 error findings, 2 an upload failed or was not processed in time.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnv, readEndpoints } from '../local/config.ts';
import { outcomeReport, outcomeTable, progressBar } from '../local/format.ts';
import { clientsFor, mapLimit, outcomeOf, uploadFile, uploadKey, type Uploaded } from '../local/uploads.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const USAGE = 'usage: npm run upload -- [--prefix P] [--timeout SECONDS] [--no-wait] FILE...';
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

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      prefix: { type: 'string', default: '' },
      timeout: { type: 'string', default: '120' },
      'no-wait': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const timeoutMs = Number(values.timeout) * 1000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`--timeout: not a positive number of seconds: ${values.timeout}`);

  const { dataDir } = configFromEnv();
  const endpoints = await readEndpoints(dataDir);
  const files = await expand(positionals.map((p) => resolve(p)));
  const clients = clientsFor(endpoints);
  try {
    const showProgress = files.length >= PROGRESS_FROM;
    const uploadedBar = showProgress ? progressBar(files.length, 'uploaded') : undefined;
    let uploadedCount = 0;
    const uploads: (Uploaded | Error)[] = await mapLimit(files, CONCURRENCY, async (file) => {
      try {
        return await uploadFile(clients.s3, endpoints.bucket, file, uploadKey(file, values.prefix));
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      } finally {
        uploadedBar?.(++uploadedCount);
      }
    });
    const failed = uploads.filter((u): u is Error => u instanceof Error);
    for (const [i, u] of uploads.entries()) if (u instanceof Error) console.error(`${files[i]}: upload failed: ${u.message}`);
    const ok = uploads.filter((u): u is Uploaded => !(u instanceof Error));
    for (const u of ok) if (!showProgress) console.error(`uploaded ${u.file} → s3://${u.bucket}/${u.key}`);
    if (values['no-wait']) return failed.length > 0 ? 2 : 0;

    const processedBar = showProgress ? progressBar(ok.length, 'processed') : undefined;
    let processedCount = 0;
    const outcomes = await mapLimit(ok, CONCURRENCY, async (u) => {
      const outcome = await outcomeOf(clients.repository, endpoints.api, u, timeoutMs);
      processedBar?.(++processedCount);
      return outcome;
    });
    console.log(outcomeReport(outcomes, endpoints.api));
    console.log('');
    console.log(outcomeTable(outcomes));
    console.log('');
    console.log(`Emails: ${endpoints.inbox}   Reports: ${endpoints.api}/reports`);
    if (failed.length > 0 || outcomes.some((o) => !o.detail)) return 2;
    return outcomes.some((o) => (o.detail?.counts.error ?? 0) > 0) ? 1 : 0;
  } finally {
    clients.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`upload failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
