/**
 * The message for one processed upload: an ASCII SNS subject, a Chinese email body, a JSON
 * payload for machine subscribers, and message attributes for filter policies. The email groups
 * the findings of one rule on one table into one line (groups.ts); the message is kept under the
 * SNS limit by listing fewer groups (whole lines only).
 */
import { pushAll } from '../report/arrays.ts';
import type { Finding, Severity } from '../report/model.ts';
import { SEVERITY_ORDER } from '../report/model.ts';
import type { Status } from '../report/status.ts';
import { groupFindings, groupLine, summaryLine } from './groups.ts';

export type Change = 'new' | 'unchanged';

/** What the pipeline hands to a notifier. */
export interface ProcessedUpload {
  reportId: string;
  versionId: string;
  agency: string | null;
  year: number | null;
  identified: boolean;
  bucket: string;
  objectKey: string;
  fileName: string;
  status: Status;
  counts: Record<Severity, number>;
  findings: { finding: Finding; change: Change }[];
  /** Findings of the previous version that are gone. */
  resolved: Finding[];
  /** The version compared with; absent for a first version. */
  previousVersionId?: string;
  /** Set when this is a re-evaluation of a stored report (no upload): why it was re-evaluated. */
  evaluation?: UploadEvaluation;
}

/** Why a stored report was evaluated again without a new upload. */
export interface UploadEvaluation {
  kind: 'previous-year' | 'revalidate';
  /** previous-year: the report of year − 1 whose later arrival triggered it. */
  triggeredBy?: { reportId: string; versionId: string; year: number };
  rulesetVersion?: string;
}

/** The Chinese sentence saying why a report was re-evaluated. */
export function evaluationReason(e: UploadEvaluation): string {
  if (e.kind === 'previous-year' && e.triggeredBy) {
    return `本报告已入库，其上一年度（${e.triggeredBy.year} 年）报告（编号 ${e.triggeredBy.reportId}）随后才入库，已对照该报告重新检查本报告（跨年度核对，未重新读取文件）。`;
  }
  return `检查规则已更新${e.rulesetVersion ? `（规则版本 ${e.rulesetVersion}）` : ''}，已按新规则重新检查本报告（未重新读取文件）。`;
}

export interface RenderOptions {
  /** Base URL of the HTTP API (e.g. https://abc.execute-api…/prod); a path is shown when absent. */
  apiUrl?: string;
  /** True when the API needs signed (IAM) requests: the email then shows the `nianbao view` command. */
  signedApi?: boolean;
  /** Most groups listed per severity before summarizing. */
  perSeverity?: number;
  /** Budget for the whole SNS message (body + attributes + subject), in bytes. */
  maxBytes?: number;
}

export interface PlainEmail {
  subject: string;
  text: string;
}

export interface SnsMessage {
  Subject: string;
  Message: string;
  MessageStructure: 'json';
  MessageAttributes: Record<string, { DataType: 'String' | 'Number' | 'String.Array'; StringValue: string }>;
}

/** SNS allows 256 KB for the whole message; keep a margin. */
export const SNS_MAX_BYTES = 256 * 1024;
const DEFAULT_BUDGET = SNS_MAX_BYTES - 6 * 1024;
const DEFAULT_PER_SEVERITY = 50;
const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The worst severity of the findings, or `none`. */
export function worstSeverity(counts: Record<Severity, number>): Severity | 'none' {
  return SEVERITY_ORDER.find((s) => counts[s] > 0) ?? 'none';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** ASCII only, one line, under 100 characters. */
export function renderSubject(upload: ProcessedUpload): string {
  const report = upload.identified && upload.year !== null ? `${upload.year} report` : 'unidentified upload';
  const what = upload.evaluation ? `${report} re-evaluated` : report;
  const parts = [
    upload.counts.error > 0 ? plural(upload.counts.error, 'error') : '',
    upload.counts.warning > 0 ? plural(upload.counts.warning, 'warning') : '',
  ].filter(Boolean);
  const summary = parts.length > 0 ? parts.join(', ') : 'no problems';
  const subject = `[nianbao] ${what}: ${summary} (id ${upload.reportId})`;
  // Every part is ASCII by construction (ids are URL-safe); this is a guard, not a transformation.
  return subject.replace(/[^\x20-\x7e]/g, '?').slice(0, 99);
}

/** Text from the upload (key, agency) on one line of the body: control characters shown as `\xNN`, never a line break of their own. */
export function printable(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : c;
  }
  return out;
}

