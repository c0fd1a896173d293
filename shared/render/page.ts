/**
 * The report page: one report version as a reviewer thinks of it — the template's tables redrawn
 * with the values read, every cell a finding names marked by severity (its rule ids and messages
 * on hover and in a footnote), absent cells shown as absent; the six sections' prose with the
 * stated numbers that disagree with a table highlighted; the findings grouped as in the email;
 * the other versions, with new and resolved findings. Server-rendered HTML, no script; every
 * text that comes from the report is escaped.
 */
import type { CellValue, Finding, Severity } from '../report/model.ts';
import { SEVERITY_ORDER } from '../report/model.ts';
import type { Status } from '../report/status.ts';
import { type Edition, T2, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS } from '../report/template.ts';
import { rowName } from '../rules/labels.ts';
import { groupFindings, groupHeading } from './groups.ts';
import { PAGE_STYLE } from './page-style.ts';

/** One finding on the page; `change` is set when the version is compared with a previous one. */
export type PageFinding = Finding & { change?: 'new' | 'unchanged' };

/** Another version of the same report, linked from the page. */
export interface PageVersion {
  versionId: string;
  processedAt: string;
  status: Status;
  counts: Record<Severity, number>;
  diff: { new: number; resolved: number };
  href: string;
  current: boolean;
  latest: boolean;
}

/** Everything the page shows. */
export interface PageModel {
  agency: string | null;
  year: number | null;
  edition: Edition | null;
  title: string | null;
  fileName: string;
  status: Status;
  counts: Record<Severity, number>;
  /** The version shown (absent for a file checked by the CLI). */
  version?: { id: string; processedAt: string; latest: boolean; reportId: string };
  versions?: PageVersion[];
  sections: { number: number; heading: string; text: string }[];
  cells: Record<string, CellValue>;
  findings: PageFinding[];
  resolved: Finding[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STATUS_ZH: Record<Status, string> = { error: '有错误', warning: '有警告', ok: '未发现问题' };
const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const NUMERALS = ['', '一', '二', '三', '四', '五', '六'];

/** Footnote numbers of the findings, and the findings naming each cell. */
function index(findings: readonly PageFinding[]) {
  const number = new Map<PageFinding, number>();
  const byCell = new Map<string, PageFinding[]>();
  groupFindings(findings, (f) => f).forEach((g) => {
    for (const f of g.findings) number.set(f.item, number.size + 1);
  });
  for (const f of findings) for (const key of f.cells ?? []) byCell.set(key, [...(byCell.get(key) ?? []), f]);
  return { number, byCell };
}
type Index = ReturnType<typeof index>;

function valueText(value: CellValue | undefined): { text: string; cls: string } {
  if (value === undefined) return { text: '未读到', cls: 'absent' };
  if (value === null) return { text: '空白', cls: 'blank' };
  if (value === '/') return { text: '/', cls: 'na' };
  return { text: String(value), cls: 'num' };
}

function cell(key: string, model: PageModel, idx: Index): string {
  const { text, cls } = valueText(Object.hasOwn(model.cells, key) ? model.cells[key] : undefined);
  const named = idx.byCell.get(key) ?? [];
  const worst = SEVERITY_ORDER.find((s) => named.some((f) => f.severity === s));
  const suspect = named.some((f) => f.suspect === key);
  const classes = [cls, worst ? `mark-${worst}` : '', suspect ? 'suspect' : ''].filter(Boolean).join(' ');
  const title = named.map((f) => `[${f.ruleId}] ${f.message}`).join('\n');
  const notes = named.slice(0, 3).map((f) => `<a href="#f${idx.number.get(f)}">${idx.number.get(f)}</a>`);
  if (named.length > 3) notes.push('…');
  const sup = notes.length > 0 ? `<sup>${notes.join(',')}</sup>` : '';
  const flag = suspect ? '<span class="flag">可疑</span>' : '';
  return `<td class="${classes}" data-key="${escapeHtml(key)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${flag}${escapeHtml(text)}${sup}</td>`;
}

function grid(
  caption: string,
  columns: readonly { label: string }[],
  rows: { label: string; keys: string[] }[],
  model: PageModel,
  idx: Index,
) {
  const head = `<tr><th></th>${columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr><th class="row">${escapeHtml(r.label)}</th>${r.keys.map((k) => cell(k, model, idx)).join('')}</tr>`);
  return `<table class="grid"><caption>${escapeHtml(caption)}</caption>${head}${body.join('')}</table>`;
}

function tables(model: PageModel, idx: Index): string {
  const edition = model.edition;
  if (edition === null) return '<p class="none">未能确定格式版本，无法按模板绘制表格。</p>';
  const out: string[] = ['<h2>表二　主动公开政府信息情况</h2>'];
  for (const t of T2[edition]) {
    const rows = t.rows.map((r) => ({ label: r.label, keys: t.columns.map((c) => `s2.${r.key}.${c.key}`) }));
    out.push(grid(t.title, t.columns, rows, model, idx));
  }
  out.push('<h2>表三　收到和处理政府信息公开申请情况</h2>');
  const t3 = T3_ROWS[edition].map((r) => ({ label: rowName('t3', r.key, edition), keys: T3_COLUMNS.map((c) => `s3.${r.key}.${c.key}`) }));
  out.push(grid(`${edition} 年版格式`, T3_COLUMNS, t3, model, idx));
  out.push('<h2>表四　政府信息公开行政复议、行政诉讼情况</h2>');
  const t4 = T4_GROUPS.map((g) => ({ label: g.label, keys: T4_COLUMNS.map((c) => `s4.${g.key}.${c.key}`) }));
  out.push(grid('', T4_COLUMNS, t4, model, idx));
  return out.join('\n');
}

/** The quoted phrases of the prose-versus-table findings, marked where they occur in a text. */
function highlighted(text: string, findings: readonly PageFinding[], idx: Index): string {
  const spans: { start: number; end: number; f: PageFinding }[] = [];
  const normalized = text.normalize('NFKC');
  const comparable = normalized.length === text.length;
  for (const f of findings) {
    const quote = /正文称“(.+?)”（/.exec(f.message)?.[1];
    if (!quote) continue;
    let at = text.indexOf(quote);
    if (at < 0 && comparable) at = normalized.indexOf(quote);
    if (at >= 0 && !spans.some((s) => at < s.end && at + quote.length > s.start)) spans.push({ start: at, end: at + quote.length, f });
  }
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const s of spans) {
    const n = idx.number.get(s.f);
    out += `${escapeHtml(text.slice(pos, s.start))}<mark class="mark-${s.f.severity}" title="${escapeHtml(s.f.message)}">${escapeHtml(text.slice(s.start, s.end))}<sup><a href="#f${n}">${n}</a></sup></mark>`;
    pos = s.end;
  }
  return out + escapeHtml(text.slice(pos));
}

