/**
 * The ingest handler against real dynalite and s3rver; SNS mocked at the client.
 */
import { readFileSync } from 'node:fs';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CellsItemSchema,
  FindingItemSchema,
  keys,
  ReportItemSchema,
  ResolvedItemSchema,
  SectionItemSchema,
  VersionItemSchema,
} from '../../shared/adapters/dynamodb/items.ts';
import { DynamoReportStore } from '../../shared/adapters/dynamodb/report-store.ts';
import { renderEmail, renderSns } from '../../shared/render/email.ts';
import { countBySeverity } from '../../shared/report/status.ts';
import { diffFindings } from '../../shared/rules/diff.ts';
import { checkBytes } from '../../shared/usecases/check.ts';
import { reportIdOf, unidentifiedReportIdOf } from '../../shared/usecases/records.ts';
import { documentClient, dynamoClient, type LocalServers, startServers } from '../support/servers.ts';
import {
  API_URL,
  BUCKET,
  buildHandler,
  corpus,
  lambdaContext,
  mockSns,
  partition,
  putObject,
  SEED,
  SEED_AGENCY,
  s3Record,
  sqsEvent,
  TOPIC_ARN,
} from './harness.ts';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

let servers: LocalServers;
let repo: DynamoReportStore;

beforeAll(async () => {
  servers = await startServers({ tableName: 'nianbao-test', buckets: [BUCKET] });
  repo = new DynamoReportStore(servers.doc, servers.tableName);
});
afterAll(async () => servers?.stop());

const handlerWith = (sns: ReturnType<typeof mockSns>['sns'], overrides = {}) =>
  buildHandler({ s3: servers.s3, dynamo: servers.dynamo, sns }, servers.tableName, overrides);

const expected = JSON.parse(readFileSync(new URL('../fixtures/seed/heilongjiang-gxt-2022.expected.json', import.meta.url), 'utf8')) as {
  values: Record<string, number | null | '/'>;
};