const ACTION: Partial<Record<Severity, string>> = { error: '请先修改以下错误', warning: '请核实以下警告' };

/** How a reviewer opens the report page: its address locally, the signing command in AWS. */
function viewLines(upload: ProcessedUpload, options: RenderOptions): string[] {
  const path = `/reports/${upload.reportId}/view`;
  const base = options.apiUrl?.replace(/\/+$/, '');
  if (base && options.signedApi) {
    return [
      '查看报告页面（表格中标出有问题的单元格）：',
      `npx nianbao view ${upload.reportId} --api ${base}`,
      '（接口需要 AWS 签名请求，该命令用您的 AWS 凭证签名并在浏览器中打开页面）',
    ];
  }
  return ['查看报告页面（表格中标出有问题的单元格）：', base ? `${base}${path}` : `GET ${path}`];
}

/** The Chinese email body: errors, then warnings, each grouped by rule and table; info as one line. */
export function renderEmailText(upload: ProcessedUpload, options: RenderOptions = {}, perSeverity?: number): string {
  const limit = perSeverity ?? options.perSeverity ?? DEFAULT_PER_SEVERITY;
  const lines: string[] = ['政府信息公开工作年度报告检查结果', ''];
  lines.push(`机关：${upload.agency === null ? '未能识别' : printable(upload.agency)}    年度：${upload.year ?? '未能识别'}`);
  lines.push(`文件：${printable(upload.objectKey)}（存储桶 ${upload.bucket}）`);
  if (!upload.identified) lines.push('说明：未能确定报告的机关和年度，本次上传按文件保存为“未识别”报告。');
  if (upload.evaluation) lines.push(`重新检查：${evaluationReason(upload.evaluation)}`);
  const c = upload.counts;
  const newCount = upload.findings.filter((f) => f.change === 'new').length;
  const versus = upload.previousVersionId
    ? `与上一版本相比：新增 ${newCount} 条，已解决 ${upload.resolved.length} 条，未变 ${upload.findings.length - newCount} 条。`
    : '这是该报告的第一个版本。';
  lines.push(`结果：错误 ${c.error} 条，警告 ${c.warning} 条，提示 ${c.info} 条。${versus}`);
  const groups = groupFindings(upload.findings, (f) => f.finding);
  for (const severity of ['error', 'warning'] as const) {
    const list = groups.filter((g) => g.severity === severity);
    if (list.length === 0) continue;
    lines.push('', `${ACTION[severity]}（${c[severity]} 条，归并为 ${list.length} 项）：`);
    for (const [i, g] of list.slice(0, limit).entries()) {
      const added = upload.previousVersionId ? g.findings.filter((f) => f.item.change === 'new').length : 0;
      lines.push(`${i + 1}. ${groupLine(g)}${added > 0 ? ` 【新增 ${added} 条】` : ''}`);
    }
    if (list.length > limit) lines.push(`……另有 ${list.length - limit} 项，见报告页面`);
  }
  const info = upload.findings.filter((f) => f.finding.severity === 'info').map((f) => f.finding);
  if (info.length > 0) lines.push('', `${SEVERITY_ZH.info} ${info.length} 条（供参考，不必修改）：${summaryLine(info)}`);
  if (upload.resolved.length > 0) lines.push('', `已解决 ${upload.resolved.length} 条（与上一版本相比）：${summaryLine(upload.resolved)}`);
  lines.push('');
  pushAll(lines, viewLines(upload, options));
  lines.push(`报告编号：${upload.reportId}；版本：${upload.versionId}`);
  return `${lines.join('\n')}\n`;
}