function prose(model: PageModel, idx: Index): string {
  const stated = model.findings.filter((f) => f.ruleId === 'T-NUM-TEXT-TABLE');
  const parts = [1, 2, 3, 4, 5, 6].map((n) => {
    const s = model.sections.find((x) => x.number === n);
    if (!s) return `<section><h3>${NUMERALS[n]}、（未找到本部分）</h3></section>`;
    const paragraphs = s.text.split(/\n+/).filter((p) => p.trim() !== '');
    return `<section><h3>${escapeHtml(s.heading)}</h3>${paragraphs.map((p) => `<p>${highlighted(p, stated, idx)}</p>`).join('')}</section>`;
  });
  return `<h2>正文（六个部分）</h2>\n${parts.join('\n')}`;
}

function findingsList(model: PageModel, idx: Index): string {
  const groups = groupFindings(model.findings, (f) => f);
  if (groups.length === 0) return '<h2>检查结果</h2><p>未发现问题。</p>';
  const items = groups.map((g) => {
    const notes = g.findings
      .map(
        (f) =>
          `<li id="f${idx.number.get(f.item)}" class="mark-${f.severity}">${idx.number.get(f.item)}. ${escapeHtml(f.message)}${f.item.change === 'new' ? ' <span class="new">新增</span>' : ''}</li>`,
      )
      .join('');
    return `<li class="group"><span class="badge ${g.severity}">${SEVERITY_ZH[g.severity]}</span> ${escapeHtml(groupHeading(g))}<ol>${notes}</ol></li>`;
  });
  const resolved =
    model.resolved.length > 0
      ? `<h3>已解决（与上一版本相比）</h3><ul>${model.resolved.map((f) => `<li class="resolved">[${escapeHtml(f.ruleId)}] ${escapeHtml(f.message)}</li>`).join('')}</ul>`
      : '';
  return `<h2>检查结果（按规则与表格归并）</h2><ul class="findings">${items.join('')}</ul>${resolved}`;
}

function header(model: PageModel): string {
  const c = model.counts;
  const rows: [string, string][] = [
    ['机关', model.agency ?? '未能识别'],
    ['年度', model.year === null ? '未能识别' : String(model.year)],
    ['格式版本', model.edition ? `${model.edition} 年版` : '未能确定'],
    ['文件', model.fileName],
  ];
  if (model.version)
    rows.push(['版本', `${model.version.id}${model.version.latest ? '（最新）' : ''}`], ['处理时间', model.version.processedAt]);
  const meta = rows.map(([k, v]) => `<tr><th>${k}</th><td>${escapeHtml(v)}</td></tr>`).join('');
  const status = `<p class="status ${model.status}">${STATUS_ZH[model.status]}：错误 ${c.error} 条，警告 ${c.warning} 条，提示 ${c.info} 条</p>`;
  return `<h1>${escapeHtml(model.title ?? '政府信息公开工作年度报告')}</h1>${status}<table class="meta">${meta}</table>`;
}

function versions(model: PageModel): string {
  if (!model.versions || model.versions.length < 2) return '';
  const items = model.versions.map((v) => {
    const label = `${escapeHtml(v.processedAt)} · 错误 ${v.counts.error} · 警告 ${v.counts.warning} · 新增 ${v.diff.new} · 已解决 ${v.diff.resolved}${v.latest ? ' · 最新' : ''}`;
    return v.current ? `<li><strong>${label}（本页）</strong></li>` : `<li><a href="${escapeHtml(v.href)}">${label}</a></li>`;
  });
  return `<h2>各版本</h2><ul class="versions">${items.join('')}</ul>`;
}

const LEGEND = `<p class="legend">图例：<span class="mark-error">错误</span> <span class="mark-warning">警告</span> <span class="mark-info">提示</span> <span class="absent">未读到（文件中没有或无法确定）</span> <span class="blank">空白</span> <span class="suspect-legend">可疑单元格（改正它即可使各项勾稽关系成立）</span>　鼠标悬停在单元格上可查看问题说明，上标数字链接到下方的检查结果。</p>`;

/**
 * The report page as one HTML document (UTF-8, no script).
 * @param model - the report version and its findings
 */
export function renderReportPage(model: PageModel): string {
  const idx = index(model.findings);
  const title = `${model.agency ?? '未识别机关'} ${model.year ?? ''} 年度报告检查结果`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head>
<body><main>
${header(model)}
${versions(model)}
${findingsList(model, idx)}
${LEGEND}
${tables(model, idx)}
${prose(model, idx)}
<footer>nianbao · 规则编号见 docs/rules.md</footer>
</main></body></html>
`;
}
