/**
 * The local stand-in for "S3 event → SQS queue → ingest Lambda": every object created under the
 * upload prefix becomes an SQS-shaped event (real S3 key encoding) handed to the ingest handler,
 * several messages at once up to a bound, as Lambda runs several instances of a function on a queue
 * (the stack's maxConcurrency). A message the handler reports as failed is redelivered after a short
 * delay, like SQS after its visibility timeout; after MAX_RECEIVE_COUNT receives it is given up
 * (the "dead-letter queue" is a log line and `deadLetters()`; the next start's sweep, local/sweep.ts,
 * delivers those uploads again).
 */
import { randomUUID } from 'node:crypto';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { UPLOAD_PREFIX } from './config.ts';
import { type CreatedObject, sqsEventOf } from './s3-events.ts';

export type IngestHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

/** Same value as the CDK stack's queue (infra/constructs/ingest-queue.ts), not imported: that pulls in aws-cdk-lib. */
export const MAX_RECEIVE_COUNT = 3;

export interface WiringOptions {
  handler: IngestHandler;
  /** Delay before a failed message is received again (ms). */
  retryDelayMs?: number;
  log?: (line: string) => void;
  /** Messages handled at once (default DEFAULT_CONCURRENCY). */
  concurrency?: number;
}

/** Handlers in flight at once by default: enough to overlap one upload's DynamoDB round trips with another's reading. */
export const DEFAULT_CONCURRENCY = 4;

export interface Wiring {
  /** Queue an object-created event (ignored outside the upload prefix). */
  deliver(object: CreatedObject): void;
  /** Messages queued or in flight. */
  pending(): number;
  /** Messages given up after MAX_RECEIVE_COUNT receives (the dead-letter queue), oldest first. */
  deadLetters(): CreatedObject[];
  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void>;
  /** Stops taking messages; resolves when those in flight are done. */
  stop(): Promise<void>;
}

export function lambdaContext(functionName: string, timeoutMs = 120_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

interface Message {
  object: CreatedObject;
  receiveCount: number;
}

export function createWiring({
  handler,
  retryDelayMs = 1000,
  log = console.error,
  concurrency = DEFAULT_CONCURRENCY,
}: WiringOptions): Wiring {
  const queue: Message[] = [];
  const dead: CreatedObject[] = [];
  const inFlight = new Set<Promise<void>>();
  let delayed = 0;
  let stopped = false;
  let waiters: (() => void)[] = [];

  const pending = () => queue.length + delayed + inFlight.size;
  const settle = () => {
    if (pending() > 0) return;
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  };

  async function receive(message: Message): Promise<void> {
    const event = sqsEventOf(message.object, message.receiveCount);
    let failed = false;
    try {
      const response = await handler(event, lambdaContext('nianbao-ingest-local'));
      failed = (response?.batchItemFailures.length ?? 0) > 0;
    } catch (error) {
      failed = true;
      log(`ingest: handler threw for ${message.object.key}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!failed) return;
    if (message.receiveCount >= MAX_RECEIVE_COUNT) {
      log(`ingest: ${message.object.key} failed ${message.receiveCount} times; moved to the dead-letter queue`);
      dead.push(message.object);
      return;
    }
    delayed += 1;
    setTimeout(() => {
      delayed -= 1;
      if (!stopped) queue.push({ object: message.object, receiveCount: message.receiveCount + 1 });
      pump();
    }, retryDelayMs).unref();
  }

  function pump(): void {
    while (!stopped && inFlight.size < concurrency && queue.length > 0) {
      const running: Promise<void> = receive(queue.shift()!).finally(() => {
        inFlight.delete(running);
        pump();
      });
      inFlight.add(running);
    }
    settle();
  }

  return {
    deliver(object) {
      if (stopped || !object.key.startsWith(UPLOAD_PREFIX)) return;
      queue.push({ object, receiveCount: 1 });
      pump();
    },
    pending,
    deadLetters: () => [...dead],
    idle: () => (pending() === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    async stop() {
      stopped = true;
      queue.length = 0;
      await Promise.all(inFlight);
    },
  };
}
