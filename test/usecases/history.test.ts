/**
 * Out-of-order arrival through the real ingest handler (dynalite + s3rver, SNS mocked): when last
 * year's report is stored after this year's, this year's report is re-evaluated from its stored
 * Report, stored as a new version that says why, and notified once.
 */
import { PublishCommand } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FindingItemSchema, keys } from '../../shared/adapters/dynamodb/items.ts';
import { createQueries } from '../../shared/adapters/dynamodb/queries.ts';
import { DynamoReportStore } from '../../shared/adapters/dynamodb/report-store.ts';
import { S3ObjectSource } from '../../shared/adapters/s3/object-source.ts';
import type { ProcessedUpload } from '../../shared/render/email.ts';
import type { Report } from '../../shared/report/model.ts';
import { RULESET_VERSION } from '../../shared/rules/catalogue.ts';
import { checkBytes } from '../../shared/usecases/check.ts';
import { REEVALUATION_SOURCE } from '../../shared/usecases/evaluate.ts';
import { ingestObject } from '../../shared/usecases/ingest.ts';
import { reportIdOf } from '../../shared/usecases/records.ts';
import { yearPair } from '../rules/history/pairs.ts';
import { withCells, withSection } from '../support/report-factory.ts';
import { type LocalServers, startServers } from '../support/servers.ts';
import { BUCKET, buildHandler, lambdaContext, mockSns, partition, putObject, s3Record, sqsEvent } from './harness.ts';
import { bytesOf } from './history-texts.ts';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

let servers: LocalServers;
let repo: DynamoReportStore;

beforeAll(async () => {
  servers = await startServers({ tableName: 'nianbao-history', buckets: [BUCKET] });
  repo = new DynamoReportStore(servers.doc, servers.tableName);
});
afterAll(async () => servers?.stop());

/** A consistent 2021/2022 pair of `agency`, and a 2021 whose carry-forward disagrees with 2022. */
function pair(agency: string) {
  const { previous, report } = yearPair({ year: 2022, edition: '2021', agency });
  const bump = (r: Report, by: number) =>
    withCells(r, {
      's3.carried_forward.natural': (r.cells['s3.carried_forward.natural'] as number) + by,
      's3.carried_forward.total': (r.cells['s3.carried_forward.total'] as number) + by,
    });
  return { consistent2021: previous, inconsistent2021: bump(previous, 2), report2022: report };
}

async function deliver(handler: ReturnType<typeof buildHandler>, key: string) {
  return handler(sqsEvent(s3Record(key)), lambdaContext());
}

const ids = (rules: { ruleId: string }[]) => rules.map((f) => f.ruleId).sort();