describe('the seed, end to end', () => {
  it('stores report, version, sections, cells and findings and publishes one exact message', async () => {
    const { sns, published } = mockSns();
    const event = JSON.parse(readFileSync(new URL('../../events/sqs-s3-put-chinese-key.json', import.meta.url), 'utf8'));
    const key = 'uploads/2022/黑龙江省工业和信息化厅 2022年报.txt';
    await putObject(servers.s3, key, SEED);

    const response = await handlerWith(sns)(event, lambdaContext());
    expect(response).toEqual({ batchItemFailures: [] });

    const direct = await checkBytes(SEED, {
      fileName: '黑龙江省工业和信息化厅 2022年报.txt',
      metadata: { agency: SEED_AGENCY, year: 2022, fileName: '黑龙江省工业和信息化厅 2022年报.txt' },
    });
    expect(direct.report?.agency).toBe(SEED_AGENCY);
    const reportId = reportIdOf(SEED_AGENCY, 2022);
    expect(reportId).toMatch(/^2022-[0-9a-f]{10}$/);

    const head = ReportItemSchema.parse((await partition(servers.doc, servers.tableName, keys.report(reportId).pk, 'LATEST'))[0]);
    expect(head).toMatchObject({
      reportId,
      agency: SEED_AGENCY,
      year: 2022,
      identified: true,
      objectKey: key,
      bucket: BUCKET,
      edition: '2021',
    });
    const versions = (await partition(servers.doc, servers.tableName, keys.report(reportId).pk, 'VERSION#')).map((i) =>
      VersionItemSchema.parse(i),
    );
    expect(versions).toHaveLength(1);
    const version = versions[0]!;
    expect(version.versionId).toBe(head.latestVersionId);
    expect(version.identitySource).toEqual({ agency: 'document', year: 'document' });
    expect(version.counts).toEqual(countBySeverity(direct.findings));

    const items = await partition(servers.doc, servers.tableName, keys.versionPartition(reportId, version.versionId));
    const cells = Object.assign({}, ...items.filter((i) => i.type === 'cells').map((i) => CellsItemSchema.parse(i).cells));
    expect(cells).toEqual(direct.report!.cells);
    for (const [cellKey, value] of Object.entries(expected.values)) expect(cells[cellKey], cellKey).toEqual(value);
    const sections = items.filter((i) => i.type === 'section').map((i) => SectionItemSchema.parse(i));
    expect(sections.map((s) => s.number)).toEqual(direct.report!.sections.map((s) => s.number));
    const findings = items.filter((i) => i.type === 'finding').map((i) => FindingItemSchema.parse(i));
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual(direct.findings.map((f) => [f.ruleId, f.message]));
    expect(findings.every((f) => f.gsi3pk === `RULE#${f.ruleId}#YEAR#2022`)).toBe(true);
    // The seed's expected findings (fixtures/seed/*.expected.json: must_have / must_not_have).
    const ruleIds = new Set(findings.map((f) => f.ruleId));
    for (const id of ['C-ROW-MISSING', 'C-SECTION-MISSING', 'C-SECTION-HEADING-VARIANT', 'T-S5-PRIOR-RECTIFICATION'])
      expect(ruleIds).toContain(id);
    for (const id of ['T-NUM-TEXT-TABLE', 'T-S6-FEE-STATEMENT', 'M-PERIOD-MISSING', 'E-EDITION-YEAR-MISMATCH'])
      expect(ruleIds).not.toContain(id);
    expect([...ruleIds].filter((id) => id.startsWith('K-'))).toEqual([]);
    expect(await repo.loadReport(reportId, version.versionId)).toEqual(direct.report);

    const calls = published();
    expect(calls).toHaveLength(1);
    const upload = {
      reportId,
      versionId: version.versionId,
      agency: SEED_AGENCY,
      year: 2022,
      identified: true,
      bucket: BUCKET,
      objectKey: key,
      fileName: '黑龙江省工业和信息化厅 2022年报.txt',
      status: version.status,
      counts: version.counts,
      findings: direct.findings.map((finding) => ({ finding, change: 'new' as const })),
      resolved: [],
    };
    expect(calls[0]).toEqual({ TopicArn: TOPIC_ARN, ...renderSns(upload, { apiUrl: API_URL, signedApi: true }) });
    const input = calls[0]!;
    expect(input.Subject).toMatch(/^\[nianbao\] 2022 report: [ -~]+ \(id 2022-[0-9a-f]{10}\)$/);
    expect(input.Subject!.length).toBeLessThan(100);
    expect(input.MessageAttributes).toMatchObject({
      severity: {
        DataType: 'String',
        StringValue: version.counts.error ? 'error' : version.counts.warning ? 'warning' : version.counts.info ? 'info' : 'none',
      },
      year: { DataType: 'Number', StringValue: '2022' },
      agency: { DataType: 'String', StringValue: SEED_AGENCY },
      ruleIds: { DataType: 'String.Array', StringValue: JSON.stringify([...new Set(direct.findings.map((f) => f.ruleId))].sort()) },
    });
    const bodies = JSON.parse(input.Message!) as { default: string; email: string };
    expect(bodies.email).toBe(renderEmail(upload, { apiUrl: API_URL, signedApi: true }).text);
    expect(bodies.email).toContain(`机关：${SEED_AGENCY}`);
    expect(bodies.email).toContain(`npx nianbao view ${reportId} --api ${API_URL}`);
    const payload = JSON.parse(bodies.default);
    expect(payload).toMatchObject({ reportId, versionId: version.versionId, agency: SEED_AGENCY, year: 2022, counts: version.counts });
    expect(payload.findings).toHaveLength(direct.findings.length);
  });
});

describe('duplicate delivery', () => {
  it('processes an object version once when the same event arrives twice', async () => {
    const { sns, published } = mockSns();
    const key = 'uploads/2022/重复投递/年报.txt';
    await putObject(servers.s3, key, SEED, { agency: encodeURIComponent('重复投递测试局'), year: '2021' });
    const handler = handlerWith(sns);
    const record = s3Record(key);
    expect(await handler(sqsEvent(record), lambdaContext())).toEqual({ batchItemFailures: [] });
    expect(await handler(sqsEvent(record), lambdaContext())).toEqual({ batchItemFailures: [] });
    expect(published()).toHaveLength(1);
    const reportId = reportIdOf(SEED_AGENCY, 2022);
    const processing = await repo.processing({ bucket: BUCKET, objectKey: key, sourceVersion: (await etagOf(key))! });
    expect(processing).toMatchObject({ status: 'completed', reportId });
    const versions = (await repo.versions(reportId)).filter((v) => v.objectKey === key);
    expect(versions).toHaveLength(1);
  });

  it('processes an object version once when the same event is handled concurrently', async () => {
    const { sns, published } = mockSns();
    const key = 'uploads/2019/并发/并发 投递.txt';
    await putObject(servers.s3, key, corpus('faku_zrzyj_2022.txt'));
    const handler = handlerWith(sns);
    const record = s3Record(key);
    const results = await Promise.all([1, 2, 3].map(() => handler(sqsEvent(record), lambdaContext())));
    const failures = results.flatMap((r) => r.batchItemFailures);
    // The losers are told to retry (SQS redelivers them); the retry finds the version completed.
    for (const _ of failures) expect(await handler(sqsEvent(record), lambdaContext())).toEqual({ batchItemFailures: [] });
    expect(published()).toHaveLength(1);
    const reportId = JSON.parse(JSON.parse(published()[0]!.Message!).default).reportId as string;
    expect((await repo.versions(reportId)).filter((v) => v.objectKey === key)).toHaveLength(1);
  });
});

