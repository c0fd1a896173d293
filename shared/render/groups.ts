/**
 * Findings grouped the way a reviewer reads them: one group per rule and table (per rule when a
 * finding names no cell), errors first, then warnings, then info; inside a severity, in catalogue
 * order. Used by the email and the report page, so both show the same groups.
 */
import type { Finding, Severity } from '../report/model.ts';
import { SEVERITY_ORDER } from '../report/model.ts';
import { isRuleId, RULE_IDS } from '../rules/ids.ts';
import { RULE_TITLES } from '../rules/titles.ts';

/** Findings of one rule on one table (or on no table). */
export interface FindingGroup<F extends Finding = Finding> {
  ruleId: string;
  severity: Severity;
  /** `表二`, `表三`, `表四`, or '' when the findings name no cell. */
  table: string;
  /** The rule's Chinese title ('' for an unknown id). */
  title: string;
  findings: F[];
}

const TABLES: Record<string, string> = { s2: '表二', s3: '表三', s4: '表四' };
const ORDER = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));

/** The table a finding is about, from its first cell. */
export function tableOf(f: Finding): string {
  const prefix = f.cells?.[0]?.split('.')[0];
  return prefix ? (TABLES[prefix] ?? '') : '';
}

/**
 * Groups findings by severity, rule and table, keeping each group's findings in their order.
 * @param findings - findings, or objects carrying one (`pick` reads the finding)
 */
export function groupFindings<F>(items: readonly F[], pick: (item: F) => Finding): FindingGroup<Finding & { item: F }>[] {
  const groups = new Map<string, FindingGroup<Finding & { item: F }>>();
  for (const item of items) {
    const f = pick(item);
    const table = tableOf(f);
    const key = `${f.severity}|${f.ruleId}|${table}`;
    let g = groups.get(key);
    if (!g) {
      const title = isRuleId(f.ruleId) ? RULE_TITLES[f.ruleId] : '';
      groups.set(key, (g = { ruleId: f.ruleId, severity: f.severity, table, title, findings: [] }));
    }
    g.findings.push({ ...f, item });
  }
  const rank = (g: FindingGroup<unknown & Finding>) => [SEVERITY_ORDER.indexOf(g.severity), ORDER.get(g.ruleId) ?? RULE_IDS.length];
  return [...groups.values()].sort((a, b) => {
    const [sa, ra] = rank(a);
    const [sb, rb] = rank(b);
    return sa! - sb! || ra! - rb!;
  });
}

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** A message that starts with the rule's title (`文件已损坏或无法读取：…`) without it: the heading already says it once. */
const withoutTitle = (message: string, title: string) =>
  title && message.startsWith(`${title}：`) ? message.slice(title.length + 1) : message;

/** A group's heading: rule id, title, and the table and count when there are several. */
export function groupHeading(g: FindingGroup): string {
  const count = g.findings.length > 1 ? `（${g.table ? `${g.table}，` : ''}${g.findings.length} 处）` : '';
  return `[${g.ruleId}]${g.title ? ` ${g.title}` : ''}${count}`;
}

/**
 * One line for a group: the rule id, its title, and the findings' messages (the first few, then
 * how many more), each with its suspect cell and source line where it has one.
 * @param most - how many messages to quote before summarizing
 */
export function groupLine(g: FindingGroup, most = 4): string {
  const where = (f: Finding) =>
    `${f.suspect ? `（可疑单元格：${f.suspect}）` : ''}${f.source?.line ? `（第 ${f.source.line} 行）` : f.source?.page ? `（第 ${f.source.page} 页）` : ''}`;
  const quoted = g.findings.slice(0, most).map((f) => `${withoutTitle(oneLine(f.message), g.title)}${where(f)}`);
  const more = g.findings.length > most ? `……另有 ${g.findings.length - most} 处` : '';
  return `${groupHeading(g)}：${quoted.join(' ')}${more}`;
}

/** One line summing up findings that need no action: their count and rule ids with counts. */
export function summaryLine(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  const ids = [...counts].sort((a, b) => (ORDER.get(a[0]) ?? 0) - (ORDER.get(b[0]) ?? 0));
  return ids.map(([id, n]) => (n > 1 ? `${id} ×${n}` : id)).join('、');
}
