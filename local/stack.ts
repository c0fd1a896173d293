/**
 * Starts the embedded local stack on 127.0.0.1: DynamoDB (dynalite, table from the shared
 * definition), S3 (s3rver, bucket), the SMTP inbox with its web page, the HTTP API (the Lambda
 * handler behind local/api-server.ts), and the wiring from S3 events to the ingest
 * handler, which notifies by SMTP. Writes `<dataDir>/endpoints.json` when everything is up.
 */

import { rm } from 'node:fs/promises';
import { Logger } from '@aws-lambda-powertools/logger';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { createApiHandler } from '../functions/api/handler.ts';
import { createIngestHandler } from '../functions/ingest/handler.ts';
import { documentClient } from '../shared/adapters/dynamodb/client.ts';
import { createQueries } from '../shared/adapters/dynamodb/queries.ts';
import { DynamoReportStore } from '../shared/adapters/dynamodb/report-store.ts';
import { toCsv, toXlsx } from '../shared/render/workbook.ts';
import { DEFAULT_MAX_OBJECT_BYTES } from '../shared/usecases/ingest.ts';
import type { Notifier } from '../shared/usecases/ports.ts';
import { viewPath } from '../shared/usecases/view.ts';
import { startApiServer } from './api-server.ts';
import {
  clearStaleEndpoints,
  dataPaths,
  type Endpoints,
  LOCAL_REGION,
  type LocalConfig,
  MAIL_FROM,
  MAIL_TO,
  writeEndpoints,
} from './config.ts';
import { ensureTable, type LocalDynamo, localDynamoClient, startDynamo } from './dynamodb.ts';
import { type LocalFaults, notifierWithFault, withFault } from './faults.ts';
import { startInbox } from './inbox.ts';
import { withIndexPage } from './index-route.ts';
import { type LocalS3, localS3Client, startS3 } from './s3.ts';
import { notifierFromEnv, SmtpNotifier } from './smtp-notifier.ts';
import { sweepUnprocessed } from './sweep.ts';
import { createWiring, type Wiring } from './wiring.ts';

/** The notifier, and one console line per processed upload with the address of its report page. */
function printingPages(notifier: Notifier, apiUrl: string, log: (line: string) => void): Notifier {
  return {
    async publish(upload) {
      await notifier.publish(upload);
      const errors = upload.counts.error;
      log(
        `${upload.objectKey} → ${upload.agency ?? '(agency unknown)'} ${upload.year ?? ''}: ${errors} error(s); report page: ${apiUrl}${viewPath(upload.reportId, upload.versionId)}`,
      );
    },
  };
}

export interface LocalStack {
  endpoints: Endpoints;
  endpointsFile: string;
  wiring: Wiring;
  /** The DynamoDB-compatible server, which can be stopped and started alone (a fault to inject). */
  dynamo: LocalDynamo;
  /** Whether the table was created by this start (a fresh data directory). */
  createdTable: boolean;
  close(): Promise<void>;
}

export interface StartOptions {
  log?: (line: string) => void;
  /** Log level of the ingest handler's structured logs (default WARN: the console stays readable). */
  logLevel?: LogLevel;
  /** Fault hooks on the ingest handler's calls (tests only; local/faults.ts). */
  faults?: LocalFaults;
  /** Delay before a failed message is received again (default: the wiring's). */
  retryDelayMs?: number;
  /** Messages handled at once (default: the wiring's). */
  concurrency?: number;
}

/** A placeholder topic: the ingest config requires one, the local stack never publishes to SNS. */
const LOCAL_TOPIC_ARN = `arn:aws:sns:${LOCAL_REGION}:000000000000:nianbao-local-alerts`;

class PortInUse extends Error {
  override readonly name = 'PortInUse';
}

/** Starts one server, naming the environment variable to change when its port is taken. */
async function starting<T>(what: string, envName: string, port: number, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortInUse(`${what}: port ${port} is in use; set ${envName} to another port (0 = any free port)`);
    }
    throw error;
  }
}

