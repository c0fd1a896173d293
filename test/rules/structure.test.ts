import { describe, expect, it } from 'vitest';
import type { Report } from '../../shared/report/model.ts';
import { T3_ROWS, t3Key } from '../../shared/report/template.ts';
import { makeReport, withCells, withoutCells, withRecognition, withReport, withSection } from '../support/report-factory.ts';
import { checkCase, num, type RuleCase, run } from './helpers.ts';

const r21 = makeReport({ seed: 21, edition: '2021', year: 2022 });

function tables(report: Report, edit: (t: Report['recognition']['tables'][number]) => void, id: string): Report {
  const out = structuredClone(report);
  const t = out.recognition.tables.find((x) => x.id === id);
  if (t) edit(t);
  return out;
}
function withoutTable(report: Report, id: string): Report {
  const out = structuredClone(report);
  out.recognition.tables = out.recognition.tables.filter((t) => t.id !== id);
  return out;
}

/** Table 三 cut after 5.属于三类内部事务信息, as in the seed report. */
const CUT_AT = T3_ROWS['2021'].findIndex((r) => r.key === 'denied.process_info');
const MISSING_ROWS = T3_ROWS['2021'].slice(CUT_AT).map((r) => r.key);
function cutTable(report: Report): Report {
  let out = tables(
    report,
    (t) => {
      t.rows = t.rows.filter((r) => !MISSING_ROWS.includes(r));
      t.cut = true;
    },
    't3',
  );
  for (const row of MISSING_ROWS) out = withoutCells(out, `s3.${row}.`);
  return out;
}

const zeroCell = Object.entries(r21.cells).find(([k, v]) => k.startsWith('s3.partial.') && v === 0)?.[0] ?? 's3.partial.research';