async function etagOf(key: string) {
  const out = await servers.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
  return out.ETag?.replace(/"/g, '');
}

describe('a batch with a garbage file', () => {
  it('stores two reports and one input finding, with no batch failure', async () => {
    const { sns, published } = mockSns();
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    garbage.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const files: [string, Uint8Array][] = [
      ['uploads/2022/批次/黑龙江 年报.txt', SEED],
      ['uploads/2021/批次/华川 卫健委.txt', corpus('huachuan_wjj_2021.txt')],
      ['uploads/misc/扫描件 001.png', garbage],
    ];
    for (const [key, body] of files) await putObject(servers.s3, key, body);
    const response = await handlerWith(sns)(sqsEvent(...files.map(([key]) => s3Record(key))), lambdaContext());
    expect(response).toEqual({ batchItemFailures: [] });
    expect(published()).toHaveLength(3);

    const payloads = published().map((p) => JSON.parse(JSON.parse(p.Message!).default));
    const byKey = new Map(payloads.map((p) => [p.file.key as string, p]));
    expect(byKey.get(files[0]![0])).toMatchObject({ identified: true, year: 2022, agency: SEED_AGENCY });
    expect(byKey.get(files[1]![0])).toMatchObject({ identified: true, year: 2021 });
    const bad = byKey.get(files[2]![0]);
    expect(bad).toMatchObject({ identified: false, reportId: unidentifiedReportIdOf(BUCKET, files[2]![0]), status: 'error' });
    expect(bad.findings).toHaveLength(1);
    expect(bad.findings[0]).toMatchObject({ ruleId: 'I-UNSUPPORTED-TYPE', category: 'input', severity: 'error' });

    const version = (await repo.versions(bad.reportId))[0]!;
    expect(version).toMatchObject({ identified: false, inputRuleId: bad.findings[0].ruleId, agency: null, year: null, sectionCount: 0 });
    const stored = await repo.findings(bad.reportId, version.versionId);
    expect(stored).toEqual([bad.findings[0]].map(({ change: _change, ...f }) => f));
  });
});

describe('a corrected re-upload', () => {
  it('is a new version of the same report; resolved findings are stored and listed in the message', async () => {
    const { sns, published } = mockSns();
    const key = 'uploads/2022/更正/黑龙江省工业和信息化厅 年报.txt';
    const seedText = new TextDecoder().decode(SEED);
    const correctedText = seedText
      .replace('\n\n维持\t纠正', '\n\n四、政府信息公开行政复议、行政诉讼情况\n\n维持\t纠正')
      .replace('五、存在的主要问题及改进情况\n', '五、存在的主要问题及改进情况\n\n针对上年度报告指出的问题，我厅已逐项整改到位。\n');
    const corrected = new TextEncoder().encode(correctedText);
    const handler = handlerWith(sns);

    await putObject(servers.s3, key, SEED);
    expect(await handler(sqsEvent(s3Record(key)), lambdaContext())).toEqual({ batchItemFailures: [] });
    await putObject(servers.s3, key, corrected);
    expect(await handler(sqsEvent(s3Record(key)), lambdaContext())).toEqual({ batchItemFailures: [] });

    const reportId = reportIdOf(SEED_AGENCY, 2022);
    const mine = (await repo.versions(reportId)).filter((v) => v.objectKey === key);
    expect(mine).toHaveLength(2);
    const [v2, v1] = mine as [(typeof mine)[0], (typeof mine)[0]];
    expect(v2.previousVersionId).toBe(v1.versionId);
    expect((await repo.getReport(reportId))?.latestVersionId).toBe(v2.versionId);

    const before = await checkBytes(SEED, { metadata: { agency: SEED_AGENCY, year: 2022 } });
    const after = await checkBytes(corrected, { metadata: { agency: SEED_AGENCY, year: 2022 } });
    const diff = diffFindings(before.findings, after.findings);
    // The corrections restore heading 四 and say how last year's problems were rectified.
    expect(diff.resolved.map((f) => f.ruleId).sort()).toEqual(['C-SECTION-MISSING', 'T-S5-PRIOR-RECTIFICATION']);
    expect(v2.diff).toEqual({
      new: diff.added.length,
      resolved: diff.resolved.length,
      unchanged: diff.unchanged.length,
    });
    const resolvedItems = (await partition(servers.doc, servers.tableName, keys.versionPartition(reportId, v2.versionId), 'RESOLVED#')).map(
      (i) => ResolvedItemSchema.parse(i),
    );
    expect(resolvedItems.map((r) => r.ruleId)).toEqual(diff.resolved.map((f) => f.ruleId));
    expect(resolvedItems.every((r) => r.fromVersionId === v1.versionId && r.resolvedIn === v2.versionId)).toBe(true);
    // The superseded version's findings left the rule index.
    expect((await repo.findingItems(reportId, v1.versionId)).every((f) => f.gsi3pk === undefined)).toBe(true);

    const email = JSON.parse(published()[1]!.Message!).email as string;
    expect(email).toContain(`已解决 ${diff.resolved.length} 条（与上一版本相比）：`);
    for (const f of diff.resolved.slice(0, 5)) expect(email).toContain(f.ruleId);
  });
});

describe('messages that are not uploads', () => {
  it('acknowledges the s3:TestEvent and fails only a malformed message', async () => {
    const { sns, published } = mockSns();
    const testEvent = JSON.parse(readFileSync(new URL('../../events/sqs-s3-test-event.json', import.meta.url), 'utf8'));
    const malformed = { ...s3Record('uploads/x.txt'), body: '{"Records":[{"eventSource":"aws:s3"}]}' };
    const gone = s3Record('uploads/2022/不存在/年报.txt');
    const response = await handlerWith(sns)(sqsEvent(testEvent.Records[0], malformed, gone), lambdaContext());
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: malformed.messageId }] });
    expect(published()).toEqual([]);
  });
});