/** The JSON payload for machine subscribers (same limit per severity as the email). */
export function renderPayload(upload: ProcessedUpload, options: RenderOptions = {}, perSeverity?: number): string {
  const limit = perSeverity ?? options.perSeverity ?? DEFAULT_PER_SEVERITY;
  const findings: (Finding & { change: Change })[] = [];
  const omitted: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const severity of SEVERITY_ORDER) {
    const list = upload.findings.filter((f) => f.finding.severity === severity);
    pushAll(
      findings,
      list.slice(0, limit).map((f) => ({ ...f.finding, change: f.change })),
    );
    omitted[severity] = Math.max(0, list.length - limit);
  }
  const newCount = upload.findings.filter((f) => f.change === 'new').length;
  return JSON.stringify({
    type: 'nianbao.report.processed',
    reportId: upload.reportId,
    versionId: upload.versionId,
    previousVersionId: upload.previousVersionId ?? null,
    agency: upload.agency,
    year: upload.year,
    identified: upload.identified,
    file: { bucket: upload.bucket, key: upload.objectKey, name: upload.fileName },
    ...(upload.evaluation ? { evaluation: { ...upload.evaluation, reason: evaluationReason(upload.evaluation) } } : {}),
    status: upload.status,
    severity: worstSeverity(upload.counts),
    counts: upload.counts,
    diff: { new: newCount, resolved: upload.resolved.length, unchanged: upload.findings.length - newCount },
    findings,
    omitted,
    resolved: upload.resolved.slice(0, limit),
    resolvedOmitted: Math.max(0, upload.resolved.length - limit),
    api: {
      method: 'GET',
      path: `/reports/${upload.reportId}`,
      ...(options.apiUrl ? { url: `${options.apiUrl.replace(/\/+$/, '')}/reports/${upload.reportId}` } : {}),
      view: `/reports/${upload.reportId}/view`,
    },
  });
}

function attributes(upload: ProcessedUpload): SnsMessage['MessageAttributes'] {
  const attrs: SnsMessage['MessageAttributes'] = {
    severity: { DataType: 'String', StringValue: worstSeverity(upload.counts) },
    ruleIds: {
      DataType: 'String.Array',
      StringValue: JSON.stringify([...new Set(upload.findings.map((f) => f.finding.ruleId))].sort()),
    },
  };
  if (upload.year !== null) attrs.year = { DataType: 'Number', StringValue: String(upload.year) };
  if (upload.agency) attrs.agency = { DataType: 'String', StringValue: upload.agency };
  return attrs;
}

function messageSize(m: SnsMessage): number {
  let size = bytes(m.Subject) + bytes(m.Message);
  for (const [name, a] of Object.entries(m.MessageAttributes)) size += bytes(name) + bytes(a.DataType) + bytes(a.StringValue);
  return size;
}

/** The SNS Publish input (without TopicArn), summarized until it fits the budget. */
export function renderSns(upload: ProcessedUpload, options: RenderOptions = {}): SnsMessage {
  const budget = options.maxBytes ?? DEFAULT_BUDGET;
  const start = options.perSeverity ?? DEFAULT_PER_SEVERITY;
  const limits = [start, ...[20, 10, 5, 2, 1, 0].filter((n) => n < start)];
  let message: SnsMessage | undefined;
  for (const limit of limits) {
    message = {
      Subject: renderSubject(upload),
      Message: JSON.stringify({ default: renderPayload(upload, options, limit), email: renderEmailText(upload, options, limit) }),
      MessageStructure: 'json',
      MessageAttributes: attributes(upload),
    };
    if (messageSize(message) <= budget) return message;
  }
  return message!;
}

/** The plain email (subject + text) the SNS email subscription and the local SMTP notifier send. */
export function renderEmail(upload: ProcessedUpload, options: RenderOptions = {}): PlainEmail {
  const json = JSON.parse(renderSns(upload, options).Message) as { email: string };
  return { subject: renderSubject(upload), text: json.email };
}
