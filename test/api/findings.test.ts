/**
 * /findings across the latest versions: every filter combination (indexed query and filtered
 * scan), paged with limit 1 until the end, compared with the findings the repository stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../functions/api/handler.ts';
import { FindingListSchema } from '../../functions/api/schemas.ts';
import { startApiServer } from '../../local/api-server.ts';
import type { FindingItem } from '../../shared/adapters/dynamodb/items.ts';
import type { LatestFinding } from '../../shared/usecases/views.ts';
import { CRAFTED_ID } from './crafted.ts';
import { allPages, corpusUploads, type Harness, httpGet, seedCorrection, startHarness } from './harness.ts';

let h: Harness;
/** Findings of every report's latest version, as stored. */
let latest: FindingItem[];

beforeAll(async () => {
  const uploads = corpusUploads();
  h = await startHarness([...uploads, seedCorrection(uploads)]);
  latest = [];
  for (const [reportId, report] of h.reports) latest.push(...(await h.repository.findingItems(reportId, report.latestVersionId)));
});
afterAll(async () => h?.close());

const keyOf = (f: { reportId: string; seq: string }) => `${f.reportId}#${f.seq}`;

describe('GET /findings', () => {
  /** `indexed`: year + ruleId without severity is a key condition alone: full pages, no empty trailing page. */
  type Case = { name: string; query: () => string; keep: (f: FindingItem) => boolean; indexed?: boolean };
  /** The most frequent rule id, and a rule id only the crafted report has. */
  const commonRule = () => {
    const counts = new Map<string, number>();
    for (const f of latest) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  };
  const yearOfCommon = () => latest.find((f) => f.ruleId === commonRule())!.year!;
  it('has data to filter: several rules and severities, an indexed query of several pages at limit 1', () => {
    expect(latest.length).toBeGreaterThanOrEqual(h.reports.size);
    expect(new Set(latest.map((f) => f.severity)).size).toBeGreaterThanOrEqual(2);
    expect(latest.filter((f) => f.ruleId === commonRule() && f.year === yearOfCommon()).length).toBeGreaterThanOrEqual(2);
  });

  const cases: Case[] = [
    { name: 'no filter', query: () => '', keep: () => true },
    { name: 'year', query: () => 'year=2022', keep: (f) => f.year === 2022 },
    { name: 'severity=error', query: () => 'severity=error', keep: (f) => f.severity === 'error' },
    { name: 'severity=warning', query: () => 'severity=warning', keep: (f) => f.severity === 'warning' },
    { name: 'severity=info', query: () => 'severity=info', keep: (f) => f.severity === 'info' },
    { name: 'ruleId (scan)', query: () => `ruleId=${commonRule()}`, keep: (f) => f.ruleId === commonRule() },
    {
      name: 'year + ruleId (indexed query)',
      query: () => `year=${yearOfCommon()}&ruleId=${commonRule()}`,
      keep: (f) => f.ruleId === commonRule() && f.year === yearOfCommon(),
      indexed: true,
    },
    {
      name: 'year + ruleId + severity',
      query: () => `year=${yearOfCommon()}&ruleId=${commonRule()}&severity=error`,
      keep: (f) => f.ruleId === commonRule() && f.year === yearOfCommon() && f.severity === 'error',
    },
    { name: 'year + severity', query: () => 'year=2023&severity=info', keep: (f) => f.year === 2023 && f.severity === 'info' },
    {
      name: 'ruleId + severity',
      query: () => 'ruleId=M-PUBLISH-LATE&severity=warning',
      keep: (f) => f.ruleId === 'M-PUBLISH-LATE' && f.severity === 'warning',
    },
    // The crafted report's error finding was resolved by its second version: not a latest finding.
    { name: 'superseded version excluded', query: () => 'year=2023&ruleId=K-T3-COLUMN-IDENTITY', keep: () => false },
    { name: 'nothing in a year', query: () => 'year=2001', keep: () => false },
  ];

  /** limit 1 where that means at most ~40 requests; else a page size that still gives about a dozen pages. */
  const limitsFor = (n: number) => (n <= 40 ? [1, 3, 100] : [Math.ceil(n / 12), 100]);

  it.each(cases)('filters $name, and pages through it exactly', async ({ query, keep, indexed }) => {
    const expected = latest.filter(keep).map(keyOf).sort();
    const q = query();
    for (const limit of limitsFor(expected.length)) {
      const { pages, items } = await allPages<LatestFinding>(h, `/findings?${q ? `${q}&` : ''}limit=${limit}`);
      const got = items.map(keyOf).sort();
      expect(got).toEqual(expected);
      expect(new Set(got).size).toBe(got.length);
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(limit);
      if (indexed) expect(pages.length).toBe(Math.max(1, Math.ceil(expected.length / limit)));
    }
  });

  it('keeps the union exact when a page runs out of reads (budget of one DynamoDB call per page)', async () => {
    const handler = createApiHandler({ client: h.dynamo.doc, tableName: h.dynamo.tableName, maxReadsPerPage: 1 });
    const server = await startApiServer({ port: 0, handler });
    const client = { get: (path: string) => httpGet(server.url + path) };
    try {
      for (const [query, keep] of [
        ['severity=warning', (f: FindingItem) => f.severity === 'warning'],
        ['year=2001', () => false],
      ] as const) {
        const { pages, items } = await allPages<LatestFinding>(client, `/findings?${query}&limit=2`);
        expect(items.map(keyOf).sort()).toEqual(latest.filter(keep).map(keyOf).sort());
        // One read of at most 50 index items per page: short (even empty) pages, then the end.
        expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(latest.length / 50));
      }
    } finally {
      await server.close();
    }
  });

  it('returns each finding with its report, version and the stored fields', async () => {
    const body = FindingListSchema.parse((await h.get('/findings?limit=100')).body);
    const byKey = new Map(latest.map((f) => [keyOf(f), f]));
    for (const item of body.items) {
      const stored = byKey.get(keyOf(item))!;
      expect(item.versionId).toBe(h.reports.get(item.reportId)!.latestVersionId);
      expect(item).toMatchObject({
        ruleId: stored.ruleId,
        severity: stored.severity,
        category: stored.category,
        message: stored.message,
        change: stored.change,
        agency: stored.agency,
        year: stored.year,
      });
      expect(Object.keys(item)).not.toContain('gsi3pk');
      expect(Object.keys(item)).not.toContain('pk');
    }
    const crafted = body.items.filter((f) => f.reportId === CRAFTED_ID).map((f) => f.ruleId);
    expect(crafted.sort()).toEqual(['M-PERIOD-MISSING', 'M-PUBLISH-LATE']);
  });

  it('follows a re-upload: the seed correction’s findings replace the first version’s', async () => {
    const seed = h.published.filter((p) => p.objectKey.endsWith('heilongjiang-gxt-2022.txt'));
    const { items } = await allPages<LatestFinding>(h, '/findings?year=2022&limit=100');
    const versions = new Set(items.filter((f) => f.reportId === seed[0]!.reportId).map((f) => f.versionId));
    expect([...versions]).toEqual(seed[1]!.findings.length ? [seed[1]!.versionId] : []);
  });
});
