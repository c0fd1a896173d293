import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/api/routes.ts';
import { HEALTH_PATH } from '../../infra/constructs/http-api.ts';
import { MAX_RECEIVE_COUNT, VISIBILITY_TIMEOUT_FACTOR } from '../../infra/constructs/ingest-queue.ts';
import { REVALIDATE_MEMORY_MB } from '../../infra/constructs/revalidate-function.ts';
import {
  API_MEMORY_MB,
  DEFAULT_API_ENTRY,
  DEFAULT_INGEST_ENTRY,
  DEFAULT_REVALIDATE_ENTRY,
  EXPORT_MEMORY_MB,
  INGEST_BATCH_SIZE,
  INGEST_MEMORY_MB,
  MAX_OBJECT_BYTES,
} from '../../infra/stack.ts';
import { TABLE_DEFINITION } from '../../shared/adapters/dynamodb/table-definition.ts';
import { readPagesIsolated } from '../../shared/extract/pdf-isolated.ts';
import type { PdfPages } from '../../shared/extract/pdf-read.ts';
import type { Synthesized } from './synth.ts';
import { ROOT, resourcesOf, synth } from './synth.ts';

const EMAIL = 'ops@example.gov.cn';

/** The TLS-only statement CDK's enforceSSL adds to bucket, queue and topic policies. */
const DENY_INSECURE = Match.objectLike({
  Effect: 'Deny',
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

let s: Synthesized;

beforeAll(() => {
  // One full synth (real handler entries, local esbuild bundling, cdk-nag) shared by the file.
  s = synth({ context: { alertEmail: EMAIL } });
});
afterAll(() => s?.cleanup());

const props = (type: string, id: string) => {
  const resource = resourcesOf(s.template, type)[id];
  if (resource === undefined) throw new Error(`no ${type} ${id}`);
  return resource.Properties;
};

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding (errors or warnings)', () => {
    const violations = s.report.pluginReports.flatMap((r) => r.violations ?? []);
    expect(violations).toEqual([]);
  });
});

