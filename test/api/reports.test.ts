/**
 * /reports, /reports/{id}, versions and a report's findings, over HTTP against dynalite holding
 * the corpus as the real pipeline stored it (plus a two-version report written by the repository).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportDetailSchema, ReportFindingsSchema, ReportListSchema, VersionListSchema } from '../../functions/api/schemas.ts';
import type { ReportItem } from '../../shared/adapters/dynamodb/items.ts';
import type { ReportSummary, VersionFinding } from '../../shared/usecases/views.ts';
import { CRAFTED_AGENCY, CRAFTED_ID, CRAFTED_REPORT, LONG_TEXT } from './crafted.ts';
import { allPages, corpusUploads, type Harness, seedCorrection, startHarness } from './harness.ts';

let h: Harness;
const SEED_KEY_END = 'heilongjiang-gxt-2022.txt';

beforeAll(async () => {
  const uploads = corpusUploads();
  h = await startHarness([...uploads, seedCorrection(uploads)]);
});
afterAll(async () => h?.close());

/** What the API must say about a report, from the report item the writer stored. */
const summaryOf = (r: ReportItem): ReportSummary => ({
  reportId: r.reportId,
  agency: r.agency,
  year: r.year,
  edition: r.edition,
  title: r.title,
  identified: r.identified,
  status: r.status,
  counts: r.counts,
  latestVersionId: r.latestVersionId,
  file: { bucket: r.bucket, key: r.objectKey, name: r.fileName },
  processedAt: r.processedAt,
  totals: r.totals,
});

const ids = (items: { reportId: string }[]) => items.map((i) => i.reportId).sort();
const stripFinding = ({ seq: _seq, change: _change, ...finding }: VersionFinding) => finding;

describe('GET /reports', () => {
  it('carries the key totals of the latest version (the seed: 12 requests received)', async () => {
    const { items } = await allPages<ReportSummary>(h, '/reports?year=2022&limit=100');
    const seed = items.find((r) => r.file.key.endsWith(SEED_KEY_END));
    expect(seed?.totals['s3.new_received.total']).toBe(12);
  });

  it('lists every report exactly once, as of its latest version', async () => {
    const { items } = await allPages<ReportSummary>(h, '/reports?limit=100');
    expect(items.length).toBe(h.reports.size);
    expect(h.reports.size).toBeGreaterThanOrEqual(15); // 13 corpus + seed + crafted
    for (const item of items) expect(item).toEqual(summaryOf(h.reports.get(item.reportId)!));
    // The unidentified corpus reports are listed too, with what is known.
    expect(items.some((i) => !i.identified && i.reportId.startsWith('u-'))).toBe(h.published.some((p) => !p.identified));
  });

  const spaced = `${CRAFTED_AGENCY.slice(0, 3)} ${CRAFTED_AGENCY.slice(3)}`;
  /**
   * `indexed`: answered by a key condition alone (year, year+status, agency, agency+year), so
   * every page is full and there is no empty trailing page. The others filter (status with an
   * agency, or a scan without year and agency): their pages may be short when a page's read
   * budget runs out, but the union is the same.
   */
  const cases: { query: string; indexed: boolean; keep: (r: ReportItem) => boolean }[] = [
    { query: 'year=2022', indexed: true, keep: (r) => r.year === 2022 },
    { query: 'year=2020', indexed: true, keep: (r) => r.year === 2020 },
    { query: 'year=2022&status=error', indexed: true, keep: (r) => r.year === 2022 && r.status === 'error' },
    { query: 'year=2023&status=warning', indexed: true, keep: (r) => r.year === 2023 && r.status === 'warning' },
    { query: 'status=error', indexed: false, keep: (r) => r.status === 'error' },
    { query: 'status=warning', indexed: false, keep: (r) => r.status === 'warning' },
    { query: 'status=ok', indexed: false, keep: (r) => r.status === 'ok' },
    { query: `agency=${encodeURIComponent('法库县自然资源局')}`, indexed: true, keep: (r) => r.agencyKey === '法库县自然资源局' },
    {
      query: `agency=${encodeURIComponent('黑龙江省工业和信息化厅')}&year=2022`,
      indexed: true,
      keep: (r) => r.agencyKey === '黑龙江省工业和信息化厅' && r.year === 2022,
    },
    { query: `agency=${encodeURIComponent('黑龙江省工业和信息化厅')}&year=2021`, indexed: true, keep: () => false },
    // Matched after normalization: whitespace inside the name does not matter.
    { query: `agency=${encodeURIComponent(spaced)}`, indexed: true, keep: (r) => r.reportId === CRAFTED_ID },
    // Only the latest version counts: the crafted report was an error in v1, a warning now.
    { query: `agency=${encodeURIComponent(CRAFTED_AGENCY)}&status=warning`, indexed: false, keep: (r) => r.reportId === CRAFTED_ID },
    { query: `agency=${encodeURIComponent(CRAFTED_AGENCY)}&year=2023&status=error`, indexed: false, keep: () => false },
    { query: 'year=1999', indexed: true, keep: () => false },
  ];

  it.each(cases)('filters $query, and pages through it exactly (limit 1, 2, 100)', async ({ query, indexed, keep }) => {
    const expected = [...h.reports.values()]
      .filter(keep)
      .map((r) => r.reportId)
      .sort();
    for (const limit of [1, 2, 100]) {
      const { pages, items } = await allPages<ReportSummary>(h, `/reports?${query}&limit=${limit}`);
      expect(ids(items)).toEqual(expected); // the union, no duplicates
      expect(new Set(ids(items)).size).toBe(items.length);
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(limit);
      // nextCursor is null exactly on the last page: no empty trailing page.
      if (indexed) expect(pages.length).toBe(Math.max(1, Math.ceil(expected.length / limit)));
      for (const item of items) expect(item).toEqual(summaryOf(h.reports.get(item.reportId)!));
    }
  });

  it('orders a year by status then id, an agency by year then id', async () => {
    const year = (await h.get('/reports?year=2022&limit=100')).body as { items: ReportSummary[] };
    const keys = year.items.map((i) => `${i.status}#${i.reportId}`);
    expect(keys).toEqual([...keys].sort());
    expect(year.items.length).toBeGreaterThan(1);
  });

  it('defaults to 20 per page and validates against the list schema', async () => {
    const result = await h.get('/reports');
    expect(result.status).toBe(200);
    const body = ReportListSchema.parse(result.body);
    expect(body.items.length).toBe(Math.min(20, h.reports.size));
  });
});

