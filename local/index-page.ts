/**
 * The year's index page (the local stack's `GET /`): the year at a glance (summary.ts) on top, then
 * the year's reports as a table linking to their report pages. Server-rendered, no script; every
 * text from a report escaped.
 */

import { escapeHtml } from '../shared/render/page.ts';
import { PAGE_STYLE } from '../shared/render/page-style.ts';
import type { YearSummary } from '../shared/usecases/summary.ts';
import type { ReportSummary } from '../shared/usecases/views.ts';

const STATUS: Record<ReportSummary['status'], string> = { error: '有错误', warning: '有警告', ok: '通过' };
const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

export interface IndexModel {
  year: number;
  /** The years that have reports, for the year links. */
  years: number[];
  summary: YearSummary;
  reports: ReportSummary[];
  /** The report page's path of a report. */
  viewPath(reportId: string): string;
}

function glance(s: YearSummary, model: IndexModel): string {
  const rules = s.topRules
    .map(
      (r) =>
        `<tr><td class="text"><span class="badge ${r.severity}">${SEVERITY[r.severity]}</span> ${escapeHtml(r.title ?? r.ruleId)} <code>${escapeHtml(r.ruleId)}</code></td><td>${r.reports}</td><td>${r.findings}</td></tr>`,
    )
    .join('');
  const files = new Map(model.reports.map((r) => [r.reportId, r.file.name]));
  const worst = s.mostErrors
    .map(
      (r) =>
        `<li><a href="${escapeHtml(model.viewPath(r.reportId))}">${escapeHtml(r.agency ?? `（未识别机关）${files.get(r.reportId) ?? r.reportId}`)}</a>：错误 ${r.errors}，警告 ${r.warnings}</li>`,
    )
    .join('');
  return `<p>共 ${s.reports} 份报告：<span class="status error">有错误 ${s.byStatus.error}</span> <span class="status warning">有警告 ${s.byStatus.warning}</span> <span class="status ok">通过 ${s.byStatus.ok}</span></p>
<div class="glance"><div><h3>最常见的问题</h3><table class="grid"><tr><th>规则</th><th>报告数</th><th>条数</th></tr>${rules}</table></div>
<div><h3>错误最多的报告</h3><ol>${worst || '<li>无</li>'}</ol></div></div>`;
}

function reportsTable(model: IndexModel): string {
  const rows = model.reports
    .map(
      (r) =>
        `<tr><td class="text"><a href="${escapeHtml(model.viewPath(r.reportId))}">${escapeHtml(r.agency ?? '（未识别机关）')}</a></td><td class="text">${r.edition ?? '—'}</td><td class="text"><span class="status ${r.status}">${STATUS[r.status]}</span></td><td>${r.counts.error}</td><td>${r.counts.warning}</td><td>${r.counts.info}</td><td class="text">${escapeHtml(r.file.name)}</td><td class="text">${escapeHtml(r.processedAt.slice(0, 19).replace('T', ' '))}</td></tr>`,
    )
    .join('');
  return `<table class="grid"><tr><th>机构</th><th>格式版本</th><th>状态</th><th>错误</th><th>警告</th><th>提示</th><th>文件</th><th>处理时间（UTC）</th></tr>${rows}</table>`;
}

/** The index page of one year as one HTML document. */
export function renderIndexPage(model: IndexModel): string {
  const years = model.years.map((y) => (y === model.year ? `<strong>${y}</strong>` : `<a href="/?year=${y}">${y}</a>`)).join(' · ');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${model.year} 年度报告检查概览</title><style>${PAGE_STYLE}
.glance { display: flex; gap: 32px; } .glance > div { flex: 1; } table.grid td.text { text-align: left; }</style></head>
<body><main>
<h1>${model.year} 年度政府信息公开工作年度报告检查概览</h1>
<p>年度：${years || model.year}　下载：<a href="/reports/export?year=${model.year}">Excel（报告与检查结果）</a> · <a href="/reports/export?year=${model.year}&amp;format=csv&amp;sheet=findings">检查结果 CSV</a></p>
${glance(model.summary, model)}
<h2>全部报告（${model.reports.length}）</h2>
${model.reports.length ? reportsTable(model) : '<p>本年度还没有报告。</p>'}
<footer>nianbao · 本地环境</footer>
</main></body></html>
`;
}