describe('handlers and bundling', () => {
  it('points at the real entry files', () => {
    expect(DEFAULT_INGEST_ENTRY).toBe(join(ROOT, 'functions/ingest/handler.ts'));
    expect(DEFAULT_API_ENTRY).toBe(join(ROOT, 'functions/api/handler.ts'));
  });

  it.each([
    ['ingest', () => s.stack.ingestFunction.fn, INGEST_MEMORY_MB, 90],
    ['api', () => s.stack.apiFunction.fn, API_MEMORY_MB, 10],
    ['export', () => s.stack.exportFunction.fn, EXPORT_MEMORY_MB, 29],
  ] as const)('%s runs on nodejs22.x / arm64 with its sizing', (_name, fn, memory, timeout) => {
    const p = props('AWS::Lambda::Function', s.logicalId(fn()));
    expect(p).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: memory,
      Timeout: timeout,
      Handler: 'index.handler',
    });
  });

  it.each([
    ['ingest', () => s.stack.ingestFunction],
    ['api', () => s.stack.apiFunction],
  ] as const)('%s is one ESM bundle opening with the createRequire shim', (_name, fn) => {
    const code = props('AWS::Lambda::Function', s.logicalId(fn().fn)).Code as { S3Key: string };
    const asset = join(s.outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
    const bundle = readFileSync(join(asset, 'index.mjs'), 'utf8');
    expect(bundle.startsWith("import { createRequire as __nbCreateRequire } from 'node:module';")).toBe(true);
    expect(bundle).toContain('const require = __nbCreateRequire(import.meta.url);');
    expect(readFileSync(join(asset, 'index.mjs.map'), 'utf8').length).toBeGreaterThan(0);
  });

  it('the ingest asset ships the PDF worker beside index.mjs; in plain Node it reads a PDF as the source tree does', async () => {
    const code = props('AWS::Lambda::Function', s.logicalId(s.stack.ingestFunction.fn)).Code as { S3Key: string };
    const asset = join(s.outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
    const pdf = join(ROOT, 'test', 'fixtures', 'formats', 'zhujian-2021-ed2021.pdf');
    // the worker protocol of shared/extract/pdf-worker.ts: 'ready', then one reply per request
    const script = `
      import { Worker } from 'node:worker_threads';
      import { readFileSync } from 'node:fs';
      const w = new Worker(${JSON.stringify(join(asset, 'pdf-worker.mjs'))}, { execArgv: [] });
      w.on('message', (m) => {
        if (m === 'ready') return w.postMessage({ id: 7, bytes: new Uint8Array(readFileSync(${JSON.stringify(pdf)})) });
        process.stdout.write(JSON.stringify(m));
        void w.terminate();
      });`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: asset, encoding: 'utf8' });
    const reply = JSON.parse(out) as { id: number; pages: PdfPages };
    expect(reply.id).toBe(7);
    expect(reply.pages.pages.length).toBeGreaterThan(0);
    expect(reply.pages).toEqual(JSON.parse(JSON.stringify(await readPagesIsolated(new Uint8Array(readFileSync(pdf))))));
  });

  it('the api bundle loads in plain Node (no vitest loader) and answers GET /health', () => {
    const code = props('AWS::Lambda::Function', s.logicalId(s.stack.apiFunction.fn)).Code as { S3Key: string };
    const bundle = join(s.outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`, 'index.mjs');
    const http = { method: 'GET', path: '/health', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' };
    const event = {
      version: '2.0',
      routeKey: 'GET /health',
      rawPath: '/health',
      rawQueryString: '',
      headers: {},
      isBase64Encoded: false,
      requestContext: {
        http,
        requestId: 'r',
        routeKey: 'GET /health',
        stage: '$default',
        accountId: '1',
        apiId: 'a',
        domainName: 'd',
        timeEpoch: 0,
        time: '',
      },
    };
    const script = [
      `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});`,
      `const context = { awsRequestId: 'r', functionName: 'api', getRemainingTimeInMillis: () => 10000 };`,
      `console.log(JSON.stringify(await handler(${JSON.stringify(event)}, context)));`,
    ].join('\n');
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, TABLE_NAME: 'unused-by-health', AWS_REGION: 'cn-north-1' },
    });
    const response = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { statusCode: number; body: string };
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ status: 'ok' });
  });

  it('gives the ingest function its environment', () => {
    const env = (
      props('AWS::Lambda::Function', s.logicalId(s.stack.ingestFunction.fn)).Environment as {
        Variables: Record<string, unknown>;
      }
    ).Variables;
    expect(env).toMatchObject({
      POWERTOOLS_SERVICE_NAME: 'nianbao-ingest',
      POWERTOOLS_METRICS_NAMESPACE: 'nianbao',
      LOG_LEVEL: 'INFO',
      MAX_OBJECT_BYTES: String(MAX_OBJECT_BYTES),
      TABLE_NAME: { Ref: s.logicalId(s.stack.table.table) },
      TOPIC_ARN: { Ref: s.logicalId(s.stack.alerts.alertsTopic) },
    });
    expect(JSON.stringify(env.API_URL)).toContain(s.logicalId(s.stack.api.api));
    expect(MAX_OBJECT_BYTES).toBe(20 * 1024 * 1024);
  });

  it('consumes the queue in small batches reporting partial failures', () => {
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [s.logicalId(s.stack.ingestQueue.queue), 'Arn'] },
      FunctionName: { Ref: s.logicalId(s.stack.ingestFunction.fn) },
      BatchSize: INGEST_BATCH_SIZE,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 5 },
    });
    expect(INGEST_BATCH_SIZE).toBeLessThanOrEqual(5);
    // No reservation unless ingestConcurrency is given (see config.test.ts).
    expect(props('AWS::Lambda::Function', s.logicalId(s.stack.ingestFunction.fn)).ReservedConcurrentExecutions).toBeUndefined();
  });
});

describe('uploads bucket', () => {
  const bucketProps = () => props('AWS::S3::Bucket', s.logicalId(s.stack.uploads.bucket));

  it('is encrypted, private, versioned and logs access to the log bucket', () => {
    expect(bucketProps()).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: s.logicalId(s.stack.uploads.accessLogs) } },
    });
    expect(s.template.findResources('AWS::S3::Bucket', { DeletionPolicy: 'Retain' })).toHaveProperty(s.logicalId(s.stack.uploads.bucket));
  });

  it('expires noncurrent versions after 90 days and aborts incomplete multipart uploads', () => {
    expect((bucketProps().LifecycleConfiguration as { Rules: unknown[] }).Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 90 }, Status: 'Enabled' }),
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }, Status: 'Enabled' }),
      ]),
    );
  });

  it.each([
    ['uploads', () => s.stack.uploads.bucket],
    ['access logs', () => s.stack.uploads.accessLogs],
  ] as const)('%s bucket denies non-TLS requests', (_name, bucket) => {
    s.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: s.logicalId(bucket()) },
      PolicyDocument: { Statement: Match.arrayWith([DENY_INSECURE]) },
    });
  });

  it('notifies the ingest queue of objects created under uploads/ only', () => {
    s.template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: s.logicalId(s.stack.uploads.bucket) },
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } },
            QueueArn: { 'Fn::GetAtt': [s.logicalId(s.stack.ingestQueue.queue), 'Arn'] },
          },
        ],
      },
    });
  });
});

describe('queues and alarm', () => {
  it('redrives to the DLQ after 3 receives, with a visibility timeout ≥ 6× the function timeout', () => {
    const queue = props('AWS::SQS::Queue', s.logicalId(s.stack.ingestQueue.queue));
    const fnTimeout = props('AWS::Lambda::Function', s.logicalId(s.stack.ingestFunction.fn)).Timeout as number;
    expect(queue.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [s.logicalId(s.stack.ingestQueue.deadLetterQueue), 'Arn'] },
      maxReceiveCount: 3,
    });
    expect(MAX_RECEIVE_COUNT).toBe(3);
    expect(queue.VisibilityTimeout as number).toBeGreaterThanOrEqual(6 * fnTimeout);
    expect(VISIBILITY_TIMEOUT_FACTOR).toBe(6);
  });

  it.each([
    ['queue', () => s.stack.ingestQueue.queue],
    ['dead-letter queue', () => s.stack.ingestQueue.deadLetterQueue],
  ] as const)('%s is encrypted and TLS-only', (_name, queue) => {
    const id = s.logicalId(queue());
    expect(props('AWS::SQS::Queue', id).SqsManagedSseEnabled).toBe(true);
    s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: id }],
      PolicyDocument: { Statement: Match.arrayWith([DENY_INSECURE]) },
    });
  });

  it('alarms on visible DLQ messages and notifies the ops topic', () => {
    const ops = { Ref: s.logicalId(s.stack.alerts.opsTopic) };
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [s.logicalId(s.stack.ingestQueue.deadLetterQueue), 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [ops],
    });
  });
});

describe('table', () => {
  const table = () => props('AWS::DynamoDB::GlobalTable', s.logicalId(s.stack.table.table));

  it('has the keys and GSIs of shared/adapters/dynamodb/table-definition.ts', () => {
    const key = (name: string, type: 'HASH' | 'RANGE') => ({ AttributeName: name, KeyType: type });
    expect(table().KeySchema).toEqual([key(TABLE_DEFINITION.partitionKey.name, 'HASH'), key(TABLE_DEFINITION.sortKey.name, 'RANGE')]);
    expect(table().GlobalSecondaryIndexes).toEqual(
      TABLE_DEFINITION.globalSecondaryIndexes.map((g) => ({
        IndexName: g.indexName,
        KeySchema: [key(g.partitionKey.name, 'HASH'), key(g.sortKey.name, 'RANGE')],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const definitions = table().AttributeDefinitions as { AttributeName: string; AttributeType: string }[];
    const expected = [TABLE_DEFINITION.partitionKey, TABLE_DEFINITION.sortKey].concat(
      TABLE_DEFINITION.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey]),
    );
    expect(definitions).toEqual(expected.map((a) => ({ AttributeName: a.name, AttributeType: a.type })));
  });

  it("is on-demand, encrypted, with PITR and TTL on the definition's attribute", () => {
    expect(table()).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.timeToLiveAttribute, Enabled: true },
      Replicas: [
        expect.objectContaining({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
    });
  });
});

describe('alerts', () => {
  it.each([
    ['alerts', () => s.stack.alerts.alertsTopic],
    ['ops', () => s.stack.alerts.opsTopic],
  ] as const)('%s topic is KMS-encrypted and TLS-only', (_name, topic) => {
    const id = s.logicalId(topic());
    expect(props('AWS::SNS::Topic', id).KmsMasterKeyId).toEqual({
      'Fn::GetAtt': [s.logicalId(s.stack.alerts.key), 'Arn'],
    });
    s.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: id }],
      PolicyDocument: { Statement: Match.arrayWith([DENY_INSECURE]) },
    });
  });

  it('rotates the topic key and lets CloudWatch alarms use it', () => {
    s.template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
        ]),
      },
    });
  });

  it('subscribes alertEmail to alerts filtered on severity error/warning, and to ops unfiltered', () => {
    s.template.resourceCountIs('AWS::SNS::Subscription', 2);
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: EMAIL,
      TopicArn: { Ref: s.logicalId(s.stack.alerts.alertsTopic) },
      FilterPolicy: { severity: ['error', 'warning'] },
    });
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: EMAIL,
      TopicArn: { Ref: s.logicalId(s.stack.alerts.opsTopic) },
      FilterPolicy: Match.absent(),
    });
  });
});

describe('HTTP API', () => {
  it('requires IAM authorization on every route except GET /health', () => {
    const routes = Object.values(resourcesOf(s.template, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(['ANY /{proxy+}', 'GET /health', 'GET /reports/export']);
    for (const route of routes) {
      expect([route.RouteKey, route.AuthorizationType]).toEqual([route.RouteKey, route.RouteKey === 'GET /health' ? 'NONE' : 'AWS_IAM']);
    }
  });

  it('sends the year export to the export function and everything else to the api function', () => {
    const integrations = resourcesOf(s.template, 'AWS::ApiGatewayV2::Integration');
    const routes = Object.values(resourcesOf(s.template, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    const target = (key: string) => {
      const ref = JSON.stringify(routes.find((r) => r.RouteKey === key)?.Target);
      const id = Object.keys(integrations).find((i) => ref.includes(i))!;
      return JSON.stringify(integrations[id]!.Properties.IntegrationUri);
    };
    const logicalId = (fn: IConstruct) => s.stack.getLogicalId(fn.node.defaultChild as CfnElement);
    expect(target('GET /reports/export')).toContain(logicalId(s.stack.exportFunction.fn));
    expect(target('ANY /{proxy+}')).toContain(logicalId(s.stack.apiFunction.fn));
  });

  it('agrees with the api route table: only GET /health is unsigned', () => {
    expect(ROUTES.filter((r) => !r.signed).map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${HEALTH_PATH}`]);
  });

  it('logs access to a log group and throttles the stage', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [s.logicalId(s.stack.api.accessLogs), 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
    });
  });
});

