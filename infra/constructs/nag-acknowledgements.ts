/**
 * Every cdk-nag (AwsSolutions) finding this stack accepts, one granular finding at a time, each
 * with the reason a reviewer needs. Findings that can be fixed are fixed in the constructs; what
 * remains here is a deliberate choice or an artifact of a least-privilege grant that cdk-nag
 * cannot tell apart from a broad one. Acknowledgements that belong to a single construct (the
 * log bucket's S1, the DLQ's SQS3) live next to that construct.
 */

import type { CfnElement } from 'aws-cdk-lib';
import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { UPLOAD_PREFIX } from './uploads-bucket.ts';

export interface NagSubjects {
  /** The reports table: its GSIs make table grants end in `/index/*`. */
  table: IConstruct;
  uploadsBucket: IConstruct;
  apiRole: IConstruct;
  apiFunction: IConstruct;
  exportRole: IConstruct;
  exportFunction: IConstruct;
  ingestRole: IConstruct;
  ingestFunction: IConstruct;
  healthRoutes: readonly IConstruct[];
}

/** `<LogicalId.Arn>` as cdk-nag renders a `Fn::GetAtt [LogicalId, Arn]` in a finding id. */
export function arnRef(construct: IConstruct): string {
  const cfn = construct.node.defaultChild as CfnElement | undefined;
  if (cfn === undefined) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return `<${Stack.of(construct).getLogicalId(cfn)}.Arn>`;
}

export const RUNTIME_REASON =
  'Node.js 22 (nodejs22.x) is a supported Lambda LTS runtime chosen on purpose: the pinned dependency set (middy 6, Powertools 2.35, pdf.js via unpdf) is tested against it, and moving to a newer runtime is a deliberate, tested upgrade rather than a side effect of cdk-nag.';

export function acknowledgeStackFindings(stack: Stack, subjects: NagSubjects): void {
  const tableIndexes = `AwsSolutions-IAM5[Resource::${arnRef(subjects.table)}/index/*]`;

  for (const role of [subjects.apiRole, subjects.exportRole]) {
    Validations.of(role).acknowledge({
      id: tableIndexes,
      reason:
        "grantReadData on the reports table: queries by gsi1..gsi3 need read access to the table's own indexes (table ARN + /index/*); no other table is reachable.",
    });
  }
  Validations.of(subjects.ingestRole).acknowledge(
    {
      id: tableIndexes,
      reason:
        'grantReadWriteData on the reports table: the store reads the previous version through its GSIs (table ARN + /index/*); no other table is reachable.',
    },
    {
      id: `AwsSolutions-IAM5[Resource::${arnRef(subjects.uploadsBucket)}/${UPLOAD_PREFIX}*]`,
      reason: `Read access is limited to objects under the ${UPLOAD_PREFIX} prefix of the uploads bucket, which is exactly where reports are dropped; the object key is only known per event.`,
    },
    {
      id: 'AwsSolutions-IAM5[Action::s3:GetObject*]',
      reason:
        'bucket.grantRead on the uploads/ prefix: GetObject plus GetObjectVersion (ingestion is idempotent per object version) and the read-only GetObject* variants; no write or delete.',
    },
    {
      id: 'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      reason:
        'bucket.grantRead includes read-only bucket metadata (location, versioning) used by the SDK; scoped to the uploads bucket ARN only.',
    },
    {
      id: 'AwsSolutions-IAM5[Action::s3:List*]',
      reason:
        'bucket.grantRead includes listing so a missing key yields 404 (NoSuchKey) rather than 403 when an event races a delete; scoped to the uploads bucket only.',
    },
    {
      id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      reason:
        'Publishing to the KMS-encrypted alerts topic requires GenerateDataKey on the topic key; the grant names that one key ARN, not all keys.',
    },
  );

  for (const fn of [subjects.apiFunction, subjects.exportFunction, subjects.ingestFunction]) {
    Validations.of(fn).acknowledge({ id: 'AwsSolutions-L1', reason: RUNTIME_REASON });
  }

  for (const route of subjects.healthRoutes) {
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'GET /health is the only unauthenticated route by design: a liveness probe that returns no data; every other route requires SigV4 (IAM) authorization.',
    });
  }

  // CDK's singleton custom resource that configures S3 → SQS event notifications.
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('BucketNotificationsHandler')) continue;
    Validations.of(child).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'CDK-internal custom resource (BucketNotificationsHandler) that writes the bucket notification configuration at deploy time; its role and managed logging policy are defined by aws-cdk-lib and not configurable.',
    });
  }
}
