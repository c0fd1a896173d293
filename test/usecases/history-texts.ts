/**
 * Report files for the history tests: a Report of the test factory (or a year pair of
 * test/rules/history/pairs.ts) written out as a plain-text report in the tab style that
 * recognition reads back cell for cell (the layout of test/recognize/full-template.test.ts).
 */
import type { Report } from '../../shared/report/model.ts';
import {
  SECTION_HEADINGS,
  type SectionNumber,
  T2,
  T3_COLUMNS,
  T3_GROUP_LABELS,
  T3_HEADER_NOTE,
  T3_ROWS,
  T4_COLUMNS,
  T4_GROUPS,
  t2Key,
  t3Key,
  t4Key,
} from '../../shared/report/template.ts';

const cell = (report: Report, key: string): string => {
  const v = report.cells[key];
  return v === null || v === undefined ? '' : String(v);
};

const text = (report: Report, n: SectionNumber): string => report.sections.find((s) => s.number === n)?.text ?? '';

/** The report as a tab-separated text file (title, preamble, six sections, tables 二 三 四). */
export function reportText(report: Report): string {
  if (!report.edition) throw new Error('reportText needs an edition');
  const edition = report.edition;
  const out: string[] = [report.title ?? `${report.agency}${report.year}年政府信息公开工作年度报告`];
  if (report.recognition.preamble) out.push(report.recognition.preamble);
  out.push(SECTION_HEADINGS[1], text(report, 1), SECTION_HEADINGS[2]);
  for (const sub of T2[edition]) {
    out.push(sub.title);
    out.push(['信息内容', ...sub.columns.map((c) => c.label)].join('\t'));
    for (const r of sub.rows) out.push([r.label, ...sub.columns.map((c) => cell(report, t2Key(r.key, c.key)))].join('\t'));
  }
  out.push(SECTION_HEADINGS[3]);
  out.push([T3_HEADER_NOTE, '申请人情况'].join('\t'));
  out.push(['自然人', '法人或其他组织', '总计'].join('\t'));
  out.push(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].join('\t'));
  let group = '';
  for (const r of T3_ROWS[edition]) {
    const g = r.key.includes('.') ? r.key.split('.')[0]! : '';
    const lead: string[] = [];
    if (r.key === 'granted') lead.push('三、本年度办理结果');
    if (g !== group && g !== '') lead.push(T3_GROUP_LABELS[g as keyof typeof T3_GROUP_LABELS]);
    group = g;
    out.push([...lead, r.label, ...T3_COLUMNS.map((c) => cell(report, t3Key(r.key, c.key)))].join('\t'));
  }
  out.push(SECTION_HEADINGS[4]);
  out.push(['行政复议', '行政诉讼'].join('\t'));
  out.push([...T4_COLUMNS.map((c) => c.label), '未经复议直接起诉', '复议后起诉'].join('\t'));
  out.push(T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => cell(report, t4Key(g.key, c.key)))).join('\t'));
  out.push(SECTION_HEADINGS[5], text(report, 5), SECTION_HEADINGS[6], text(report, 6));
  return `${out.join('\n')}\n`;
}

export const bytesOf = (report: Report): Uint8Array => new TextEncoder().encode(reportText(report));