const cases: RuleCase[] = [
  {
    name: 'section 四 missing',
    rule: 'C-SECTION-MISSING',
    report: () => withSection(r21, 4, null),
    fires: 1,
    severity: 'error',
    message: ['四、政府信息公开行政复议、行政诉讼情况'],
  },
  {
    name: 'sections 五 and 六 swapped',
    rule: 'C-SECTION-ORDER',
    report: () => withReport(r21, { sections: [...r21.sections.slice(0, 4), r21.sections[5]!, r21.sections[4]!] }),
    fires: 1,
    severity: 'warning',
    message: ['一、二、三、四、六、五'],
  },
  {
    name: 'heading 三 twice',
    rule: 'C-SECTION-DUPLICATE',
    report: () =>
      withRecognition(r21, {
        headings: [...r21.recognition.headings, { number: 3, text: '三、收到和处理政府信息公开申请情况', variant: false, numbered: true }],
      }),
    fires: 1,
    severity: 'warning',
    message: ['2 次'],
  },
  {
    name: 'variant heading 三',
    rule: 'C-SECTION-HEADING-VARIANT',
    report: () =>
      withReport(r21, {
        sections: r21.sections.map((s) => (s.number === 3 ? { ...s, heading: '三、收到和处理政府信息公开情况', variant: true } : s)),
      }),
    fires: 1,
    severity: 'info',
    message: ['三、收到和处理政府信息公开情况'],
  },
  {
    name: 'empty section 六',
    rule: 'C-SECTION-EMPTY',
    report: () => withSection(r21, 6, ' '),
    fires: 1,
    severity: 'warning',
    message: ['六、其他需要报告的事项'],
  },
  { name: '无。 in section 六 is content', rule: 'C-SECTION-EMPTY', report: () => withSection(r21, 6, '无。'), fires: 0 },
  { name: 'empty section 二 is fine (tables only)', rule: 'C-SECTION-EMPTY', report: () => withSection(r21, 2, ''), fires: 0 },
  {
    name: 'table 四 missing',
    rule: 'C-TABLE-MISSING',
    report: () => withoutCells(withoutTable(r21, 't4'), 's4.'),
    fires: 1,
    severity: 'error',
    cells: Object.keys(r21.cells).filter((k) => k.startsWith('s4.')),
    message: ['表四'],
  },
  {
    name: 'table 四 missing with its section',
    rule: 'C-TABLE-MISSING',
    report: () => withSection(withoutCells(withoutTable(r21, 't4'), 's4.'), 4, null),
    fires: 0,
  },
  {
    name: 'table 四 as image: not missing',
    rule: 'C-TABLE-MISSING',
    report: () => withRecognition(withoutCells(withoutTable(r21, 't4'), 's4.'), { imageSections: [4] }),
    fires: 0,
  },
  {
    name: 'table 四 as image',
    rule: 'C-TABLE-AS-IMAGE',
    report: () => withRecognition(withoutCells(withoutTable(r21, 't4'), 's4.'), { imageSections: [4] }),
    fires: 1,
    severity: 'warning',
    message: ['第四部分'],
  },
  {
    name: 'table 四 under section 三',
    rule: 'C-TABLE-MISPLACED',
    report: () => tables(r21, (t) => (t.section = 3), 't4'),
    fires: 1,
    severity: 'warning',
    message: ['第四部分', '第三部分'],
  },
  {
    name: 'table 四 under 三 when heading 四 is lost',
    rule: 'C-TABLE-MISPLACED',
    report: () =>
      withSection(
        tables(r21, (t) => (t.section = 3), 't4'),
        4,
        null,
      ),
    fires: 0,
  },
  {
    name: 'table 三 cut (seed)',
    rule: 'C-ROW-MISSING',
    report: () => cutTable(r21),
    fires: 1,
    severity: 'error',
    cells: MISSING_ROWS.flatMap((r) =>
      ['natural', 'commercial', 'research', 'social', 'legal', 'other_org', 'total'].map((c) => t3Key(r, c)),
    ),
    message: ['属于四类过程性信息', '中断', `缺少 ${MISSING_ROWS.length} 行`],
  },
  {
    name: 'subtotal row',
    rule: 'C-ROW-EXTRA',
    report: () => tables(r21, (t) => t.extraRows.push({ label: '（三）不予公开小计', group: 'denied', values: {} }), 't3'),
    fires: 1,
    severity: 'warning',
    message: ['（三）不予公开小计'],
  },
  {
    name: 'row of values without a label',
    rule: 'C-ROW-EXTRA',
    report: () => tables(r21, (t) => t.extraRows.push({ label: ' ', values: { natural: 2, commercial: null, total: 2 } }), 't3'),
    fires: 1,
    message: ['一行没有项目名称的数据（2、空白、2）'],
  },
  {
    name: 'column 科研机构 missing',
    rule: 'C-COL-MISSING',
    report: () => {
      let out = tables(r21, (t) => t.missingColumns.push('research'), 't3');
      for (const k of Object.keys(out.cells)) if (k.startsWith('s3.') && k.endsWith('.research')) out = withCells(out, { [k]: undefined });
      return out;
    },
    fires: 1,
    severity: 'error',
    cells: T3_ROWS['2021'].map((r) => t3Key(r.key, 'research')),
    message: ['科研机构'],
  },
  {
    name: 'extra column',
    rule: 'C-COL-EXTRA',
    report: () => tables(r21, (t) => t.extraColumns.push('备注'), 't3'),
    fires: 1,
    severity: 'warning',
    message: ['备注'],
  },
  {
    name: 'alias label',
    rule: 'C-LABEL-VARIANT',
    report: () => withRecognition(r21, { labelVariants: [{ table: 't3', found: '其他组织', canonical: '其他' }] }),
    fires: 1,
    severity: 'info',
    message: ['其他组织', '其他'],
  },
  {
    name: 'blank zero cell (relations hold)',
    rule: 'C-CELL-BLANK',
    report: () => withCells(r21, { [zeroCell]: null }),
    fires: 1,
    severity: 'info',
    cells: [zeroCell],
    message: ['空白'],
  },
  {
    name: 'blank non-zero cell (relations break)',
    rule: 'C-CELL-BLANK',
    report: () => withCells(r21, { 's3.granted.natural': null }),
    fires: 1,
    severity: 'warning',
    cells: ['s3.granted.natural'],
    message: ['予以公开', '自然人'],
  },
  {
    name: 'blank total with positive parts (K-T3-ROW-TOTAL-BLANK instead)',
    rule: 'C-CELL-BLANK',
    report: () => withCells(r21, { 's3.granted.total': null }),
    fires: 0,
  },
  {
    name: '/ in table 二',
    rule: 'C-CELL-NA',
    report: () => withCells(r21, { 's2.regulations.issued': '/' }),
    fires: 1,
    severity: 'info',
    cells: ['s2.regulations.issued'],
    message: ['规章'],
  },
  {
    name: '"/" total with positive parts (K-T3-ROW-TOTAL-BLANK instead)',
    rule: 'C-CELL-NA',
    report: () => withCells(r21, { 's3.granted.total': '/' }),
    fires: 0,
  },
  {
    name: '/ in table 三',
    rule: 'C-CELL-NA',
    report: () => withCells(r21, { [zeroCell]: '/' }),
    fires: 1,
    severity: 'warning',
    cells: [zeroCell],
    message: ['无则应填 0'],
  },
];

describe('structure and completeness rules', () => {
  it.each(cases)('$rule: $name', (c) => {
    checkCase(c);
  });

  it('a cut table 三 (seed) raises no arithmetic finding', () => {
    const ids = run(cutTable(r21)).map((f) => f.ruleId);
    expect(ids.filter((id) => id.startsWith('K-'))).toEqual([]);
  });

  it('a missing table does not make the K rules fire', () => {
    const ids = run(withoutCells(withoutTable(r21, 't3'), 's3.')).map((f) => f.ruleId);
    expect(ids.filter((id) => id.startsWith('K-') || id === 'T-NUM-TEXT-TABLE')).toEqual([]);
    expect(num(r21, 's3.new_received.total')).toBeGreaterThan(0);
  });
});