describe('limits and failures', () => {
  it('answers an oversized object with I-TOO-LARGE and never downloads it', async () => {
    const { sns, published } = mockSns();
    const key = 'uploads/2022/超大/大文件.txt';
    await putObject(servers.s3, key, SEED);
    const gets: string[] = [];
    servers.s3.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'GetObjectCommand') gets.push(String((args.input as { Key?: string }).Key));
        return next(args);
      },
      { step: 'initialize', name: 'countGets' },
    );
    try {
      const response = await handlerWith(sns, { MAX_OBJECT_BYTES: 1024 })(sqsEvent(s3Record(key)), lambdaContext());
      expect(response).toEqual({ batchItemFailures: [] });
    } finally {
      servers.s3.middlewareStack.remove('countGets');
    }
    expect(gets).toEqual([]);
    const payload = JSON.parse(JSON.parse(published()[0]!.Message!).default);
    expect(payload.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['I-TOO-LARGE']);
    // Identity from the key convention uploads/<year>/<agency>/<file>.
    expect(payload).toMatchObject({ agency: '超大', year: 2022, identified: true, status: 'error' });
    const version = (await repo.versions(payload.reportId))[0]!;
    expect(version).toMatchObject({ inputRuleId: 'I-TOO-LARGE', identitySource: { agency: 'key', year: 'key' }, size: SEED.length });
  });

  it('reports a record that meets a transient DynamoDB error as a batch item failure, and the retry succeeds', async () => {
    const { sns, published } = mockSns();
    const flaky = dynamoClient(servers.dynamoEndpoint);
    let failures = 0;
    flaky.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'PutItemCommand' && failures === 0 && JSON.stringify(args.input).includes('瞬时故障')) {
          failures++;
          throw new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
        }
        return next(args);
      },
      { step: 'initialize', name: 'flaky' },
    );
    const handler = buildHandler({ s3: servers.s3, dynamo: documentClient(flaky), sns }, servers.tableName);
    const flakyKey = 'uploads/2022/瞬时故障/年报.txt';
    const goodKey = 'uploads/2022/正常/年报.txt';
    await putObject(servers.s3, flakyKey, SEED);
    await putObject(servers.s3, goodKey, corpus('mianzhu_town_tjd_2022.txt'));
    const bad = s3Record(flakyKey);
    const good = s3Record(goodKey);
    expect(await handler(sqsEvent(good, bad), lambdaContext())).toEqual({ batchItemFailures: [{ itemIdentifier: bad.messageId }] });
    expect(failures).toBe(1);
    expect(published()).toHaveLength(1);
    // SQS redelivers the failed message: it is processed once, under the version id of the first attempt.
    expect(await handler(sqsEvent(bad), lambdaContext())).toEqual({ batchItemFailures: [] });
    expect(published()).toHaveLength(2);
    const payload = JSON.parse(JSON.parse(published()[1]!.Message!).default);
    expect(payload.file.key).toBe(flakyKey);
    expect((await repo.versions(payload.reportId)).filter((v) => v.objectKey === flakyKey)).toHaveLength(1);
  });
});