export async function startLocalStack(config: LocalConfig, options: StartOptions = {}): Promise<LocalStack> {
  const log = options.log ?? ((line: string) => console.error(line));
  const paths = dataPaths(config.dataDir);
  const closers: (() => Promise<void> | void)[] = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) {
      try {
        await close();
      } catch (error) {
        log(`stop: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  const stale = await clearStaleEndpoints(config.dataDir);
  if (stale !== undefined) log(`removed a stale endpoints.json (its stack, pid ${stale || '?'}, no longer runs)`);
  try {
    const dynamo = await starting('DynamoDB (dynalite)', 'NIANBAO_DYNAMODB_PORT', config.ports.dynamodb, () =>
      startDynamo({ port: config.ports.dynamodb, directory: paths.dynamodb }),
    );
    closers.push(() => dynamo.close());
    const dynamoClient = localDynamoClient(dynamo.url);
    closers.push(() => dynamoClient.destroy());
    const createdTable = await ensureTable(dynamoClient, config.table);
    const doc = documentClient(dynamoClient);

    const s3 = await starting('S3 (s3rver)', 'NIANBAO_S3_PORT', config.ports.s3, () =>
      startS3({ port: config.ports.s3, directory: paths.s3, bucket: config.bucket }),
    );
    closers.push(() => s3.close());
    const s3Client = localS3Client(s3.url);
    closers.push(() => s3Client.destroy());

    const inbox = await starting('inbox (SMTP + web)', 'NIANBAO_SMTP_PORT / NIANBAO_INBOX_PORT', config.ports.smtp, () =>
      startInbox({ smtpPort: config.ports.smtp, webPort: config.ports.inbox, directory: paths.mail }),
    );
    closers.push(() => inbox.close());

    const api = await starting('HTTP API', 'NIANBAO_API_PORT', config.ports.api, () =>
      startApiServer({
        port: config.ports.api,
        handler: withIndexPage(
          // The API and the export function's routes on one server, as the HTTP API puts them.
          createApiHandler({ client: doc, tableName: config.table, writers: { toXlsx, toCsv } }),
          createQueries({ client: doc, tableName: config.table }),
        ),
      }),
    );
    closers.push(() => api.close());

    const notifier = notifierFromEnv(
      {
        NIANBAO_NOTIFIER: 'smtp',
        NIANBAO_SMTP_URL: inbox.smtpUrl,
        NIANBAO_MAIL_FROM: MAIL_FROM,
        NIANBAO_MAIL_TO: MAIL_TO,
        ...pick(process.env),
      },
      {},
      { apiUrl: api.url },
    );
    if (notifier instanceof SmtpNotifier) closers.push(() => notifier.close());

    const wiring = startIngest({ config, options, log, s3, dynamo, apiUrl: api.url, notifier, closers });
    const resumed = await sweepUnprocessed({
      s3: s3Client,
      bucket: config.bucket,
      store: new DynamoReportStore(doc, config.table),
      deliver: (object) => wiring.deliver(object),
    });
    if (resumed.length > 0) log(`resumed ${resumed.length} upload(s) the last run left unprocessed`);

    const endpoints: Endpoints = {
      s3: s3.url,
      bucket: config.bucket,
      dynamodb: dynamo.url,
      table: config.table,
      api: api.url,
      inbox: inbox.url,
      inboxApi: inbox.apiUrl,
      smtp: inbox.smtpUrl,
      pid: process.pid,
    };
    const endpointsFile = await writeEndpoints(config.dataDir, endpoints);
    closers.push(() => rm(endpointsFile, { force: true }));

    return { endpoints, endpointsFile, wiring, dynamo, createdTable, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

interface IngestParts {
  config: LocalConfig;
  options: StartOptions;
  log: (line: string) => void;
  s3: LocalS3;
  dynamo: LocalDynamo;
  apiUrl: string;
  notifier: Notifier;
  closers: (() => Promise<void> | void)[];
}

/** The ingest handler with clients of its own (so that a fault hook touches its calls only), fed by s3rver's events. */
function startIngest({ config, options, log, s3, dynamo, apiUrl, notifier, closers }: IngestParts): Wiring {
  const logLevel = options.logLevel ?? ((process.env.NIANBAO_LOG_LEVEL ?? 'WARN') as LogLevel);
  const faults = options.faults ?? {};
  const ingestS3 = withFault(localS3Client(s3.url), faults.s3);
  const ingestDynamo = withFault(localDynamoClient(dynamo.url), faults.dynamo);
  closers.push(() => {
    ingestS3.destroy();
    ingestDynamo.destroy();
  });
  const handler = createIngestHandler({
    config: { TABLE_NAME: config.table, TOPIC_ARN: LOCAL_TOPIC_ARN, MAX_OBJECT_BYTES: DEFAULT_MAX_OBJECT_BYTES, API_URL: apiUrl },
    s3: ingestS3,
    dynamo: ingestDynamo,
    notifier: notifierWithFault(printingPages(notifier, apiUrl, log), faults.notify),
    logger: new Logger({ serviceName: 'nianbao-ingest', logLevel }),
    metrics: localMetrics(),
  });
  const { retryDelayMs, concurrency } = options;
  const wiring = createWiring({ handler, log, ...(retryDelayMs ? { retryDelayMs } : {}), ...(concurrency ? { concurrency } : {}) });
  s3.onObjectCreated((object) => {
    if (object.bucket === config.bucket) wiring.deliver(object);
  });
  closers.push(() => wiring.stop());
  return wiring;
}

/** The notifier settings a user may override (NIANBAO_NOTIFIER=sns is not useful without AWS). */
function pick(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['NIANBAO_MAIL_FROM', 'NIANBAO_MAIL_TO'] as const) if (env[name]) out[name] = env[name];
  return out;
}

/** No CloudWatch here: unless asked for, metrics are disabled (they would be EMF lines on stdout). */
function localMetrics(): Metrics {
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const quiet = () => undefined;
  // Its own warnings ("No application metrics to publish" after a duplicate delivery) are noise here.
  const logger = { trace: quiet, debug: quiet, info: quiet, warn: quiet, error: (...args: unknown[]) => console.error(...args) };
  return new Metrics({ namespace: 'nianbao', serviceName: 'nianbao-ingest', logger });
}
