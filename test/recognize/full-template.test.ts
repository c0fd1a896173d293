/**
 * A complete synthetic report of each edition, flattened in each text style, must give back every
 * template cell with its own value.
 */
import { describe, expect, it } from 'vitest';
import { textToDocument } from '../../shared/extract/text.ts';
import { recognize } from '../../shared/recognize/index.ts';
import {
  type Edition,
  SECTION_HEADINGS,
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
  templateCellKeys,
} from '../../shared/report/template.ts';

type Style = 'tab' | 'pipe' | 'lines' | 'spaces';

function build(edition: Edition, style: Style): { text: string; expected: Record<string, number> } {
  const expected: Record<string, number> = {};
  let next = 1;
  const value = (key: string): string => {
    expected[key] = next;
    return String(next++);
  };
  const rows: string[][] = [];
  const out: string[] = [
    `某市某局${edition === '2019' ? 2020 : 2022}年政府信息公开工作年度报告`,
    SECTION_HEADINGS[1],
    '概况。',
    SECTION_HEADINGS[2],
  ];
  const flush = (): void => {
    for (const r of rows) {
      if (style === 'tab') out.push(r.join('\t'));
      else if (style === 'pipe') out.push(`| ${r.join(' | ')} |`);
      else if (style === 'spaces') out.push(r.join(' '));
      else for (const c of r) out.push(c, '');
    }
    rows.length = 0;
  };
  for (const sub of T2[edition]) {
    rows.push([sub.title]);
    rows.push(['信息内容', ...sub.columns.map((c) => c.label)]);
    for (const r of sub.rows) rows.push([r.label, ...sub.columns.map((c) => value(t2Key(r.key, c.key)))]);
  }
  flush();
  out.push(SECTION_HEADINGS[3]);
  rows.push([T3_HEADER_NOTE, '申请人情况']);
  rows.push(['自然人', '法人或其他组织', '总计']);
  rows.push(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  let group = '';
  for (const r of T3_ROWS[edition]) {
    const cells = T3_COLUMNS.map((c) => value(t3Key(r.key, c.key)));
    const g = r.key.includes('.') ? r.key.split('.')[0]! : '';
    const lead: string[] = [];
    if (r.key === 'granted') lead.push('三、本年度办理结果');
    if (g !== group && g !== '') lead.push(T3_GROUP_LABELS[g as keyof typeof T3_GROUP_LABELS]);
    group = g;
    rows.push([...lead, r.label, ...cells]);
  }
  flush();
  out.push(SECTION_HEADINGS[4]);
  rows.push(['行政复议', '行政诉讼']);
  rows.push([...T4_COLUMNS.map((c) => c.label), '未经复议直接起诉', '复议后起诉']);
  rows.push(T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => value(t4Key(g.key, c.key)))));
  flush();
  out.push(SECTION_HEADINGS[5], '问题和改进。', SECTION_HEADINGS[6], '无。');
  return { text: out.join('\n'), expected };
}

describe('a complete report maps every template cell', () => {
  for (const edition of ['2019', '2021'] as const) {
    for (const style of ['tab', 'pipe', 'lines', 'spaces'] as const) {
      it(`${edition} edition, ${style}`, () => {
        const { text, expected } = build(edition, style);
        const r = recognize(textToDocument(text));
        expect(r.edition).toBe(edition);
        expect(Object.keys(expected).sort()).toEqual(templateCellKeys(edition).sort());
        const missing = Object.keys(expected).filter((k) => r.cells[k] !== expected[k]);
        expect(missing).toEqual([]);
        expect(r.cells).toEqual(expected);
        expect(r.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
        for (const t of r.recognition.tables) {
          expect(t).toMatchObject({ missingColumns: [], extraColumns: [], extraRows: [], cut: false });
        }
        expect(r.recognition.tables.map((t) => t.id)).toEqual(
          edition === '2019' ? ['t2.1', 't2.5', 't2.6', 't2.8', 't2.9', 't3', 't4'] : ['t2.1', 't2.5', 't2.6', 't2.8', 't3', 't4'],
        );
        expect(r.recognition.labelVariants).toEqual([]);
        expect(r.recognition.cellIssues).toEqual([]);
      });
    }
  }
});
