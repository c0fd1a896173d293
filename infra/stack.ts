/**
 * The nianbao stack: upload bucket → S3 event → SQS (DLQ + alarm) → ingest function → DynamoDB +
 * SNS alerts; an IAM-authorized HTTP API with a read-only api function. Secure by default and
 * clean under cdk-nag's AwsSolutions pack: every acknowledgement below states why.
 */
import { fileURLToPath } from 'node:url';
import type { StackProps } from 'aws-cdk-lib';
import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import type { Construct } from 'constructs';
import { MAX_UPLOAD_BYTES } from '../shared/report/limits.ts';
import type { StackConfig } from './config.ts';
import { DEFAULT_INGEST_MAX_CONCURRENCY, readConfig } from './config.ts';
import { Alerts } from './constructs/alerts.ts';
import { BundledFunction } from './constructs/bundled-function.ts';
import { ReportsHttpApi } from './constructs/http-api.ts';
import { IngestQueue } from './constructs/ingest-queue.ts';
import { acknowledgeStackFindings } from './constructs/nag-acknowledgements.ts';
import { ReportsTable } from './constructs/reports-table.ts';
import { RevalidateFunction } from './constructs/revalidate-function.ts';
import { UPLOAD_PREFIX, UploadsBucket } from './constructs/uploads-bucket.ts';

export const DEFAULT_INGEST_ENTRY = fileURLToPath(new URL('../functions/ingest/handler.ts', import.meta.url));
export const DEFAULT_API_ENTRY = fileURLToPath(new URL('../functions/api/handler.ts', import.meta.url));
export const DEFAULT_EXPORT_ENTRY = fileURLToPath(new URL('../functions/export/handler.ts', import.meta.url));
export const DEFAULT_REVALIDATE_ENTRY = fileURLToPath(new URL('../functions/revalidate/handler.ts', import.meta.url));

/** Largest upload the ingest function reads (bytes); bigger objects get an `input` finding. */
export const MAX_OBJECT_BYTES = MAX_UPLOAD_BYTES;

/**
 * Ingest sizing. The heavy case is a 20 MB PDF: pdf.js (via unpdf) holds the raw bytes, the
 * parsed object tree and per-page text content at once, measured in the low hundreds of MB, and
 * its text extraction is CPU-bound. Lambda allots CPU in proportion to memory, so 1024 MB (~0.6
 * vCPU) keeps one such file to seconds with ample headroom, and a 90 s timeout covers a batch of
 * INGEST_BATCH_SIZE worst-case files processed one after another plus DynamoDB and SNS calls.
 */
export const INGEST_MEMORY_MB = 1024;
export const INGEST_TIMEOUT = Duration.seconds(90);
/** Small batches: a slow PDF delays few others, and a partial failure retries few messages. */
export const INGEST_BATCH_SIZE = 2;
/** The api function only queries DynamoDB and serializes JSON (or a page of HTML). */
export const API_MEMORY_MB = 512;
export const API_TIMEOUT = Duration.seconds(10);
/**
 * The export function reads every report and finding of a year and writes a workbook (5,000
 * reports: about 3 s and 120 MB here); its timeout is the HTTP API's integration limit (30 s)
 * less a second, its memory buys CPU for the writer.
 */
export const EXPORT_MEMORY_MB = 1024;
export const EXPORT_TIMEOUT = Duration.seconds(29);

export const POWERTOOLS_METRICS_NAMESPACE = 'nianbao';
export const LOG_LEVEL = 'INFO';

export interface NianbaoStackProps extends StackProps {
  /** Entry of the ingest handler; defaults to functions/ingest/handler.ts. */
  ingestEntry?: string;
  /** Entry of the api handler; defaults to functions/api/handler.ts. */
  apiEntry?: string;
  exportEntry?: string;
  /** Entry of the revalidate handler; defaults to functions/revalidate/handler.ts. */
  revalidateEntry?: string;
}

export class NianbaoStack extends Stack {
  readonly config: StackConfig;
  readonly uploads: UploadsBucket;
  readonly table: ReportsTable;
  readonly alerts: Alerts;
  readonly ingestQueue: IngestQueue;
  readonly api: ReportsHttpApi;
  readonly apiFunction: BundledFunction;
  readonly exportFunction: BundledFunction;
  readonly ingestFunction: BundledFunction;
  /** Invoked by hand after a rule change (docs/deploy.md "Re-check stored reports"). */
  readonly revalidate: RevalidateFunction;

