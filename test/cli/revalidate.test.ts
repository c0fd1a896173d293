/**
 * `nianbao revalidate` against a local stack's table (dynalite, endpoints.json in a temporary
 * NIANBAO_DATA_DIR) and the revalidate Lambda's handler on the same table: stored findings of an
 * earlier ruleset are recomputed from the stored Reports, changes reported and stored once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { createRevalidateHandler } from '../../functions/revalidate/handler.ts';
import { writeEndpoints } from '../../local/config.ts';
import { DynamoReportStore } from '../../shared/adapters/dynamodb/report-store.ts';
import { createTableInput } from '../../shared/adapters/dynamodb/table-definition.ts';
import type { Finding, Report } from '../../shared/report/model.ts';
import { countBySeverity, statusOf } from '../../shared/report/status.ts';
import { RULESET_VERSION } from '../../shared/rules/catalogue.ts';
import { finding } from '../../shared/rules/rule.ts';
import { checkBytes } from '../../shared/usecases/check.ts';
import { agencyKeyOf, reportIdOf } from '../../shared/usecases/records.ts';
import type { RevalidationSummary } from '../../shared/usecases/revalidate.ts';
import { yearPair } from '../rules/history/pairs.ts';
import { withCells } from '../support/report-factory.ts';
import { documentClient, dynamoClient, type RunningServer, startDynalite } from '../support/servers.ts';
import { lambdaContext } from '../usecases/harness.ts';
import { bytesOf } from '../usecases/history-texts.ts';

const TABLE = 'nianbao-revalidate';
const A = '示例市生态环境局';
const B = '示例市教育局';
const OLD_RULESET = '2026.01.01-0';

let db: RunningServer;
let repo: DynamoReportStore;
let dynamo: ReturnType<typeof dynamoClient>;
let tick = Date.parse('2026-11-29T01:00:00.000Z');

/** Stores a checked report as one version, with the given findings and ruleset (an older pipeline's write). */
async function store(report: Report, options: { findings?: (current: Finding[]) => Finding[]; ruleset?: string } = {}) {
  const fileName = `${report.year}.txt`;
  const checked = await checkBytes(bytesOf(report), { fileName });
  const stored = checked.report!;
  const findings = options.findings ? options.findings(checked.findings) : checked.findings;
  const counts = countBySeverity(findings);
  const processedAt = new Date((tick += 60_000)).toISOString();
  const reportId = reportIdOf(stored.agency!, stored.year!);
  await repo.saveVersion({
    version: {
      reportId,
      versionId: `${processedAt}_00000000`,
      agency: stored.agency,
      agencyKey: agencyKeyOf(stored.agency!),
      year: stored.year,
      identified: true,
      identitySource: { agency: 'document', year: 'document' },
      bucket: 'uploads',
      objectKey: `uploads/${stored.year}/${fileName}`,
      fileName,
      edition: stored.edition,
      title: stored.title,
      publishedAt: stored.publishedAt,
      status: statusOf(counts),
      counts,
      findingCount: findings.length,
      diff: { new: findings.length, resolved: 0, unchanged: 0 },
      sourceVersion: 'etag',
      size: 1,
      processedAt,
      rulesetVersion: options.ruleset ?? RULESET_VERSION,
      sectionCount: stored.sections.length,
      cellCount: Object.keys(stored.cells).length,
    },
    report: stored,
    findings: findings.map((f) => ({ finding: f, change: 'new' as const })),
    resolved: [],
  });
  return reportId;
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

const summaryOf = async (args: string[]) => {
  const r = await run(['revalidate', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as RevalidationSummary;
};

const OBSOLETE = finding('T-S6-FEE-STATEMENT', { message: '旧规则给出的提示（规则已修改）' });
let idA2021: string;
let idA2022: string;
let idB2022: string;
let droppedRule: string;

beforeAll(async () => {
  db = await startDynalite();
  dynamo = dynamoClient(db.endpoint);
  await dynamo.send(new CreateTableCommand(createTableInput(TABLE)));
  repo = new DynamoReportStore(documentClient(dynamo), TABLE);
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-revalidate-'));
  await writeEndpoints(dataDir, {
    s3: 'http://127.0.0.1:1',
    bucket: 'uploads',
    dynamodb: db.endpoint,
    table: TABLE,
    api: 'http://127.0.0.1:2',
    inbox: 'http://127.0.0.1:3',
    inboxApi: 'http://127.0.0.1:3/api',
  });
  process.env.NIANBAO_DATA_DIR = dataDir;

  // A: 2022 stored before its 2021 (whose carry-forward disagrees) by a pipeline without follow-up.
  const a = yearPair({ year: 2022, edition: '2021', agency: A });
  const bump = (k: string) => (a.previous.cells[k] as number) + 2;
  idA2022 = await store(a.report);
  idA2021 = await store(
    withCells(a.previous, {
      's3.carried_forward.natural': bump('s3.carried_forward.natural'),
      's3.carried_forward.total': bump('s3.carried_forward.total'),
    }),
  );
  // B: checked by an older ruleset that lacked one of today's findings and had one that is gone.
  const b = yearPair({ year: 2022, edition: '2021', agency: B, seed: 11 });
  idB2022 = await store(withCells(b.report, { 's3.granted.natural': null }), {
    ruleset: OLD_RULESET,
    findings: (current) => {
      droppedRule = current[0]!.ruleId;
      return [...current.slice(1), OBSOLETE];
    },
  });
});
afterAll(async () => {
  dynamo?.destroy();
  await db?.stop();
});

describe('nianbao revalidate', () => {
  it('--dry-run reports what would change and stores nothing', async () => {
    const s = await summaryOf(['--dry-run']);
    expect(s).toMatchObject({ rulesetVersion: RULESET_VERSION, dryRun: true, checked: 3, skipped: 0 });
    expect(s.changed.map((c) => c.reportId).sort()).toEqual([idA2022, idB2022].sort());
    const a = s.changed.find((c) => c.reportId === idA2022)!;
    expect(a).toMatchObject({
      agency: A,
      year: 2022,
      new: { count: 2, ruleIds: ['X-T3-CARRYOVER', 'X-T3-CARRYOVER'] },
      resolved: { count: 0 },
    });
    expect(a.versionId).toBeUndefined();
    const b = s.changed.find((c) => c.reportId === idB2022)!;
    expect(b).toMatchObject({
      storedRulesetVersion: OLD_RULESET,
      new: { count: 1, ruleIds: [droppedRule] },
      resolved: { count: 1, ruleIds: ['T-S6-FEE-STATEMENT'] },
    });
    for (const id of [idA2021, idA2022, idB2022]) expect(await repo.versions(id)).toHaveLength(1);
  });

  it('--year and --agency narrow it; a changed report gets a new evaluation with the current ruleset', async () => {
    const s = await summaryOf(['--year', '2022', '--agency', ` ${B} `]);
    expect(s.checked).toBe(1);
    expect(s.changed).toHaveLength(1);
    const [versions, head] = [await repo.versions(idB2022), await repo.getReport(idB2022)];
    expect(versions).toHaveLength(2);
    const [latest, old] = versions;
    expect(s.changed[0]).toMatchObject({ reportId: idB2022, versionId: latest!.versionId, latest: true, basedOn: old!.versionId });
    expect(head!.latestVersionId).toBe(latest!.versionId);
    expect(latest).toMatchObject({
      rulesetVersion: RULESET_VERSION,
      evaluation: { kind: 'revalidate', basedOn: old!.versionId },
      previousVersionId: old!.versionId,
      diff: { new: 1, resolved: 1 },
      objectKey: old!.objectKey,
    });
    expect(latest!.previousYear).toBeUndefined(); // B has no 2021 report
    expect((await repo.resolvedItems(idB2022, latest!.versionId)).map((f) => f.message)).toEqual([OBSOLETE.message]);
    expect(await repo.loadReport(idB2022, latest!.versionId)).toEqual(await repo.loadReport(idB2022, old!.versionId));
    // Nothing else was touched.
    expect(await repo.versions(idA2022)).toHaveLength(1);
  });

  it('the revalidate Lambda does the same for the deployed stack', async () => {
    const handler = createRevalidateHandler({
      config: { TABLE_NAME: TABLE },
      dynamo,
      logger: new Logger({ serviceName: 'nianbao-revalidate-test', logLevel: 'SILENT' }),
    });
    await expect(handler({ year: 'last' }, lambdaContext())).rejects.toThrow();
    const s = await handler({ year: 2022 }, lambdaContext());
    expect(s).toMatchObject({ dryRun: false, checked: 2, changed: [{ reportId: idA2022, new: { count: 2 }, latest: true }] });
    const [latest] = await repo.versions(idA2022);
    const [v2021] = await repo.versions(idA2021);
    expect(latest).toMatchObject({ evaluation: { kind: 'revalidate' }, previousYear: { reportId: idA2021, versionId: v2021!.versionId } });
    expect((await repo.findings(idA2022, latest!.versionId)).filter((f) => f.ruleId === 'X-T3-CARRYOVER')).toHaveLength(2);
  });

  it('a second run finds nothing to change and prints a readable summary', async () => {
    const r = await run(['revalidate']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`规则版本 ruleset ${RULESET_VERSION}：检查 3 份报告，跳过 0 份（无法读取的上传），0 份结果有变化`);
    for (const [id, n] of [
      [idA2021, 1],
      [idA2022, 2],
      [idB2022, 2],
    ] as const)
      expect(await repo.versions(id)).toHaveLength(n);
  });

  it('prints changed reports one per line', async () => {
    await store(yearPair({ year: 2021, edition: '2021', agency: '示例市民政局', seed: 5 }).report, {
      findings: (c) => [...c, OBSOLETE],
      ruleset: OLD_RULESET,
    });
    const r = await run(['revalidate', '--year', '2021', '--dry-run']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain('2 份报告');
    expect(lines[0]).toContain('1 份结果有变化（试运行 dry run，未写入）');
    expect(lines[1]).toMatch(
      new RegExp(
        `^  2021-[0-9a-f]{10} 示例市民政局 2021（原规则 ${OLD_RULESET}）：新增 new 0，已解决 resolved 1 \\[T-S6-FEE-STATEMENT\\]，未变 unchanged \\d+$`,
      ),
    );
  });

  it('rejects bad arguments and a missing local stack with status 2', async () => {
    expect((await run(['revalidate', '--year', 'abc'])).status).toBe(2);
    const withFile = await run(['revalidate', 'file.txt']);
    expect(withFile.status).toBe(2);
    expect(withFile.stderr).toContain("too many arguments for 'revalidate'");
    const saved = process.env.NIANBAO_DATA_DIR;
    process.env.NIANBAO_DATA_DIR = mkdtempSync(join(tmpdir(), 'nianbao-empty-'));
    const r = await run(['revalidate']);
    process.env.NIANBAO_DATA_DIR = saved;
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/endpoints\.json not found/);
  });
});