describe('least privilege', () => {
  const statementsOf = (role: { node: { defaultChild?: unknown } }) => {
    const roleRef = { Ref: s.logicalId(role) };
    const policies = Object.values(resourcesOf(s.template, 'AWS::IAM::Policy')).filter(
      (p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([roleRef]),
    );
    return policies.flatMap(
      (p) => (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement,
    );
  };
  const actions = (statements: { Action: string | string[] }[]) => statements.flatMap((st) => [st.Action].flat());

  it('the api role reads the table and nothing writes', () => {
    const all = actions(statementsOf(s.stack.apiFunction.role));
    expect(all).toContain('dynamodb:Query');
    expect(all.filter((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toEqual([]);
    expect(all.filter((a) => /^(s3|sns|sqs):/.test(a))).toEqual([]);
  });

  it('the ingest role reads only uploads/ objects, writes the table, publishes to the alerts topic', () => {
    const statements = statementsOf(s.stack.ingestFunction.role);
    const s3 = statements.filter((st) => actions([st]).some((a) => a.startsWith('s3:')));
    expect(s3).toHaveLength(1);
    expect(actions(s3).every((a) => /^s3:(Get|List)/.test(a))).toBe(true);
    const bucketArn = { 'Fn::GetAtt': [s.logicalId(s.stack.uploads.bucket), 'Arn'] };
    expect(s3[0]?.Resource).toEqual([bucketArn, { 'Fn::Join': ['', [bucketArn, '/uploads/*']] }]);
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: 'sns:Publish', Resource: { Ref: s.logicalId(s.stack.alerts.alertsTopic) } }),
    );
  });

  it('function roles carry no AWS managed policy', () => {
    for (const fn of [s.stack.apiFunction, s.stack.ingestFunction]) {
      expect(props('AWS::IAM::Role', s.logicalId(fn.role)).ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('outputs and cdk.json', () => {
  it('exports bucket name, API URL and topic ARNs', () => {
    const outputs = s.template.findOutputs('*');
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['BucketName', 'ApiUrl', 'AlertsTopicArn', 'OpsTopicArn']));
    expect(outputs.BucketName?.Value).toEqual({ Ref: s.logicalId(s.stack.uploads.bucket) });
    expect(outputs.AlertsTopicArn?.Value).toEqual({ Ref: s.logicalId(s.stack.alerts.alertsTopic) });
  });

  it('runs offline: no notices, no telemetry, the tsx app', () => {
    const json = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({ app: 'npx tsx infra/app.ts', notices: false, context: { 'cli-telemetry': false } });
  });
});

describe('revalidate function', () => {
  it('is bundled from functions/revalidate/handler.ts like the others, with its sizing and the table name', () => {
    expect(DEFAULT_REVALIDATE_ENTRY).toBe(join(ROOT, 'functions/revalidate/handler.ts'));
    const fn = s.stack.revalidate.function;
    const p = props('AWS::Lambda::Function', s.logicalId(fn.fn));
    expect(p).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: REVALIDATE_MEMORY_MB,
      Timeout: 900,
      Handler: 'index.handler',
      Environment: { Variables: { TABLE_NAME: { Ref: s.logicalId(s.stack.table.table) }, POWERTOOLS_SERVICE_NAME: 'nianbao-revalidate' } },
    });
    const asset = join(s.outdir, `asset.${(p.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '')}`);
    expect(
      readFileSync(join(asset, 'index.mjs'), 'utf8').startsWith("import { createRequire as __nbCreateRequire } from 'node:module';"),
    ).toBe(true);
    expect(s.template.findOutputs('RevalidateFunctionName').RevalidateFunctionName?.Value).toEqual({ Ref: s.logicalId(fn.fn) });
  });

  it('reads and writes the table and reaches nothing else; no trigger invokes it', () => {
    const roleRef = { Ref: s.logicalId(s.stack.revalidate.function.role) };
    const statements = Object.values(resourcesOf(s.template, 'AWS::IAM::Policy'))
      .filter((pol) => JSON.stringify(pol.Properties.Roles) === JSON.stringify([roleRef]))
      .flatMap((pol) => (pol.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement);
    const all = statements.flatMap((st) => [st.Action].flat());
    expect(all).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:BatchWriteItem', 'dynamodb:UpdateItem']));
    expect(all.filter((a) => !/^(dynamodb|logs):/.test(a))).toEqual([]);
    expect(props('AWS::IAM::Role', s.logicalId(s.stack.revalidate.function.role)).ManagedPolicyArns).toBeUndefined();
    const fnRef = JSON.stringify({ Ref: s.logicalId(s.stack.revalidate.function.fn) });
    const triggers = Object.values(resourcesOf(s.template, 'AWS::Lambda::EventSourceMapping')).concat(
      Object.values(resourcesOf(s.template, 'AWS::Lambda::Permission')),
    );
    expect(triggers.filter((t) => JSON.stringify(t.Properties).includes(fnRef))).toEqual([]);
  });
});