  constructor(scope: Construct, id: string, props: NianbaoStackProps = {}) {
    super(scope, id, props);
    this.config = readConfig((key) => this.node.tryGetContext(key));

    this.uploads = new UploadsBucket(this, 'Storage');
    this.table = new ReportsTable(this, 'Reports');
    this.alerts = new Alerts(this, 'Alerts', {
      ...(this.config.alertEmail !== undefined ? { alertEmail: this.config.alertEmail } : {}),
      ...(this.config.opsEmail !== undefined ? { opsEmail: this.config.opsEmail } : {}),
      alertSeverities: this.config.alertSeverities,
    });
    this.ingestQueue = new IngestQueue(this, 'Ingest', {
      consumerTimeout: INGEST_TIMEOUT,
      opsTopic: this.alerts.opsTopic,
    });

    const tableName = this.table.table.tableName;

    this.apiFunction = new BundledFunction(this, 'ApiFunction', {
      entry: props.apiEntry ?? DEFAULT_API_ENTRY,
      description: 'nianbao api: read-only queries over reports, versions and findings',
      memorySize: API_MEMORY_MB,
      timeout: API_TIMEOUT,
      environment: {
        ...powertoolsEnvironment('nianbao-api'),
        TABLE_NAME: tableName,
      },
    });
    this.table.table.grantReadData(this.apiFunction.fn);
    this.exportFunction = new BundledFunction(this, 'ExportFunction', {
      entry: props.exportEntry ?? DEFAULT_EXPORT_ENTRY,
      description: "nianbao export: a year's reports and findings as xlsx or CSV",
      memorySize: EXPORT_MEMORY_MB,
      timeout: EXPORT_TIMEOUT,
      environment: {
        ...powertoolsEnvironment('nianbao-export'),
        TABLE_NAME: tableName,
      },
    });
    this.table.table.grantReadData(this.exportFunction.fn);
    this.api = new ReportsHttpApi(this, 'Http', { handler: this.apiFunction.fn, exportHandler: this.exportFunction.fn });

    const { ingestConcurrency } = this.config;
    this.ingestFunction = new BundledFunction(this, 'IngestFunction', {
      entry: props.ingestEntry ?? DEFAULT_INGEST_ENTRY,
      description: 'nianbao ingest: extract, recognize, validate, store and notify one upload',
      shipLazyModules: true,
      memorySize: INGEST_MEMORY_MB,
      timeout: INGEST_TIMEOUT,
      ...(ingestConcurrency !== undefined ? { reservedConcurrentExecutions: ingestConcurrency } : {}),
      environment: {
        ...powertoolsEnvironment('nianbao-ingest'),
        TABLE_NAME: tableName,
        TOPIC_ARN: this.alerts.alertsTopic.topicArn,
        API_URL: this.api.url,
        MAX_OBJECT_BYTES: String(MAX_OBJECT_BYTES),
      },
    });
    const ingest = this.ingestFunction.fn;
    this.uploads.bucket.grantRead(ingest, `${UPLOAD_PREFIX}*`);
    this.table.table.grantReadWriteData(ingest);
    this.alerts.alertsTopic.grantPublish(ingest);
    ingest.addEventSource(
      new SqsEventSource(this.ingestQueue.queue, {
        batchSize: INGEST_BATCH_SIZE,
        reportBatchItemFailures: true,
        maxConcurrency: ingestConcurrency ?? DEFAULT_INGEST_MAX_CONCURRENCY,
      }),
    );

    this.uploads.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.SqsDestination(this.ingestQueue.queue), {
      prefix: UPLOAD_PREFIX,
    });

    this.revalidate = new RevalidateFunction(this, 'Revalidate', {
      entry: props.revalidateEntry ?? DEFAULT_REVALIDATE_ENTRY,
      table: this.table.table,
      environment: powertoolsEnvironment('nianbao-revalidate'),
    });

    acknowledgeStackFindings(this, {
      table: this.table.table,
      uploadsBucket: this.uploads.bucket,
      apiRole: this.apiFunction.role,
      apiFunction: this.apiFunction.fn,
      exportRole: this.exportFunction.role,
      exportFunction: this.exportFunction.fn,
      ingestRole: this.ingestFunction.role,
      ingestFunction: this.ingestFunction.fn,
      healthRoutes: this.api.healthRoutes,
    });

    new CfnOutput(this, 'BucketName', {
      value: this.uploads.bucket.bucketName,
      description: `Upload reports under s3://<bucket>/${UPLOAD_PREFIX}`,
    });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'HTTP API base URL (SigV4, service execute-api)' });
    new CfnOutput(this, 'AlertsTopicArn', { value: this.alerts.alertsTopic.topicArn });
    new CfnOutput(this, 'OpsTopicArn', { value: this.alerts.opsTopic.topicArn });
    new CfnOutput(this, 'TableName', { value: tableName });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: this.ingestQueue.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'RevalidateFunctionName', {
      value: this.revalidate.function.fn.functionName,
      description: 'aws lambda invoke --function-name <this> --payload \'{"year":2022}\' … re-checks stored reports',
    });
  }
}

function powertoolsEnvironment(serviceName: string): Record<string, string> {
  return {
    POWERTOOLS_SERVICE_NAME: serviceName,
    POWERTOOLS_METRICS_NAMESPACE,
    LOG_LEVEL,
  };
}
