/**
 * The revalidate function: invoked by hand after a rule change (no trigger), it re-checks the
 * latest stored versions from the table alone (functions/revalidate/handler.ts). Same bundling as
 * the other functions; reads and writes the reports table and nothing else (no bucket, no topic:
 * it reads no file and sends no message). Its cdk-nag acknowledgements live here.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { BundledFunction } from './bundled-function.ts';
import { arnRef, RUNTIME_REASON } from './nag-acknowledgements.ts';

/** One Report in memory at a time; 1024 MB for ~0.6 vCPU of item parsing and rules (no extraction). */
export const REVALIDATE_MEMORY_MB = 1024;
/**
 * The Lambda maximum: one invocation re-checks reports one after another. The rules are cheap
 * (BENCHMARKS.md: ~15,000 Report validations/s); each report costs about six sequential DynamoDB
 * calls (report, version and partition, previous year, boilerplate), ~5–10 ms each in-region, so
 * 15 minutes covers roughly 10,000–20,000 reports (an estimate, not measured on AWS). For more,
 * invoke it per year (`{"year":2022}`).
 */
export const REVALIDATE_TIMEOUT = Duration.minutes(15);

export interface RevalidateFunctionProps {
  entry: string;
  table: dynamodb.TableV2;
  environment: Record<string, string>;
}

export class RevalidateFunction extends Construct {
  readonly function: BundledFunction;

  constructor(scope: Construct, id: string, props: RevalidateFunctionProps) {
    super(scope, id);
    this.function = new BundledFunction(this, 'Function', {
      entry: props.entry,
      description: 'nianbao revalidate: re-check stored reports with the current rules (invoked manually)',
      memorySize: REVALIDATE_MEMORY_MB,
      timeout: REVALIDATE_TIMEOUT,
      // No reserved concurrency (a new account's quota of 10 leaves none to reserve): run one
      // invocation at a time, or two concurrent runs may both store the same re-evaluation.
      environment: { ...props.environment, TABLE_NAME: props.table.tableName },
    });
    props.table.grantReadWriteData(this.function.fn);

    Validations.of(this.function.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${arnRef(props.table)}/index/*]`,
      reason:
        'grantReadWriteData on the reports table: revalidation lists reports through gsi1/gsi2 (table ARN + /index/*) and writes new versions; no other table is reachable.',
    });
    Validations.of(this.function.fn).acknowledge({ id: 'AwsSolutions-L1', reason: RUNTIME_REASON });
  }
}
