/**
 * The year's reports and findings for a spreadsheet (`GET /reports/export`, `nianbao export`):
 * every report of the year as of its latest version, and every finding of those versions, read
 * page by page through the query port. The rows and their Chinese headings are here; writing the
 * file is the workbook renderer's (shared/render/workbook.ts).
 */

import type { Sheet } from '../render/workbook.ts';
import { pushAll } from '../report/arrays.ts';
import { KEY_TOTALS } from '../report/key-totals.ts';
import type { CellValue, Severity } from '../report/model.ts';
import { isRuleId } from '../rules/ids.ts';
import { RULE_TITLES } from '../rules/titles.ts';
import type { ReportQueries } from './ports.ts';
import type { LatestFinding, Page, ReportSummary } from './views.ts';

export interface YearExport {
  year: number;
  reports: ReportSummary[];
  findings: LatestFinding[];
}

const PAGE = 500;

async function allPages<T>(read: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    pushAll(out, page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Every report of the year and the findings of their latest versions. */
export async function collectYear(queries: ReportQueries, year: number): Promise<YearExport> {
  const [reports, findings] = await Promise.all([
    allPages((cursor) => queries.listReports({ year, limit: PAGE, ...(cursor ? { cursor } : {}) })),
    allPages((cursor) => queries.listFindings({ year, limit: PAGE, ...(cursor ? { cursor } : {}) })),
  ]);
  const order = (a: { agency: string | null; reportId: string }, b: { agency: string | null; reportId: string }) =>
    (a.agency ?? '').localeCompare(b.agency ?? '', 'zh') || a.reportId.localeCompare(b.reportId);
  return { year, reports: reports.sort(order), findings: findings.sort((a, b) => order(a, b) || a.seq.localeCompare(b.seq)) };
}

const STATUS: Record<ReportSummary['status'], string> = { error: '有错误', warning: '有警告', ok: '通过' };
const SEVERITY: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const cell = (v: CellValue | undefined): string | number | null => (v === undefined ? null : v === null ? '空白' : v);

/** The reports sheet: one row per report with its counts and key totals (absent totals empty). */
export function reportsSheet(data: YearExport): Sheet {
  return {
    name: '报告',
    columns: [
      { header: '机构', width: 36 },
      { header: '年度', width: 8 },
      { header: '格式版本', width: 10 },
      { header: '状态', width: 10 },
      { header: '错误', width: 8 },
      { header: '警告', width: 8 },
      { header: '提示', width: 8 },
      ...KEY_TOTALS.map((t) => ({ header: t.label, width: 14 })),
      { header: '文件', width: 40 },
      { header: '处理时间', width: 22 },
      { header: '报告编号', width: 18 },
    ],
    rows: data.reports.map((r) => [
      r.agency,
      r.year,
      r.edition,
      STATUS[r.status],
      r.counts.error,
      r.counts.warning,
      r.counts.info,
      ...KEY_TOTALS.map((t) => cell(r.totals[t.key])),
      r.file.name,
      r.processedAt,
      r.reportId,
    ]),
  };
}

/** The findings sheet: one row per finding of the reports' latest versions. */
export function findingsSheet(data: YearExport): Sheet {
  return {
    name: '检查结果',
    columns: [
      { header: '机构', width: 36 },
      { header: '年度', width: 8 },
      { header: '规则', width: 24 },
      { header: '规则名称', width: 24 },
      { header: '严重程度', width: 10 },
      { header: '单元格', width: 30 },
      { header: '应为', width: 10 },
      { header: '实际', width: 10 },
      { header: '说明', width: 80 },
      { header: '报告编号', width: 18 },
    ],
    rows: data.findings.map((f) => [
      f.agency,
      f.year,
      f.ruleId,
      isRuleId(f.ruleId) ? RULE_TITLES[f.ruleId] : null,
      SEVERITY[f.severity],
      f.cells?.join(' ') ?? null,
      f.expected ?? null,
      f.actual ?? null,
      f.message,
      f.reportId,
    ]),
  };
}
