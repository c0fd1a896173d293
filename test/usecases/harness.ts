/**
 * Wiring for the pipeline integration tests: real dynalite + s3rver (test/support/servers.ts),
 * SNS mocked with aws-sdk-client-mock, the ingest handler built by its factory, and SQS events
 * shaped exactly like real S3 notifications (keys URL-encoded, `+` for spaces).
 */
import { readFileSync } from 'node:fs';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, type PublishCommandInput, SNSClient } from '@aws-sdk/client-sns';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { encodeS3Key } from '../../functions/ingest/events.ts';
import { createIngestHandler, type IngestDeps } from '../../functions/ingest/handler.ts';

export const TOPIC_ARN = 'arn:aws:sns:ap-east-1:123456789012:nianbao-reports';
export const API_URL = 'https://api.example.test/prod';
export const BUCKET = 'nianbao-uploads';

export const SEED = new Uint8Array(readFileSync(new URL('../fixtures/seed/heilongjiang-gxt-2022.txt', import.meta.url)));
export const SEED_AGENCY = '黑龙江省工业和信息化厅';
export const corpus = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url)));

let messageSeq = 0;

/** One SQS record carrying an S3 ObjectCreated notification for the key. */
export function s3Record(key: string, bucket = BUCKET): SQSRecord {
  const id = `msg-${++messageSeq}`;
  const body = {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        eventTime: new Date().toISOString(),
        eventName: 'ObjectCreated:Put',
        s3: { s3SchemaVersion: '1.0', bucket: { name: bucket }, object: { key: encodeS3Key(key), size: 1 } },
      },
    ],
  };
  return {
    messageId: id,
    receiptHandle: `rh-${id}`,
    body: JSON.stringify(body),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(Date.now()),
      SenderId: 'S3',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:ap-east-1:123456789012:nianbao-ingest',
    awsRegion: 'ap-east-1',
  };
}

export const sqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });

export const lambdaContext = (): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'nianbao-ingest',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-east-1:123456789012:function:nianbao-ingest',
  memoryLimitInMB: '1024',
  awsRequestId: `req-${messageSeq}`,
  logGroupName: '/aws/lambda/nianbao-ingest',
  logStreamName: 'test',
  getRemainingTimeInMillis: () => 60_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

export async function putObject(s3: S3Client, key: string, body: Uint8Array, metadata: Record<string, string> = {}) {
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, Metadata: metadata }));
}

/** SNS mocked at the client; every Publish input is recorded. */
export function mockSns() {
  const sns = new SNSClient({ region: 'ap-east-1' });
  const mock = mockClient(sns);
  let n = 0;
  mock.on(PublishCommand).callsFake(async () => ({ MessageId: `sns-${++n}` }));
  const published = (): PublishCommandInput[] => mock.commandCalls(PublishCommand).map((c) => c.args[0].input);
  return { sns, mock, published };
}

export function buildHandler(
  clients: { s3: S3Client; dynamo: DynamoDBClient | DynamoDBDocumentClient; sns: SNSClient },
  tableName: string,
  overrides: Partial<IngestDeps['config']> = {},
) {
  return createIngestHandler({
    config: { TABLE_NAME: tableName, TOPIC_ARN, MAX_OBJECT_BYTES: 20 * 1024 * 1024, API_URL, ...overrides },
    ...clients,
    logger: new Logger({ serviceName: 'nianbao-ingest-test', logLevel: 'SILENT' }),
    metrics: new Metrics({ namespace: 'nianbao-test', serviceName: 'nianbao-ingest-test' }),
  });
}

/** Every item of a partition (optionally with an sk prefix). */
export async function partition(doc: DynamoDBDocumentClient, tableName: string, pk: string, prefix = '') {
  const out = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :p)' : 'pk = :pk',
      ExpressionAttributeValues: prefix ? { ':pk': pk, ':p': prefix } : { ':pk': pk },
    }),
  );
  return out.Items ?? [];
}
