/**
 * The revalidate Lambda: invoked by hand after a rule change (nothing triggers it), it re-checks
 * the latest stored versions with the current rules — from the stored cells and texts, no file
 * is read — and stores a new evaluation where the findings changed (shared/usecases/evaluate.ts, follow-ups.ts, revalidate.ts).
 *
 *   aws lambda invoke --function-name <RevalidateFunctionName> \
 *     --cli-binary-format raw-in-base64-out --payload '{"year":2022}' out.json
 *
 * Payload (all optional): `year`, `agency`, `dryRun`. Response: the summary of
 * `revalidationSummary` (checked, skipped, and per changed report the new / resolved rule ids).
 * Thin: validation, wiring, logs. `createRevalidateHandler(deps)` is the factory the tests use.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import { DynamoReportStore } from '../../shared/adapters/dynamodb/report-store.ts';
import { type RevalidationSummary, revalidateStored, revalidationSummary } from '../../shared/usecases/revalidate.ts';

export const RevalidateConfigSchema = z.object({ TABLE_NAME: z.string().min(1) });
export type RevalidateConfig = z.infer<typeof RevalidateConfigSchema>;

export const RevalidateEventSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100).optional(),
    agency: z.string().trim().min(1).optional(),
    dryRun: z.boolean().optional(),
  })
  .default({});
export type RevalidateEvent = z.input<typeof RevalidateEventSchema>;

export interface RevalidateDeps {
  config: RevalidateConfig;
  dynamo: DynamoDBClient | DynamoDBDocumentClient;
  logger?: Logger;
  now?: () => Date;
}

const SERVICE = 'nianbao-revalidate';

export function createRevalidateHandler(deps: RevalidateDeps) {
  const logger = deps.logger ?? new Logger({ serviceName: SERVICE });
  const doc = documentClient(deps.dynamo);
  const store = new DynamoReportStore(doc, deps.config.TABLE_NAME);

  const base = async (event: unknown): Promise<RevalidationSummary> => {
    const input = RevalidateEventSchema.parse(event ?? undefined);
    logger.info('revalidation started', { ...input });
    const result = await revalidateStored(store, { ...input, ...(deps.now ? { now: deps.now } : {}) });
    const summary = revalidationSummary(result);
    for (const c of summary.changed) logger.info('findings changed', { ...c });
    logger.info('revalidation done', {
      rulesetVersion: summary.rulesetVersion,
      checked: summary.checked,
      skipped: summary.skipped,
      changed: summary.changed.length,
      dryRun: summary.dryRun,
    });
    return summary;
  };
  return middy(base).use(injectLambdaContext(logger));
}

export function depsFromEnv(env: NodeJS.ProcessEnv = process.env, dynamo: DynamoDBClientConfig = {}): RevalidateDeps {
  return { config: RevalidateConfigSchema.parse(env), dynamo: new DynamoDBClient(dynamo) };
}

let cold: ReturnType<typeof createRevalidateHandler> | undefined;

/** Lambda entry point: built on first invocation (once per cold start). */
export const handler = (event: unknown, context: Context): Promise<RevalidationSummary> => {
  cold ??= createRevalidateHandler(depsFromEnv());
  return cold(event, context);
};
