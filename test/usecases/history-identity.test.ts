/**
 * Previous-year lookup by agency: the store keys reports by normalizeAgency (the normalization
 * sameAgency compares with), so spellings the history rules treat as the same agency find each
 * other; names that are `same` only through a place prefix are not found (docs/history.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoReportStore } from '../../shared/adapters/dynamodb/report-store.ts';
import { sameAgency } from '../../shared/report/agency.ts';
import { agencyKeyOf, reportIdOf } from '../../shared/usecases/records.ts';
import { yearPair } from '../rules/history/pairs.ts';
import { withCells } from '../support/report-factory.ts';
import { type LocalServers, startServers } from '../support/servers.ts';
import { BUCKET, buildHandler, lambdaContext, mockSns, putObject, s3Record, sqsEvent } from './harness.ts';
import { bytesOf } from './history-texts.ts';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

let servers: LocalServers;
let repo: DynamoReportStore;
beforeAll(async () => {
  servers = await startServers({ tableName: 'nianbao-identity', buckets: [BUCKET] });
  repo = new DynamoReportStore(servers.doc, servers.tableName);
});
afterAll(async () => servers?.stop());

describe('agency keys', () => {
  it.each([
    ['示例县人民政府办公室', '示例县政府办公室'],
    ['示例县 自然资源局', '示例县自然资源局'],
    ['示例縣自然資源局', '示例县自然资源局'],
    ['ＡＢＣ县自然资源局', 'ABC县自然资源局'],
    ['示例县自然资源局（挂示例县林业局牌子）', '示例县自然资源局'],
  ])('%s and %s are one agency key, as sameAgency says', (a, b) => {
    expect(sameAgency(a, b)).toBe('same');
    expect(agencyKeyOf(a)).toBe(agencyKeyOf(b));
    expect(reportIdOf(a, 2022)).toBe(reportIdOf(b, 2022));
  });

  it.each([
    ['沈阳市法库县自然资源局', '法库县自然资源局', 'same'],
    ['法库县国土资源局', '法库县自然资源局', 'uncertain'],
    ['自然资源局', '法库县自然资源局', 'uncertain'],
  ] as const)('%s and %s (%s) have different keys: not looked up as each other', (a, b, identity) => {
    expect(sameAgency(a, b)).toBe(identity);
    expect(agencyKeyOf(a)).not.toBe(agencyKeyOf(b));
  });
});

describe('previous-year lookup through the pipeline', () => {
  const pairOf = (agency2021: string, agency2022: string) => {
    const { previous, report } = yearPair({ year: 2022, edition: '2021', agency: agency2022, previousAgency: agency2021 });
    const k = 's3.carried_forward.natural';
    return {
      r2021: withCells(previous, {
        [k]: (previous.cells[k] as number) + 1,
        's3.carried_forward.total': (previous.cells['s3.carried_forward.total'] as number) + 1,
      }),
      r2022: report,
    };
  };

  it('finds last year written 人民政府 when this year writes 政府, in either order of arrival', async () => {
    const { sns } = mockSns();
    const handler = buildHandler({ s3: servers.s3, dynamo: servers.dynamo, sns }, servers.tableName);
    const upload = async (key: string, bytes: Uint8Array) => {
      await putObject(servers.s3, key, bytes);
      expect(await handler(sqsEvent(s3Record(key)), lambdaContext())).toEqual({ batchItemFailures: [] });
    };
    const carry = async (agency: string) => {
      const [latest] = await repo.versions(reportIdOf(agency, 2022));
      return {
        latest: latest!,
        carry: (await repo.findings(reportIdOf(agency, 2022), latest!.versionId)).filter((f) => f.ruleId === 'X-T3-CARRYOVER').length,
      };
    };

    const inOrder = pairOf('示例县人民政府办公室', '示例县政府办公室');
    await upload('uploads/2021/a/2021.txt', bytesOf(inOrder.r2021));
    await upload('uploads/2022/a/2022.txt', bytesOf(inOrder.r2022));
    const a = await carry('示例县政府办公室');
    expect(a.carry).toBe(2);
    expect(a.latest.previousYear?.reportId).toBe(reportIdOf('示例县人民政府办公室', 2021));
    expect(a.latest.agency).toBe('示例县政府办公室');

    const reversed = pairOf('示例乡人民政府', '示例乡政府');
    await upload('uploads/2022/b/2022.txt', bytesOf(reversed.r2022));
    await upload('uploads/2021/b/2021.txt', bytesOf(reversed.r2021));
    const b = await carry('示例乡政府');
    expect(b.carry).toBe(2);
    expect(b.latest.evaluation).toMatchObject({
      kind: 'previous-year',
      triggeredBy: { reportId: reportIdOf('示例乡人民政府', 2021), year: 2021 },
    });
  });
});