describe('out-of-order arrival', () => {
  it('re-evaluates 2022 when 2021 arrives later, stores it as a new version and notifies once', async () => {
    const agency = '示例市生态环境局';
    const { inconsistent2021, consistent2021, report2022 } = pair(agency);
    const { sns, published } = mockSns();
    const handler = buildHandler({ s3: servers.s3, dynamo: servers.dynamo, sns }, servers.tableName);
    const id2021 = reportIdOf(agency, 2021);
    const id2022 = reportIdOf(agency, 2022);

    await putObject(servers.s3, `uploads/2022/${agency}/2022.txt`, bytesOf(report2022));
    expect(await deliver(handler, `uploads/2022/${agency}/2022.txt`)).toEqual({ batchItemFailures: [] });
    const [first] = await repo.versions(id2022);
    expect(first!.previousYear).toBeUndefined();
    expect(first!.evaluation).toBeUndefined();
    expect(first!.uploadMetadata).toEqual({ fileName: '2022.txt', agency, year: 2022 });
    const firstFindings = await repo.findings(id2022, first!.versionId);
    expect(firstFindings.filter((f) => f.ruleId.startsWith('X-'))).toEqual([]);
    expect(published()).toHaveLength(1);

    await putObject(servers.s3, `uploads/2021/${agency}/2021.txt`, bytesOf(inconsistent2021));
    expect(await deliver(handler, `uploads/2021/${agency}/2021.txt`)).toEqual({ batchItemFailures: [] });
    // 2021's own message plus exactly one for the re-evaluation of 2022.
    expect(published()).toHaveLength(3);

    const versions = await repo.versions(id2022);
    expect(versions).toHaveLength(2);
    const [second] = versions;
    const [v2021] = await repo.versions(id2021);
    expect(second).toMatchObject({
      previousVersionId: first!.versionId,
      previousYear: { reportId: id2021, versionId: v2021!.versionId },
      evaluation: {
        kind: 'previous-year',
        basedOn: first!.versionId,
        triggeredBy: { reportId: id2021, versionId: v2021!.versionId, year: 2021 },
      },
      objectKey: first!.objectKey,
      sourceVersion: first!.sourceVersion,
      uploadMetadata: first!.uploadMetadata,
    });
    expect((await repo.getReport(id2022))!.latestVersionId).toBe(second!.versionId);

    // The findings are what the rules give for 2022 with 2021 as its previous year.
    const direct2021 = await checkBytes(bytesOf(inconsistent2021), { fileName: '2021.txt' });
    const direct = await checkBytes(bytesOf(report2022), {
      fileName: '2022.txt',
      metadata: first!.uploadMetadata!,
      previous: direct2021.report!,
    });
    const stored = await repo.findingItems(id2022, second!.versionId);
    expect(stored.map((f) => [f.ruleId, f.message])).toEqual(direct.findings.map((f) => [f.ruleId, f.message]));
    const carry = stored.filter((f) => f.ruleId === 'X-T3-CARRYOVER');
    expect(carry.map((f) => f.cells)).toEqual([['s3.carried_over.natural'], ['s3.carried_over.total']]);
    expect(carry.every((f) => f.change === 'new')).toBe(true);
    expect(second!.diff).toEqual({ new: 2, resolved: 0, unchanged: firstFindings.length });
    // Only the latest version's findings are in the rule index.
    const old = (await partition(servers.doc, servers.tableName, keys.versionPartition(id2022, first!.versionId), 'FINDING#')).map((i) =>
      FindingItemSchema.parse(i),
    );
    expect(old.every((f) => f.gsi3pk === undefined)).toBe(true);
    expect(carry.every((f) => f.gsi3pk === 'RULE#X-T3-CARRYOVER#YEAR#2022')).toBe(true);
    // The Report is the stored one, copied into the new version (no file was read again).
    expect(await repo.loadReport(id2022, second!.versionId)).toEqual(await repo.loadReport(id2022, first!.versionId));

    const message = published()[2]!;
    expect(message.Subject).toMatch(/^\[nianbao\] 2022 report re-evaluated: .*\(id 2022-[0-9a-f]{10}\)$/);
    const body = JSON.parse(message.Message!) as { email: string; default: string };
    expect(body.email).toContain(`重新检查：本报告已入库，其上一年度（2021 年）报告（编号 ${id2021}）随后才入库`);
    expect(body.email).toContain('与上一版本相比：新增 2 条，已解决 0 条');
    expect(body.email).toContain('[X-T3-CARRYOVER]');
    const payload = JSON.parse(body.default) as {
      reportId: string;
      evaluation: { kind: string; triggeredBy: { reportId: string } };
      diff: unknown;
    };
    expect(payload).toMatchObject({
      reportId: id2022,
      evaluation: { kind: 'previous-year', triggeredBy: { reportId: id2021 } },
      diff: { new: 2, resolved: 0 },
    });

    // The API shows why the version exists.
    const listed = await createQueries({ client: servers.doc, tableName: servers.tableName }).listVersions(id2022);
    expect(listed!.map((v) => [v.latest, v.evaluation?.kind ?? null])).toEqual([
      [true, 'previous-year'],
      [false, null],
    ]);
    expect(listed![0]).toMatchObject({
      previousVersionId: first!.versionId,
      previousYear: { reportId: id2021, versionId: v2021!.versionId },
      evaluation: { basedOn: first!.versionId, triggeredBy: { reportId: id2021, versionId: v2021!.versionId, year: 2021 } },
      diff: { new: 2, resolved: 0 },
      rulesetVersion: RULESET_VERSION,
    });
    expect(listed![1]).toMatchObject({ previousYear: null, evaluation: null });

    // Redelivery of 2021's event: acknowledged, nothing stored, nothing published.
    expect(await deliver(handler, `uploads/2021/${agency}/2021.txt`)).toEqual({ batchItemFailures: [] });
    expect(published()).toHaveLength(3);
    expect(await repo.versions(id2022)).toHaveLength(2);

    // A corrected 2021 (carry-forward fixed): 2022 is re-evaluated again and the finding resolved.
    await putObject(servers.s3, `uploads/2021/${agency}/2021.txt`, bytesOf(consistent2021));
    expect(await deliver(handler, `uploads/2021/${agency}/2021.txt`)).toEqual({ batchItemFailures: [] });
    expect(published()).toHaveLength(5);
    const third = (await repo.versions(id2022))[0]!;
    expect(third).toMatchObject({
      previousVersionId: second!.versionId,
      diff: { new: 0, resolved: 2 },
      evaluation: { kind: 'previous-year', basedOn: second!.versionId },
    });
    expect(ids(await repo.resolvedItems(id2022, third.versionId))).toEqual(['X-T3-CARRYOVER', 'X-T3-CARRYOVER']);
  });

  it('does not re-evaluate when the years arrive in order, or when the findings would not change', async () => {
    const agency = '示例市交通运输局';
    const { inconsistent2021, report2022 } = pair(agency);
    const { sns, published } = mockSns();
    const handler = buildHandler({ s3: servers.s3, dynamo: servers.dynamo, sns }, servers.tableName);

    await putObject(servers.s3, `uploads/2021/${agency}/a.txt`, bytesOf(inconsistent2021));
    await deliver(handler, `uploads/2021/${agency}/a.txt`);
    await putObject(servers.s3, `uploads/2022/${agency}/b.txt`, bytesOf(report2022));
    await deliver(handler, `uploads/2022/${agency}/b.txt`);
    expect(published()).toHaveLength(2);
    const [v2022] = await repo.versions(reportIdOf(agency, 2022));
    const [v2021] = await repo.versions(reportIdOf(agency, 2021));
    expect(v2022!.previousYear).toEqual({ reportId: reportIdOf(agency, 2021), versionId: v2021!.versionId });
    expect(ids(await repo.findings(reportIdOf(agency, 2022), v2022!.versionId)).filter((r) => r.startsWith('X-'))).toEqual([
      'X-T3-CARRYOVER',
      'X-T3-CARRYOVER',
    ]);

    // A 2021 re-upload that changes nothing for 2022 (same figures, section 六 reworded): 2022 is
    // checked against it, but no new version of 2022 is stored and nothing more is sent.
    const reworded = withSection(
      inconsistent2021,
      6,
      `${inconsistent2021.sections.find((s) => s.number === 6)!.text}另无其他需要报告的事项。`,
    );
    await putObject(servers.s3, `uploads/2021/${agency}/a.txt`, bytesOf(reworded));
    await deliver(handler, `uploads/2021/${agency}/a.txt`);
    expect(await repo.versions(reportIdOf(agency, 2021))).toHaveLength(2);
    expect(published()).toHaveLength(3);
    expect(await repo.versions(reportIdOf(agency, 2022))).toHaveLength(1);
  });

  it('publishes the re-evaluation once when the first attempt failed after storing it', async () => {
    const agency = '示例市水务局';
    const { inconsistent2021, report2022 } = pair(agency);
    const { sns, mock, published } = mockSns();
    const handler = buildHandler({ s3: servers.s3, dynamo: servers.dynamo, sns }, servers.tableName);
    const id2022 = reportIdOf(agency, 2022);

    await putObject(servers.s3, `uploads/2022/${agency}/b.txt`, bytesOf(report2022));
    await deliver(handler, `uploads/2022/${agency}/b.txt`);
    // 2021's own message goes out; the re-evaluation's publish fails once (throttled).
    let n = 0;
    mock.on(PublishCommand).callsFake(async () => {
      n += 1;
      if (n === 2) throw Object.assign(new Error('Throttled'), { name: 'Throttling', $metadata: {} });
      return { MessageId: `m-${n}` };
    });
    await putObject(servers.s3, `uploads/2021/${agency}/a.txt`, bytesOf(inconsistent2021));
    const failed = await deliver(handler, `uploads/2021/${agency}/a.txt`);
    expect(failed.batchItemFailures).toHaveLength(1);
    const afterFailure = await repo.versions(id2022);
    expect(afterFailure).toHaveLength(2);

    // SQS redelivers: 2021 is a duplicate, the re-evaluation is finished under the same version id.
    expect(await deliver(handler, `uploads/2021/${agency}/a.txt`)).toEqual({ batchItemFailures: [] });
    const versions = await repo.versions(id2022);
    expect(versions.map((v) => v.versionId)).toEqual(afterFailure.map((v) => v.versionId));
    expect(versions[0]!.evaluation?.basedOn).toBe(versions[1]!.versionId);
    const subjects = published().map((p) => p.Subject);
    expect(subjects.filter((s) => s?.includes('re-evaluated'))).toHaveLength(2); // the failed call and the retry
    expect(subjects).toHaveLength(4);
    // The idempotency record of the re-evaluation is completed: a third delivery does nothing.
    const record = await repo.processing({
      bucket: REEVALUATION_SOURCE,
      objectKey: id2022,
      sourceVersion: `${reportIdOf(agency, 2021)}#${(await repo.versions(reportIdOf(agency, 2021)))[0]!.versionId}`,
    });
    expect(record).toMatchObject({ status: 'completed', reportId: id2022, versionId: versions[0]!.versionId });
    await deliver(handler, `uploads/2021/${agency}/a.txt`);
    expect(published()).toHaveLength(4);
  });

  it('catches up when last year was stored while this year was being checked (neither saw the other)', async () => {
    const agency = '示例市卫生健康委员会';
    const { inconsistent2021, report2022 } = pair(agency);
    const { sns, published } = mockSns();
    const handler = buildHandler({ s3: servers.s3, dynamo: servers.dynamo, sns }, servers.tableName);
    const [id2021, id2022] = [reportIdOf(agency, 2021), reportIdOf(agency, 2022)];
    await putObject(servers.s3, `uploads/2021/${agency}/a.txt`, bytesOf(inconsistent2021));
    await deliver(handler, `uploads/2021/${agency}/a.txt`);
    expect(published()).toHaveLength(1);

    // 2022's worker read "no 2021" just before 2021 was saved: its check runs without a previous year.
    let blind = true;
    const store = new Proxy(repo, {
      get(target, prop) {
        if (prop === 'latestReport') {
          return async (id: string) => {
            if (id === id2021 && blind) {
              blind = false;
              return undefined;
            }
            return target.latestReport(id);
          };
        }
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const sent: ProcessedUpload[] = [];
    await putObject(servers.s3, `uploads/2022/${agency}/b.txt`, bytesOf(report2022));
    const outcome = await ingestObject(
      { bucket: BUCKET, key: `uploads/2022/${agency}/b.txt` },
      { objects: new S3ObjectSource(servers.s3), store, notifier: { publish: async (u) => void sent.push(u) } },
    );
    expect(blind).toBe(false);
    expect(outcome).toMatchObject({
      kind: 'processed',
      followUp: { nextYear: { kind: 'none' }, thisYear: { kind: 'stored', reportId: id2022, added: 2 } },
    });
    const [latest, upload] = await repo.versions(id2022);
    expect(upload!.previousYear).toBeUndefined();
    expect(latest).toMatchObject({
      evaluation: { kind: 'previous-year', basedOn: upload!.versionId, triggeredBy: { reportId: id2021, year: 2021 } },
    });
    expect(sent.map((u) => u.evaluation?.kind ?? 'upload')).toEqual(['upload', 'previous-year']);
  });
});
