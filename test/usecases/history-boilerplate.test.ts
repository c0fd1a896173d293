/**
 * The boilerplate index kept in the table: sentences that ≥ k other agencies' reports of the same
 * year contain are left out of H-TEXT-COPIED, through the real ingest handler.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys, SentenceItemSchema, sentenceHashOf } from '../../shared/adapters/dynamodb/items.ts';
import { DynamoReportStore } from '../../shared/adapters/dynamodb/report-store.ts';
import { SENTENCE_AGENCY_CAP } from '../../shared/adapters/dynamodb/sentence-store.ts';
import type { Report } from '../../shared/report/model.ts';
import { indexedSentences } from '../../shared/rules/history/copied-text.ts';
import { normalizeSentence } from '../../shared/rules/history/sentences.ts';
import { reportIdOf } from '../../shared/usecases/records.ts';
import { yearPair } from '../rules/history/pairs.ts';
import { withSection } from '../support/report-factory.ts';
import { type LocalServers, startServers } from '../support/servers.ts';
import { BUCKET, buildHandler, lambdaContext, mockSns, partition, putObject, s3Record, sqsEvent } from './harness.ts';
import { bytesOf } from './history-texts.ts';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

let servers: LocalServers;
let repo: DynamoReportStore;

beforeAll(async () => {
  servers = await startServers({ tableName: 'nianbao-boilerplate', buckets: [BUCKET] });
  repo = new DynamoReportStore(servers.doc, servers.tableName);
});
afterAll(async () => servers?.stop());

/** Six sentences of section 一 that a local template could hand to every agency of a city. */
const SHARED_ONE = [
  '本单位坚持把政务公开作为转变政府职能的重要抓手，纳入年度重点工作统筹推进。',
  '严格落实信息发布审核制度，做到先审后发、分级负责、全程留痕。',
  '围绕优化营商环境，集中公开涉企政策文件并配套发布图文解读材料。',
  '规范依申请公开办理流程，实行统一登记、集体研究、限时答复。',
  '加强政务新媒体管理，定期开展栏目内容检查并通报整改情况。',
  '把政务公开培训纳入干部教育计划，全年组织专题学习两次。',
].join('\n');

const OTHER_SIX = '本年度无其他需要报告的事项，未收取信息处理费。';

function reportOf(agency: string, year: 2021 | 2022): Report {
  const { previous, report } = yearPair({ year: 2022, edition: '2021', agency });
  return withSection(year === 2021 ? previous : report, 1, SHARED_ONE);
}

const ruleIds = async (agency: string, year: number) => {
  const [latest] = await repo.versions(reportIdOf(agency, year));
  return (await repo.findings(reportIdOf(agency, year), latest!.versionId)).map((f) => f.ruleId);
};

describe('boilerplate index from the store', () => {
  it('leaves out sentences that two other agencies of the year also wrote', async () => {
    const { sns } = mockSns();
    const handler = buildHandler({ s3: servers.s3, dynamo: servers.dynamo, sns }, servers.tableName);
    const upload = async (key: string, report: Report) => {
      await putObject(servers.s3, key, bytesOf(report));
      expect(await handler(sqsEvent(s3Record(key)), lambdaContext())).toEqual({ batchItemFailures: [] });
    };
    const A = '示例市自然资源局';
    await upload(`uploads/2021/${A}/a.txt`, reportOf(A, 2021));
    await upload(`uploads/2022/${A}/a.txt`, reportOf(A, 2022));
    // Section 一 repeats last year's word for word: copied.
    expect(await ruleIds(A, 2022)).toContain('H-TEXT-COPIED');

    // One other agency with the same sentences is not enough (k = 2).
    await upload('uploads/2022/示例市商务局/b.txt', reportOf('示例市商务局', 2022));
    await upload(`uploads/2022/${A}/a.txt`, withSection(reportOf(A, 2022), 6, OTHER_SIX));
    expect(await ruleIds(A, 2022)).toContain('H-TEXT-COPIED');

    // A second one makes them boilerplate of 2022: the corrected upload no longer has the finding.
    await upload('uploads/2022/示例市林业局/c.txt', reportOf('示例市林业局', 2022));
    await upload(`uploads/2022/${A}/a.txt`, withSection(reportOf(A, 2022), 6, `${OTHER_SIX}特此报告。`));
    expect(await ruleIds(A, 2022)).not.toContain('H-TEXT-COPIED');
    const [latest] = await repo.versions(reportIdOf(A, 2022));
    expect((await repo.resolvedItems(reportIdOf(A, 2022), latest!.versionId)).map((f) => f.ruleId)).toContain('H-TEXT-COPIED');

    // What the table holds: one item per (year, sentence, agency), the sentence's items in one partition.
    const norm = normalizeSentence(SHARED_ONE.split('\n')[0]!);
    const items = await partition(servers.doc, servers.tableName, keys.sentence(2022, sentenceHashOf(norm), '').pk);
    expect(items.map((i) => SentenceItemSchema.parse(i).agency).sort()).toEqual(
      ['示例市商务局', '示例市林业局', '示例市自然资源局'].sort(),
    );
    const index = await repo.boilerplateFor(2022, [norm]);
    expect(index.has(norm, A)).toBe(true);
    expect((await repo.boilerplateFor(2021, [norm])).has(norm, A)).toBe(false);
  });

  it('indexes only sentences the built-in list does not already leave out, once per agency, and answers k below the cap', async () => {
    const report = withSection(reportOf('示例市某局', 2022), 5, '存在的问题。\n政府信息公开工作坚持以公开为常态、不公开为例外的原则。');
    const norms = indexedSentences(report);
    expect(norms).toHaveLength(6);
    expect(norms.some((n) => n.includes('以公开为常态'))).toBe(false);

    const norm = normalizeSentence('这是一句许多机关都会照抄的示范性表述内容。');
    for (let i = 0; i < SENTENCE_AGENCY_CAP + 3; i++) await repo.recordSentences(2030, `示例市第${i}局`, [norm]);
    await repo.recordSentences(2030, '示例市第0局', [norm]); // again: no change, no error
    const items = await partition(servers.doc, servers.tableName, keys.sentence(2030, sentenceHashOf(norm), '').pk);
    expect(items.map((i) => SentenceItemSchema.parse(i).agency)).toHaveLength(SENTENCE_AGENCY_CAP + 3);
    expect((await repo.boilerplateFor(2030, [norm], SENTENCE_AGENCY_CAP - 1)).has(norm, '示例市第99局')).toBe(true);
    await expect(repo.boilerplateFor(2030, [norm], SENTENCE_AGENCY_CAP)).rejects.toThrow(/k < 8/);
  });
});
