/**
 * The ingest Lambda: SQS messages carrying S3 event notifications → the ingest pipeline, one
 * object at a time, with partial batch failure reporting. Thin: parsing, wiring, logs, metrics.
 *
 * `createIngestHandler(deps)` is the factory the tests and the local stack use to inject clients
 * (or endpoints) and a notifier; `handler` is the Lambda entry point, configured from the
 * environment (TABLE_NAME, TOPIC_ARN, MAX_OBJECT_BYTES, API_URL) with clients made once per cold
 * start. Works outside Lambda: it needs no Lambda runtime and uses no Powertools idempotency
 * (idempotency is the repository's conditional writes), so nothing warns about a missing context.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { SNSClient, type SNSClientConfig } from '@aws-sdk/client-sns';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import { DynamoReportStore } from '../../shared/adapters/dynamodb/report-store.ts';
import { S3ObjectSource } from '../../shared/adapters/s3/object-source.ts';
import { SnsNotifier } from '../../shared/adapters/sns/notifier.ts';
import { DEFAULT_MAX_OBJECT_BYTES, ingestObject, ProcessingInProgress } from '../../shared/usecases/ingest.ts';
import type { Clock, Notifier, ObjectRef } from '../../shared/usecases/ports.ts';
import { createdObjects, isTestEvent, parseNotification } from './events.ts';

export const IngestConfigSchema = z.object({
  TABLE_NAME: z.string().min(1),
  TOPIC_ARN: z.string().min(1),
  MAX_OBJECT_BYTES: z.coerce.number().int().positive().default(DEFAULT_MAX_OBJECT_BYTES),
  API_URL: z.url().optional(),
});
export type IngestConfig = z.infer<typeof IngestConfigSchema>;

export interface IngestDeps {
  config: IngestConfig;
  s3: S3Client;
  /** A plain client is wrapped in a DocumentClient (removeUndefinedValues). */
  dynamo: DynamoDBClient | DynamoDBDocumentClient;
  /** Used for the SNS notifier unless `notifier` is given (the local stack sends email instead). */
  sns?: SNSClient;
  notifier?: Notifier;
  logger?: Logger;
  metrics?: Metrics;
  clock?: Clock;
}

const SERVICE = 'nianbao-ingest';

/** Processes one SQS record: every created object in its S3 notification. Throws to fail the record. */
export function createRecordHandler(deps: IngestDeps) {
  const logger = deps.logger ?? new Logger({ serviceName: SERVICE });
  const metrics = deps.metrics ?? new Metrics({ namespace: 'nianbao', serviceName: SERVICE });
  const notifier =
    deps.notifier ??
    (deps.sns
      ? new SnsNotifier(deps.sns, deps.config.TOPIC_ARN, deps.config.API_URL ? { apiUrl: deps.config.API_URL, signedApi: true } : {})
      : undefined);
  if (!notifier) throw new Error('createRecordHandler needs an SNS client or a notifier');
  const store = new DynamoReportStore(documentClient(deps.dynamo), deps.config.TABLE_NAME);
  const pipeline = {
    objects: new S3ObjectSource(deps.s3),
    store,
    notifier,
    maxObjectBytes: deps.config.MAX_OBJECT_BYTES,
    ...(deps.clock ? { clock: deps.clock } : {}),
  };

  const processObject = async (ref: ObjectRef, messageId: string) => {
    const where = { messageId, bucket: ref.bucket, key: ref.key, version: ref.versionId };
    try {
      const outcome = await ingestObject(ref, pipeline);
      if (outcome.kind === 'gone') {
        logger.warn('object no longer exists; nothing to check', where);
        return;
      }
      if (outcome.kind === 'superseded') {
        logger.info('object replaced by a newer upload since this event; that upload is checked instead', {
          ...where,
          reason: outcome.reason,
        });
        return;
      }
      if (outcome.kind === 'duplicate') {
        logger.info('duplicate delivery of a processed object version; acknowledged', {
          ...where,
          reportId: outcome.reportId,
          versionId: outcome.versionId,
        });
        return;
      }
      const { reportId, versionId, status, counts, inputRuleId, latest } = outcome;
      if (outcome.internalError !== undefined) {
        logger.error('domain error while checking; stored as an input finding', {
          ...where,
          reportId,
          error: outcome.internalError as Error,
        });
      }
      logger.info('report processed', { ...where, reportId, versionId, status, counts, latest, inputRuleId });
      metrics.addMetric('ReportsProcessed', MetricUnit.Count, 1);
      if (inputRuleId) metrics.addMetric('InputFailures', MetricUnit.Count, 1);
      for (const [severity, n] of Object.entries(counts)) {
        if (n > 0) metrics.singleMetric().addDimension('severity', severity).addMetric('FindingsBySeverity', MetricUnit.Count, n);
      }
    } catch (error) {
      // Either this object version or a re-evaluation it triggers (the previous year's re-check): the message says which.
      if (error instanceof ProcessingInProgress)
        logger.warn('a claim is held by another worker; retry later', { ...where, claim: error.message });
      else logger.error('processing failed; the message will be retried', { ...where, error: error as Error });
      throw error;
    }
  };

  return async (record: SQSRecord): Promise<void> => {
    const notification = parseNotification(record.body);
    if (isTestEvent(notification)) {
      logger.info('s3:TestEvent acknowledged', { messageId: record.messageId, bucket: notification.Bucket });
      return;
    }
    for (const ref of createdObjects(notification)) await processObject(ref, record.messageId);
  };
}

/** The middy-wrapped SQS handler with partial batch responses. */
export function createIngestHandler(deps: IngestDeps) {
  const logger = deps.logger ?? new Logger({ serviceName: SERVICE });
  const metrics = deps.metrics ?? new Metrics({ namespace: 'nianbao', serviceName: SERVICE });
  const recordHandler = createRecordHandler({ ...deps, logger, metrics });
  const base = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const processor = new BatchProcessor(EventType.SQS);
    return processPartialResponse(event, recordHandler, processor, { context, throwOnFullBatchFailure: false });
  };
  return middy(base).use(injectLambdaContext(logger)).use(logMetrics(metrics));
}

/** Client settings (endpoints, credentials, path style …) for running against emulators. */
export interface ClientOverrides {
  s3?: S3ClientConfig;
  dynamo?: DynamoDBClientConfig;
  sns?: SNSClientConfig;
}

/** Clients and config from the environment (the Lambda runtime), optionally pointed elsewhere. */
export function depsFromEnv(env: NodeJS.ProcessEnv = process.env, clients: ClientOverrides = {}): IngestDeps {
  const config = IngestConfigSchema.parse(env);
  return {
    config,
    s3: new S3Client(clients.s3 ?? {}),
    dynamo: new DynamoDBClient(clients.dynamo ?? {}),
    sns: new SNSClient(clients.sns ?? {}),
  };
}

let cold: ReturnType<typeof createIngestHandler> | undefined;

/** Lambda entry point: built on first invocation (once per cold start). */
export const handler = (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  cold ??= createIngestHandler(depsFromEnv());
  return cold(event, context);
};
