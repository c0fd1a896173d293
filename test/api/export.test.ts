/**
 * The year in a spreadsheet and at a glance, through the HTTP API on the local servers: the xlsx
 * opened back with exceljs holds the rows and values the API's listings give.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_TOTALS } from '../../shared/report/key-totals.ts';
import type { YearSummary } from '../../shared/usecases/summary.ts';
import type { LatestFinding, ReportSummary } from '../../shared/usecases/views.ts';
import { allPages, corpusUploads, type Harness, startHarness } from './harness.ts';

let h: Harness;
let reports: ReportSummary[];
let findings: LatestFinding[];

beforeAll(async () => {
  h = await startHarness(corpusUploads());
  reports = (await allPages<ReportSummary>(h, '/reports?year=2022&limit=100')).items;
  findings = (await allPages<LatestFinding>(h, '/findings?year=2022&limit=100')).items;
});
afterAll(async () => h?.close());

async function download(path: string): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> {
  const response = await fetch(h.url + path);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};

describe('GET /reports/export', () => {
  it('answers an xlsx whose sheets hold the year’s reports and findings as the API lists them', async () => {
    expect(reports.length).toBeGreaterThan(1);
    expect(findings.length).toBeGreaterThan(reports.length);
    const got = await download('/reports/export?year=2022');
    expect(got.status).toBe(200);
    expect(got.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(got.disposition).toBe('attachment; filename="nianbao-2022.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(got.bytes as unknown as ArrayBuffer);
    const [reportSheet, findingSheet] = [book.getWorksheet('报告')!, book.getWorksheet('检查结果')!];
    expect(reportSheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(reportSheet.autoFilter).toBeDefined();

    const [header, ...rows] = rowsOf(reportSheet);
    expect(header?.slice(0, 4)).toEqual(['机构', '年度', '格式版本', '状态']);
    expect(rows).toHaveLength(reports.length);
    const byId = new Map(rows.map((r) => [r[r.length - 1], r]));
    for (const r of reports) {
      const row = byId.get(r.reportId)!;
      expect(row.slice(0, 2)).toEqual([r.agency ?? undefined, r.year]);
      expect(row.slice(4, 7)).toEqual([r.counts.error, r.counts.warning, r.counts.info]);
      const totals = row.slice(7, 7 + KEY_TOTALS.length);
      expect(totals).toEqual(KEY_TOTALS.map((t) => (r.totals[t.key] === undefined ? undefined : (r.totals[t.key] ?? '空白'))));
    }

    const [, ...findingRows] = rowsOf(findingSheet);
    expect(findingRows).toHaveLength(findings.length);
    const messages = findingRows.map((r) => `${r[r.length - 1]}|${r[2]}|${r[8]}`).sort();
    expect(messages).toEqual(findings.map((f) => `${f.reportId}|${f.ruleId}|${f.message}`).sort());
  });

  it('answers one sheet as CSV', async () => {
    const got = await download('/reports/export?year=2022&format=csv&sheet=findings');
    expect(got.status).toBe(200);
    expect(got.type).toBe('text/csv; charset=utf-8');
    const text = got.bytes.toString('utf8');
    expect(text.startsWith('\ufeff机构,年度,规则,')).toBe(true);
    for (const f of findings.slice(0, 5)) expect(text).toContain(f.ruleId);
  });

  it('refuses a request without a year', async () => {
    expect((await download('/reports/export')).status).toBe(400);
  });
});

describe('GET /summary', () => {
  it('counts the year’s reports by status and ranks the rules by the reports they fire on', async () => {
    const response = await fetch(`${h.url}/summary?year=2022`);
    expect(response.status).toBe(200);
    const summary = (await response.json()) as YearSummary;
    expect(summary.reports).toBe(reports.length);
    for (const s of ['error', 'warning', 'ok'] as const) expect(summary.byStatus[s]).toBe(reports.filter((r) => r.status === s).length);
    for (const rule of summary.topRules) {
      const of = findings.filter((f) => f.ruleId === rule.ruleId);
      expect(rule.findings).toBe(of.length);
      expect(rule.reports).toBe(new Set(of.map((f) => f.reportId)).size);
    }
    expect(summary.mostErrors.map((r) => r.errors)).toEqual([...summary.mostErrors.map((r) => r.errors)].sort((a, b) => b - a));
  });
});
