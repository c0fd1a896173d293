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

type Value = string | number | null;
/** A column: its Chinese heading, its width, and its value for one item (heading and value side by side). */
interface Column<T> {
  header: string;
  width: number;
  value: (item: T) => Value;
}

function sheetOf<T>(name: string, columns: readonly Column<T>[], items: readonly T[]): Sheet {
  return {
    name,
    columns: columns.map((c) => ({ header: c.header, width: c.width })),
    rows: items.map((item) => columns.map((c) => c.value(item))),
  };
}

type ReportRow = YearExport['reports'][number];
type FindingRow = YearExport['findings'][number];

const REPORT_COLUMNS: readonly Column<ReportRow>[] = [
  { header: '机构', width: 36, value: (r) => r.agency },
  { header: '年度', width: 8, value: (r) => r.year },
  { header: '格式版本', width: 10, value: (r) => r.edition },
  { header: '状态', width: 10, value: (r) => STATUS[r.status] },
  { header: '错误', width: 8, value: (r) => r.counts.error },
  { header: '警告', width: 8, value: (r) => r.counts.warning },
  { header: '提示', width: 8, value: (r) => r.counts.info },
  ...KEY_TOTALS.map((t) => ({ header: t.label, width: 14, value: (r: ReportRow) => cell(r.totals[t.key]) })),
  { header: '文件', width: 40, value: (r) => r.file.name },
  { header: '处理时间', width: 22, value: (r) => r.processedAt },
  { header: '报告编号', width: 18, value: (r) => r.reportId },
];

const FINDING_COLUMNS: readonly Column<FindingRow>[] = [
  { header: '机构', width: 36, value: (f) => f.agency },
  { header: '年度', width: 8, value: (f) => f.year },
  { header: '规则', width: 24, value: (f) => f.ruleId },
  { header: '规则名称', width: 24, value: (f) => (isRuleId(f.ruleId) ? RULE_TITLES[f.ruleId] : null) },
  { header: '严重程度', width: 10, value: (f) => SEVERITY[f.severity] },
  { header: '单元格', width: 30, value: (f) => f.cells?.join(' ') ?? null },
  { header: '应为', width: 10, value: (f) => f.expected ?? null },
  { header: '实际', width: 10, value: (f) => f.actual ?? null },
  { header: '说明', width: 80, value: (f) => f.message },
  { header: '报告编号', width: 18, value: (f) => f.reportId },
];

/** The reports sheet: one row per report with its counts and key totals (absent totals empty). */
export function reportsSheet(data: YearExport): Sheet {
  return sheetOf('报告', REPORT_COLUMNS, data.reports);
}

/** The findings sheet: one row per finding of the reports' latest versions. */
export function findingsSheet(data: YearExport): Sheet {
  return sheetOf('检查结果', FINDING_COLUMNS, data.findings);
}