describe('GET /reports/{reportId}', () => {
  it('returns the latest version of the crafted report with joined sections, cells, findings and resolved findings', async () => {
    const result = await h.get(`/reports/${CRAFTED_ID}`);
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const detail = ReportDetailSchema.parse(result.body);
    expect(detail).toMatchObject({
      reportId: CRAFTED_ID,
      versionId: h.crafted.v2,
      latest: true,
      agency: CRAFTED_AGENCY,
      year: 2023,
      edition: '2021',
      issuerKind: 'department',
      publishedAt: '2024-01-20',
      status: 'warning',
      counts: { error: 0, warning: 1, info: 1 },
      previousVersionId: h.crafted.v1,
      diff: { new: 0, resolved: 1, unchanged: 2 },
      file: { key: `uploads/2023/${CRAFTED_AGENCY}/年报.docx`, name: '年报.docx', size: 34_567 },
    });
    expect(detail.sections.map((s) => [s.number, s.heading, s.variant])).toEqual([
      [1, '一、总体情况', false],
      [2, '二、主动公开政府信息情况', false],
      [3, '三、收到和处理政府信息公开申请情况', true],
    ]);
    expect(detail.sections[0]!.text).toBe(LONG_TEXT); // stored in two parts, joined in order
    expect(detail.cells).toEqual({ ...CRAFTED_REPORT.cells, 's3.new_received.natural': 13 });
    expect(detail.cellSources['s3.new_received.natural']).toEqual({ raw: '１２', line: 60 });
    expect(detail.findings.map((f) => [f.seq, f.ruleId, f.severity, f.change])).toEqual([
      ['0000', 'M-PUBLISH-LATE', 'warning', 'unchanged'],
      ['0001', 'M-PERIOD-MISSING', 'info', 'unchanged'],
    ]);
    expect(detail.resolvedFindings).toEqual([
      {
        seq: '0000',
        ruleId: 'K-T3-COLUMN-IDENTITY',
        severity: 'error',
        category: 'consistency',
        message: '表三“总计”列应为各列之和：应为 12，实为 13（K-T3-COLUMN-IDENTITY）',
        cells: ['s3.new_received.total', 's3.new_received.natural'],
        expected: 12,
        actual: 13,
        suspect: 's3.new_received.total',
        source: { line: 60 },
        fromVersionId: h.crafted.v1,
      },
    ]);
  });

  it('agrees with the repository for every stored report (sections, cells, findings)', async () => {
    for (const [reportId, item] of h.reports) {
      const detail = ReportDetailSchema.parse((await h.get(`/reports/${reportId}`)).body);
      expect(detail.versionId).toBe(item.latestVersionId);
      expect([detail.status, detail.counts]).toEqual([item.status, item.counts]);
      const findings = await h.repository.findings(reportId, item.latestVersionId);
      expect(detail.findings.map(stripFinding)).toEqual(findings);
      expect(detail.findingCount).toBe(findings.length);
      const report = await h.repository.loadReport(reportId, item.latestVersionId);
      if (report) {
        expect(detail.cells).toEqual(report.cells);
        expect(detail.sections.map((s) => [s.number, s.heading, s.text])).toEqual(
          report.sections.map((s) => [s.number, s.heading, s.text]),
        );
      } else {
        expect([detail.sections, detail.cells]).toEqual([[], {}]); // an upload that never became a Report
      }
    }
  });
});

