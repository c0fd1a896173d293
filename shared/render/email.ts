/**
 * The message for one processed upload: an ASCII SNS subject, a Chinese email body, a JSON
 * payload for machine subscribers, and message attributes for filter policies. Kept under the
 * SNS limit by listing only the first findings of each severity (whole lines only).
 */
import type { Finding, Severity } from '../report/model.ts';
import { SEVERITY_ORDER } from '../report/model.ts';
import type { Status } from '../report/status.ts';
import { CATALOGUE, isRuleId } from '../rules/catalogue.ts';

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
  /** Most findings listed per severity before summarizing. */
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

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

function findingLine(index: number, f: Finding, change?: Change | 'resolved'): string {
  const title = isRuleId(f.ruleId) ? CATALOGUE[f.ruleId].title : '';
  let line = `${index}. [${f.ruleId}]${title ? ` ${title}：` : ' '}${oneLine(f.message)}`;
  if (f.suspect) line += `（可疑单元格：${f.suspect}）`;
  if (f.source?.line) line += `（第 ${f.source.line} 行）`;
  else if (f.source?.page) line += `（第 ${f.source.page} 页）`;
  if (change === 'new') line += ' 【新增】';
  return line;
}

function apiLine(upload: ProcessedUpload, apiUrl?: string): string {
  const path = `/reports/${upload.reportId}`;
  return apiUrl ? `GET ${apiUrl.replace(/\/+$/, '')}${path}` : `GET ${path}`;
}

/** The Chinese email body, listing at most `perSeverity` findings of each severity. */
export function renderEmailText(upload: ProcessedUpload, options: RenderOptions = {}, perSeverity?: number): string {
  const limit = perSeverity ?? options.perSeverity ?? DEFAULT_PER_SEVERITY;
  const lines: string[] = ['政府信息公开工作年度报告检查结果', ''];
  lines.push(`机关：${upload.agency ?? '未能识别'}`);
  lines.push(`年度：${upload.year ?? '未能识别'}`);
  lines.push(`文件：${upload.objectKey}（存储桶 ${upload.bucket}）`);
  if (!upload.identified) lines.push('说明：未能确定报告的机关和年度，本次上传按文件保存为“未识别”报告。');
  if (upload.evaluation) lines.push(`重新检查：${evaluationReason(upload.evaluation)}`);
  const c = upload.counts;
  lines.push(`结果：错误 ${c.error} 条，警告 ${c.warning} 条，提示 ${c.info} 条`);
  const newCount = upload.findings.filter((f) => f.change === 'new').length;
  if (upload.previousVersionId) {
    const unchanged = upload.findings.length - newCount;
    lines.push(`与上一版本相比：新增 ${newCount} 条，已解决 ${upload.resolved.length} 条，未变 ${unchanged} 条`);
  } else {
    lines.push('这是该报告的第一个版本。');
  }
  for (const severity of SEVERITY_ORDER) {
    const list = upload.findings.filter((f) => f.finding.severity === severity);
    if (list.length === 0) continue;
    lines.push('', `${SEVERITY_ZH[severity]}（${list.length} 条）`);
    for (const [i, f] of list.slice(0, limit).entries())
      lines.push(findingLine(i + 1, f.finding, upload.previousVersionId ? f.change : undefined));
    if (list.length > limit) lines.push(`…及另外 ${list.length - limit} 条`);
  }
  if (upload.resolved.length > 0) {
    lines.push('', `已解决（与上一版本相比，${upload.resolved.length} 条）`);
    for (const [i, f] of upload.resolved.slice(0, limit).entries()) lines.push(findingLine(i + 1, f));
    if (upload.resolved.length > limit) lines.push(`…及另外 ${upload.resolved.length - limit} 条`);
  }
  lines.push('', '查询完整结果：', apiLine(upload, options.apiUrl));
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
    findings.push(...list.slice(0, limit).map((f) => ({ ...f.finding, change: f.change })));
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
      ...(options.apiUrl ? { url: apiLine(upload, options.apiUrl).slice(4) } : {}),
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
