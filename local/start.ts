/**
 * `npm start`: the whole product on this machine, no cloud account. Starts the embedded stack
 * (local/stack.ts), ingests the sample reports of events/reports/, prints what happened and
 * where everything is, then runs until Ctrl-C / SIGTERM / SIGHUP — or until the process that launched
 * it (npm) is gone —, which stops every server and removes endpoints.json (exit 0).
 *
 * Environment: NIANBAO_S3_PORT (4569), NIANBAO_DYNAMODB_PORT (4567), NIANBAO_API_PORT (3000),
 * NIANBAO_SMTP_PORT (2525), NIANBAO_INBOX_PORT (1080) — 0 picks any free port —,
 * NIANBAO_DATA_DIR (.nianbao), NIANBAO_SAMPLES=0 to skip the samples, NIANBAO_LOG_LEVEL (WARN).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv, LOCAL_BUCKET, S3RVER_CREDENTIALS } from './config.ts';
import { outcomeReport, outcomeTable } from './format.ts';
import { type LocalStack, startLocalStack } from './stack.ts';
import { clientsFor, mapLimit, type Outcome, outcomeOf, uploadFile, uploadKey } from './uploads.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const SAMPLES_DIR = fileURLToPath(new URL('../events/reports/', import.meta.url));
const SAMPLE_TIMEOUT_MS = 60_000;
const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);

async function ingestSamples(stack: LocalStack): Promise<Outcome[]> {
  let names: string[];
  try {
    names = (await readdir(SAMPLES_DIR)).filter((n) => !n.startsWith('.')).sort();
  } catch {
    return [];
  }
  if (names.length === 0) return [];
  const clients = clientsFor(stack.endpoints);
  try {
    return await mapLimit(names, 4, async (name) => {
      const file = join(SAMPLES_DIR, name);
      const upload = await uploadFile(clients.s3, stack.endpoints.bucket, file, uploadKey(file, 'samples'));
      return outcomeOf(clients.repository, stack.endpoints.api, upload, SAMPLE_TIMEOUT_MS);
    });
  } finally {
    clients.destroy();
  }
}

function instructions(stack: LocalStack): string {
  const e = stack.endpoints;
  return [
    'Drop a report (text, HTML, DOCX, PDF; any file name) into the bucket:',
    '  npm run upload -- FILE...',
    `  AWS_ACCESS_KEY_ID=${S3RVER_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${S3RVER_CREDENTIALS.secretAccessKey} AWS_REGION=us-east-1 \\`,
    `    aws s3 cp --endpoint-url ${e.s3} FILE s3://${LOCAL_BUCKET}/uploads/`,
    '',
    `Inbox (the alert emails):  ${e.inbox}   (JSON: ${e.inboxApi})`,
    `The year's reports:        ${e.api}/   (each report's page: ${e.api}/reports/REPORT_ID/view)`,
    `API:                       ${e.api}/reports   ${e.api}/findings?severity=error   ${e.api}/summary?year=YEAR   ${e.api}/openapi.json`,
    `S3: ${e.s3} (bucket ${e.bucket})   DynamoDB: ${e.dynamodb} (table ${e.table})   SMTP: ${e.smtp ?? '-'}`,
    `Data: ${stack.endpointsFile.replace(/endpoints\.json$/, '')}   Stop: Ctrl-C`,
  ].join('\n');
}

async function main(): Promise<void> {
  const config = configFromEnv();
  const stack = await startLocalStack(config, { log: err });

  // A signal sent to the whole process group (npx → tsx → node) can arrive twice at once; only a
  // repeat after a pause means "stop waiting".
  let stoppingSince = 0;
  const stop = (signal: string, code = 0) => {
    if (stoppingSince > 0) {
      if (Date.now() - stoppingSince < 1500) return;
      err(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    err(`${signal}: stopping the local stack…`);
    stack.close().then(
      () => {
        err('stopped');
        process.exit(code);
      },
      (error: unknown) => {
        err(`stop failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  // `npm start` execs this process under npm, which forwards SIGINT and SIGTERM to it but dies of
  // SIGHUP or SIGKILL without passing them on, leaving this process to init: whatever ends the
  // launcher ends the stack too.
  const launcher = process.ppid;
  setInterval(() => {
    if (process.ppid !== launcher) stop(`launcher (pid ${launcher}) gone`);
  }, 250).unref();
  // A bug in one of the embedded servers must not leave the others running or a stale endpoints.json.
  process.on('uncaughtException', (error) => {
    err(`unexpected error: ${error.stack ?? String(error)}`);
    stop('uncaught exception', 1);
  });

  out(`nianbao local stack ${stack.createdTable ? '(new data directory)' : '(existing data)'} at ${config.dataDir}`);
  if (config.ingestSamples) {
    const outcomes = await ingestSamples(stack);
    if (outcomes.length > 0) {
      out('');
      out(`Sample reports (events/reports/):`);
      out(outcomeTable(outcomes));
      out('');
      out(outcomeReport(outcomes, stack.endpoints.api));
    }
  }
  out('');
  out(instructions(stack));
  out('');
  out(`nianbao ready: ${JSON.stringify(stack.endpoints)}`);
}

main().catch((error: unknown) => {
  err(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