describe('GET /reports/{reportId}/versions[/{versionId}]', () => {
  it('lists versions newest first, marking the latest', async () => {
    const body = VersionListSchema.parse((await h.get(`/reports/${CRAFTED_ID}/versions`)).body);
    expect(body.items.map((v) => [v.versionId, v.latest, v.status])).toEqual([
      [h.crafted.v2, true, 'warning'],
      [h.crafted.v1, false, 'error'],
    ]);
    expect(body.items[1]!.previousVersionId).toBeNull();
  });

  it('gives the re-uploaded seed two versions, the correction compared with the first', async () => {
    const uploads = h.published.filter((p) => p.objectKey.endsWith(SEED_KEY_END));
    expect(uploads).toHaveLength(2);
    const reportId = uploads[0]!.reportId;
    expect(uploads[1]!.reportId).toBe(reportId);
    const body = VersionListSchema.parse((await h.get(`/reports/${reportId}/versions`)).body);
    expect(body.items.map((v) => v.versionId)).toEqual([uploads[1]!.versionId, uploads[0]!.versionId]);
    expect(body.items[0]).toMatchObject({ latest: true, previousVersionId: uploads[0]!.versionId });
    expect(body.items[0]!.file.sourceVersion).not.toBe(body.items[1]!.file.sourceVersion);
  });

  it('has one version per processed upload for every report', async () => {
    for (const [reportId, item] of h.reports) {
      const body = VersionListSchema.parse((await h.get(`/reports/${reportId}/versions`)).body);
      expect(body.items[0]!.versionId).toBe(item.latestVersionId);
      const processed = reportId === CRAFTED_ID ? 2 : h.published.filter((p) => p.reportId === reportId).length;
      expect(body.items.length).toBe(processed);
    }
  });

  it('returns an older version in full, not marked latest', async () => {
    const detail = ReportDetailSchema.parse((await h.get(`/reports/${CRAFTED_ID}/versions/${h.crafted.v1}`)).body);
    expect(detail).toMatchObject({ versionId: h.crafted.v1, latest: false, status: 'error', counts: { error: 1, warning: 1, info: 1 } });
    expect(detail.cells['s3.new_received.natural']).toBe(12);
    expect(detail.findings.map((f) => [f.ruleId, f.change])).toEqual([
      ['K-T3-COLUMN-IDENTITY', 'new'],
      ['M-PUBLISH-LATE', 'new'],
      ['M-PERIOD-MISSING', 'new'],
    ]);
    expect(detail.resolvedFindings).toEqual([]);
    const latest = ReportDetailSchema.parse((await h.get(`/reports/${CRAFTED_ID}/versions/${h.crafted.v2}`)).body);
    expect(latest).toEqual(ReportDetailSchema.parse((await h.get(`/reports/${CRAFTED_ID}`)).body));
  });
});

describe('GET /reports/{reportId}/findings', () => {
  it('defaults to the latest version', async () => {
    const body = ReportFindingsSchema.parse((await h.get(`/reports/${CRAFTED_ID}/findings`)).body);
    expect(body).toMatchObject({ reportId: CRAFTED_ID, versionId: h.crafted.v2, latest: true });
    expect(body.items.map((f) => f.ruleId)).toEqual(['M-PUBLISH-LATE', 'M-PERIOD-MISSING']);
  });

  const severities = ['error', 'warning', 'info'] as const;
  it.each(severities)('filters severity=%s in any version', async (severity) => {
    for (const version of [h.crafted.v1, h.crafted.v2]) {
      const all = ReportFindingsSchema.parse((await h.get(`/reports/${CRAFTED_ID}/findings?version=${version}`)).body);
      expect(all.latest).toBe(version === h.crafted.v2);
      const some = ReportFindingsSchema.parse(
        (await h.get(`/reports/${CRAFTED_ID}/findings?version=${version}&severity=${severity}`)).body,
      );
      expect(some.items).toEqual(all.items.filter((f) => f.severity === severity));
      expect(some.items.length).toBe(version === h.crafted.v2 && severity === 'error' ? 0 : 1);
    }
  });

  it('matches the repository for every stored report', async () => {
    for (const [reportId, item] of h.reports) {
      const body = ReportFindingsSchema.parse((await h.get(`/reports/${reportId}/findings`)).body);
      expect(body.items.map(stripFinding)).toEqual(await h.repository.findings(reportId, item.latestVersionId));
    }
  });
});
