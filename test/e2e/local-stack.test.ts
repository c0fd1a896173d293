/**
 * End to end, as a person who cloned the repo would see it: `npm start` as a child process (every
 * port 0, a temporary data directory), `npm run upload` of the founding report, a copy with one
 * table-三 number changed, and random bytes under a Chinese file name with a space and
 * parentheses; then the stored items (DynamoDB endpoint), the emails (inbox JSON) and the HTTP API
 * answers; then SIGTERM to the process group: everything stops, nothing is left running.
 */
import { createHash, randomBytes } from 'node:crypto';
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type MailMessage, MailMessageSchema } from '../../local/mail-store.ts';
import { clientsFor, type LocalClients } from '../../local/uploads.ts';
import { reportIdOf, unidentifiedReportIdOf } from '../../shared/usecases/records.ts';
import { type ReportDetail, ReportDetailSchema, ReportSummarySchema, VersionSummarySchema } from '../../shared/usecases/views.ts';
import { ROOT, runScript, type StackProcess, stackEnv, startStackProcess } from './stack-process.ts';

const AGENCY = '黑龙江省工业和信息化厅';
const SEED = join(ROOT, 'test/fixtures/seed/heilongjiang-gxt-2022.txt');
/** The seed with 一、本年新收 自然人 12 → 13 (its 总计 stays 12): breaks K-T3-ROW-TOTAL. */
const BROKEN = join(ROOT, 'test/fixtures/e2e/heilongjiang-gxt-2022-t3-row-total.txt');
const GARBAGE_NAME = '乱码 文件 (1).bin';

interface Upload {
  name: 'seed' | 'broken' | 'garbage';
  file: string;
  key: string;
  etag: string;
}

const md5 = async (file: string) =>
  createHash('md5')
    .update(await readFile(file))
    .digest('hex');

let stack: StackProcess;
let clients: LocalClients;
let uploads: Record<Upload['name'], Upload>;
let uploadRun: { code: number | null; stdout: string; stderr: string };
let mail: MailMessage[];

async function api<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(`${stack.endpoints.api}${path}`);
  expect(response.status, `GET ${path}`).toBe(200);
  return schema.parse(await response.json());
}

async function versionOf(upload: Upload): Promise<ReportDetail> {
  const record = await clients.repository.processing({ bucket: stack.endpoints.bucket, objectKey: upload.key, sourceVersion: upload.etag });
  expect(record?.status, `processing record of ${upload.key}`).toBe('completed');
  return api(`/reports/${record!.reportId}/versions/${record!.versionId}`, ReportDetailSchema);
}

const emailOf = (upload: Upload): MailMessage[] => mail.filter((m) => m.text.includes(`文件：${upload.key}（`));

