/**
 * Fault hooks of the local stack, for the fault tests (RELIABILITY.md, "Faults"): each hook is
 * called before the ingest handler's own call of that service and fails it by throwing. The API
 * and the upload tools keep clients of their own, so a fault never touches what the test reads
 * back. Stopping the DynamoDB server alone is `LocalStack.dynamo.stop()`.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ProcessedUpload } from '../shared/render/email.ts';
import type { Notifier } from '../shared/usecases/ports.ts';

export interface LocalFaults {
  /** Before every DynamoDB command of the ingest handler (`PutItemCommand`, `QueryCommand` …). */
  dynamo?: (command: string, input: Record<string, unknown>) => void;
  /** Before every S3 command of the ingest handler (`HeadObjectCommand`, `GetObjectCommand`). */
  s3?: (command: string, input: Record<string, unknown>) => void;
  /** Before every message sent (after the version was stored). */
  notify?: (upload: ProcessedUpload) => void;
}

type Hook = (command: string, input: Record<string, unknown>) => void;

/** Runs the hook before each command the client sends. */
export function withFault<C extends DynamoDBClient | S3Client>(client: C, hook: Hook | undefined): C {
  if (!hook) return client;
  (client as DynamoDBClient).middlewareStack.add(
    (next, context) => async (args) => {
      hook(context.commandName ?? '', args.input as Record<string, unknown>);
      return next(args);
    },
    { step: 'initialize', name: 'nianbaoFault' },
  );
  return client;
}

export function notifierWithFault(notifier: Notifier, hook: LocalFaults['notify']): Notifier {
  if (!hook) return notifier;
  return {
    async publish(upload) {
      hook(upload);
      await notifier.publish(upload);
    },
  };
}
