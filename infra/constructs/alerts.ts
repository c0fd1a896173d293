/**
 * SNS topics: `alerts` (one message per processed upload, for people) and `ops` (alarms). Both are
 * encrypted with one customer managed KMS key (rotated) whose policy lets CloudWatch alarms
 * publish, and both deny publishing without TLS. Optional email subscriptions come from context.
 */
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { AlertSeverity } from '../config.ts';

/** The SNS message attribute publishers set on every alert; the email filter reads it. */
export const SEVERITY_ATTRIBUTE = 'severity';

export interface AlertsProps {
  alertEmail?: string;
  opsEmail?: string;
  alertSeverities: readonly AlertSeverity[];
}

export class Alerts extends Construct {
  readonly key: kms.Key;
  readonly alertsTopic: sns.Topic;
  readonly opsTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlertsProps) {
    super(scope, id);

    this.key = new kms.Key(this, 'Key', {
      description: 'Encrypts the nianbao SNS topics',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // CloudWatch alarms publish to the encrypted ops topic as the cloudwatch service principal.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToUseTheKey',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );

    this.alertsTopic = new sns.Topic(this, 'AlertsTopic', {
      displayName: 'nianbao report alerts',
      masterKey: this.key,
      enforceSSL: true,
    });
    this.opsTopic = new sns.Topic(this, 'OpsTopic', {
      displayName: 'nianbao operations',
      masterKey: this.key,
      enforceSSL: true,
    });

    if (props.alertEmail !== undefined) {
      this.alertsTopic.addSubscription(
        new subscriptions.EmailSubscription(props.alertEmail, {
          filterPolicy: {
            [SEVERITY_ATTRIBUTE]: sns.SubscriptionFilter.stringFilter({ allowlist: [...props.alertSeverities] }),
          },
        }),
      );
    }
    if (props.opsEmail !== undefined) {
      this.opsTopic.addSubscription(new subscriptions.EmailSubscription(props.opsEmail));
    }
  }
}