describe('the local stack end to end', () => {
  beforeAll(async () => {
    stack = await startStackProcess();
    clients = clientsFor(stack.endpoints);
    const garbage = join(stack.dataDir, GARBAGE_NAME);
    await writeFile(garbage, randomBytes(4096));
    const files = { seed: SEED, broken: BROKEN, garbage };
    uploads = Object.fromEntries(
      await Promise.all(
        (Object.keys(files) as Upload['name'][]).map(async (name) => {
          const file = files[name];
          return [name, { name, file, key: `uploads/e2e/${file.split('/').pop()}`, etag: await md5(file) }];
        }),
      ),
    ) as Record<Upload['name'], Upload>;
    // The broken copy is a newer upload of the founding report, made once the first is processed:
    // the latest version is the last upload, and two uploads put at one instant have no order.
    const runs = [];
    for (const batch of [[SEED, garbage], [BROKEN]]) {
      runs.push(await runScript('bin/nianbao.mjs', ['upload', '--prefix', 'e2e', '--timeout', '30', ...batch], stackEnv(stack.dataDir)));
    }
    uploadRun = {
      code: Math.max(...runs.map((r) => r.code ?? 2)),
      stdout: runs.map((r) => r.stdout).join(''),
      stderr: runs.map((r) => r.stderr).join(''),
    };
    const response = await fetch(stack.endpoints.inboxApi);
    mail = z.array(MailMessageSchema).parse(await response.json());
  }, 90_000);

  afterAll(async () => {
    clients?.destroy();
    await stack?.cleanup();
  });

  it('npm start ingested the sample report and printed the summary and where to go', () => {
    const out = stack.stdout();
    expect(out).toMatch(/^file\s+agency\s+year\s+status\s+errors\s+warnings/m);
    expect(out).toContain('uploads/samples/heilongjiang-gxt-2022.txt');
    expect(out).toContain(`aws s3 cp --endpoint-url ${stack.endpoints.s3} FILE s3://nianbao-local/uploads/`);
    expect(out).toContain(stack.endpoints.inbox);
    expect(out).toContain(`${stack.endpoints.api}/reports`);
    expect(out).toContain(`report page: ${stack.endpoints.api}/reports/${reportIdOf(AGENCY, 2022)}/versions/`);
    expect(out).toContain(`The year's reports:        ${stack.endpoints.api}/`);
    expect(stack.endpoints.bucket).toBe('nianbao-local');
  });

  it('npm run upload uploaded the three files (in two runs) and printed their outcomes (exit 1: error findings)', () => {
    expect(uploadRun.code, uploadRun.stderr).toBe(1);
    for (const u of Object.values(uploads)) expect(uploadRun.stdout).toContain(`${u.key} → `);
    expect(uploadRun.stdout).toContain(`${AGENCY} 2022`);
    expect(uploadRun.stdout).toContain('[K-T3-ROW-TOTAL]');
  });

  it('stored one completed processing record per upload, under the right reports', async () => {
    const seedId = reportIdOf(AGENCY, 2022);
    const expected = {
      seed: seedId,
      broken: seedId,
      garbage: unidentifiedReportIdOf(stack.endpoints.bucket, uploads.garbage.key),
    };
    for (const u of Object.values(uploads)) {
      const record = await clients.repository.processing({ bucket: stack.endpoints.bucket, objectKey: u.key, sourceVersion: u.etag });
      expect(record, u.key).toMatchObject({ status: 'completed', reportId: expected[u.name] });
    }
    // The sample ingested at start and the two uploads are three versions of one report.
    const versions = await clients.repository.versions(seedId);
    expect(versions.map((v) => v.objectKey).sort()).toEqual([
      'uploads/e2e/heilongjiang-gxt-2022-t3-row-total.txt',
      'uploads/e2e/heilongjiang-gxt-2022.txt',
      'uploads/samples/heilongjiang-gxt-2022.txt',
    ]);
  });

  it('the founding report: identified, its cells read, no arithmetic error', async () => {
    const v = await versionOf(uploads.seed);
    expect(v).toMatchObject({ agency: AGENCY, year: 2022, edition: '2021', identified: true, inputRuleId: null });
    expect(v.file.key).toBe(uploads.seed.key);
    expect(v.cells).toMatchObject({
      's2.normative.issued': 17,
      's2.normative.valid': 70,
      's2.license.decisions': 179,
      's3.new_received.natural': 12,
      's3.new_received.total': 12,
      's3.granted.total': 12,
    });
    expect(v.findings.filter((f) => f.ruleId.startsWith('K-'))).toEqual([]);
    expect(v.findings.map((f) => f.ruleId)).toContain('C-ROW-MISSING');
  });

  it('the broken copy: K-T3-ROW-TOTAL with the numbers', async () => {
    const v = await versionOf(uploads.broken);
    expect(v).toMatchObject({ agency: AGENCY, year: 2022, status: 'error' });
    expect(v.cells['s3.new_received.natural']).toBe(13);
    expect(v.cells['s3.new_received.total']).toBe(12);
    const rowTotal = v.findings.filter((f) => f.ruleId === 'K-T3-ROW-TOTAL');
    expect(rowTotal).toHaveLength(1);
    expect(rowTotal[0]).toMatchObject({ severity: 'error', expected: 13, actual: 12 });
    expect(rowTotal[0]!.cells).toContain('s3.new_received.total');
    expect(rowTotal[0]!.message).toMatch(/13[\s\S]*12/);
  });

  it('the garbage file: decoded key (Chinese, space, parentheses), an input finding, unidentified', async () => {
    const v = await versionOf(uploads.garbage);
    expect(v.file.key).toBe(`uploads/e2e/${GARBAGE_NAME}`);
    expect(v).toMatchObject({ identified: false, agency: null, year: null, status: 'error', sections: [], cells: {} });
    expect(v.inputRuleId).toMatch(/^I-/);
    expect(v.findings.map((f) => f.category)).toEqual(['input']);
  });

  it('sent exactly one email per processed upload: ASCII subject, Chinese body with rule ids and numbers', () => {
    expect(mail).toHaveLength(4); // the sample at start + three uploads
    for (const m of mail) {
      expect(m.subject).toMatch(/^\[nianbao\] [\x20-\x7e]+$/);
      expect(m.subject.length).toBeLessThan(100);
      expect(m.to).toEqual(['reviewers@localhost']);
      expect(m.text).toContain('政府信息公开工作年度报告检查结果');
    }
    const [seed] = emailOf(uploads.seed);
    expect(emailOf(uploads.seed)).toHaveLength(1);
    expect(seed!.subject).toContain('2022 report');
    expect(seed!.text).toContain(`机关：${AGENCY}`);

    const broken = emailOf(uploads.broken);
    expect(broken).toHaveLength(1);
    expect(broken[0]!.subject).toMatch(/^\[nianbao\] 2022 report: \d+ errors?/);
    expect(broken[0]!.text).toMatch(/\[K-T3-ROW-TOTAL\] 表三行总计不符：.*13.*12/);
    expect(broken[0]!.text).toContain(`${stack.endpoints.api}/reports/${reportIdOf(AGENCY, 2022)}`);

    const garbage = emailOf(uploads.garbage);
    expect(garbage).toHaveLength(1);
    expect(garbage[0]!.subject).toContain('unidentified upload: 1 error');
    expect(garbage[0]!.text).toMatch(/\[I-[A-Z-]+\]/);
    expect(garbage[0]!.text).toContain('机关：未能识别');
  });

  it('the API lists the reports and returns the latest version with its cells', async () => {
    const list = await api('/reports', z.object({ items: z.array(ReportSummarySchema), nextCursor: z.string().nullable() }));
    const seedId = reportIdOf(AGENCY, 2022);
    const garbageId = unidentifiedReportIdOf(stack.endpoints.bucket, uploads.garbage.key);
    expect(list.items.map((r) => r.reportId).sort()).toEqual([seedId, garbageId].sort());
    expect(list.items.find((r) => r.reportId === seedId)).toMatchObject({ agency: AGENCY, year: 2022, identified: true });

    const latest = await api(`/reports/${seedId}`, ReportDetailSchema);
    expect(latest.latest).toBe(true);
    expect(latest.cells['s3.new_received.total']).toBe(12);
    expect(latest.cells['s2.normative.issued']).toBe(17);
    expect(latest.sections.length).toBeGreaterThanOrEqual(5);

    const versions = await api(`/reports/${seedId}/versions`, z.object({ reportId: z.string(), items: z.array(VersionSummarySchema) }));
    expect(versions.items).toHaveLength(3);
    expect(versions.items.filter((v) => v.latest)).toHaveLength(1);
  });

  it('the index page shows the year at a glance and links every report to its page', async () => {
    const response = await fetch(`${stack.endpoints.api}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('2022 年度政府信息公开工作年度报告检查概览');
    expect(html).toContain(`<a href="/reports/${reportIdOf(AGENCY, 2022)}/view">${AGENCY}</a>`);
    expect(html).toContain('K-T3-ROW-TOTAL');
    const page = await fetch(`${stack.endpoints.api}/reports/${reportIdOf(AGENCY, 2022)}/view`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(AGENCY);
  });

  it('nianbao view writes the report page, nianbao export the year (through the API and --direct)', async () => {
    const seedId = reportIdOf(AGENCY, 2022);
    const page = join(stack.dataDir, 'seed.html');
    const view = await runScript('bin/nianbao.mjs', ['view', seedId, '--out', page], stackEnv(stack.dataDir));
    expect(view.code, view.stderr).toBe(0);
    expect(view.stdout).toContain(page);
    expect(await readFile(page, 'utf8')).toContain(`<title>${AGENCY} 2022 年度报告检查结果</title>`);

    for (const how of [[], ['--direct']]) {
      const xlsx = join(stack.dataDir, `2022${how.join('')}.xlsx`);
      const run = await runScript('bin/nianbao.mjs', ['export', '--year', '2022', '--xlsx', xlsx, ...how], stackEnv(stack.dataDir));
      expect(run.code, run.stderr).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(xlsx);
      const agencies: unknown[] = [];
      book.getWorksheet('报告')!.eachRow((row, n) => n > 1 && agencies.push(row.getCell(1).value));
      expect(agencies).toEqual([AGENCY]);
    }
    const csv = join(stack.dataDir, 'findings.csv');
    const run = await runScript(
      'bin/nianbao.mjs',
      ['export', '--year', '2022', '--csv', csv, '--sheet', 'findings'],
      stackEnv(stack.dataDir),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(csv, 'utf8')).toContain('K-T3-ROW-TOTAL');
    const bad = await runScript('bin/nianbao.mjs', ['export', '--year', '2022'], stackEnv(stack.dataDir));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('give exactly one of --xlsx FILE and --csv FILE');
  });

  it('SIGTERM stops every server and leaves no process behind', async () => {
    const code = await stack.stop();
    expect(stack.stderr()).toContain('stopped');
    expect(code).toBe(0);
    expect(stack.groupAlive()).toBe(false);
    await expect(access(join(stack.dataDir, 'endpoints.json'))).rejects.toThrow();
  });
});
