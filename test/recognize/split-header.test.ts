/**
 * Header words wrapped over two rows of cells (table 三: `商业` above `企业`, `科研` above `机构` …;
 * table 二: `本年` above `制发件数`), as pages converted from PDF or typed by hand have them: the
 * header is read column by column, every column is found, no extra or missing column is
 * reported, values are exact.
 */
import { describe, expect, it } from 'vitest';
import { textToDocument } from '../../shared/extract/text.ts';
import { recognize } from '../../shared/recognize/index.ts';
import type { Block, Cell, Document } from '../../shared/report/model.ts';

const TITLE = '某局2022年政府信息公开工作年度报告';
const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const ROWS: [string, number[]][] = [
  ['一、本年新收政府信息公开申请数量', [3, 1, 2, 0, 1, 0, 7]],
  ['二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 1, 2]],
];

const c = (text: string, span?: boolean): Cell => ({ text, ...(span ? { span: true } : {}) });
const spans = (text: string, n: number): Cell[] => Array.from({ length: n }, () => c(text, true));

/** The grid as the HTML/DOCX extractors give it: note 3 columns wide, 4 header rows. */
function grid(): Block {
  const rows: Cell[][] = [
    [c(NOTE), ...spans(NOTE, 2), c('申请人情况'), ...spans('申请人情况', 6)],
    [...spans(NOTE, 3), c('自然人'), c('法人或其他组织'), ...spans('法人或其他组织', 4), c('总计')],
    [...spans(NOTE, 3), c('自然人', true), c('商业'), c('科研'), c('社会公益'), c('法律服务'), c('其他'), c('总计', true)],
    [...spans(NOTE, 3), c('自然人', true), c('企业'), c('机构'), c('组织'), c('机构'), c(''), c('总计', true)],
    ...ROWS.map(([label, v]) => [c(label), ...spans(label, 2), ...v.map((n) => c(String(n)))]),
  ];
  return { kind: 'table', rows, source: { line: 3 } };
}

function doc(table: Block): Document {
  const d = textToDocument([TITLE, '三、收到和处理政府信息公开申请情况'].join('\n'));
  const tail = textToDocument('四、政府信息公开行政复议、行政诉讼情况');
  return { ...d, blocks: [...d.blocks, table, ...tail.blocks] };
}

function expectT3(r: ReturnType<typeof recognize>): void {
  const t3 = r.recognition.tables.find((t) => t.id === 't3')!;
  expect(t3.extraColumns).toEqual([]);
  expect(t3.missingColumns).toEqual([]);
  expect(r.cells).toMatchObject({
    's3.new_received.natural': 3,
    's3.new_received.commercial': 1,
    's3.new_received.research': 2,
    's3.new_received.legal': 1,
    's3.new_received.total': 7,
    's3.carried_over.other_org': 1,
    's3.carried_over.total': 2,
  });
}

describe('table 三 header words wrapped over two rows of cells', () => {
  it('grid with merged cells: columns read top to bottom', () => {
    const r = recognize(doc(grid()));
    expectT3(r);
    // words wrapped inside a cell (`商业 企业`) differ from the template by whitespace only: the same
    // label, no C-LABEL-VARIANT (issue 14, family 13; official pages used to get one note per word)
    expect(r.recognition.labelVariants.map((v) => v.found)).toEqual([]);
  });

  it('tab-separated text rows', () => {
    const r = recognize(
      textToDocument(
        [
          TITLE,
          '三、收到和处理政府信息公开申请情况',
          `${NOTE}\t申请人情况`,
          '自然人\t法人或其他组织\t总计',
          '商业\t科研\t社会公益\t法律服务\t其他',
          '企业\t机构\t组织\t机构',
          ...ROWS.map(([label, v]) => [label, ...v].join('\t')),
          '四、政府信息公开行政复议、行政诉讼情况',
        ].join('\n'),
      ),
    );
    expectT3(r);
  });

  it('an ordinary three-row header is still read row by row (no label variants)', () => {
    const g = grid();
    if (g.kind !== 'table') throw new Error('table');
    g.rows.splice(2, 2, [
      ...spans(NOTE, 3),
      c('自然人', true),
      c('商业企业'),
      c('科研机构'),
      c('社会公益组织'),
      c('法律服务机构'),
      c('其他'),
      c('总计', true),
    ]);
    const r = recognize(doc(g));
    expectT3(r);
    expect(r.recognition.labelVariants).toEqual([]);
  });
});

describe('table 二 header words wrapped over two rows of cells', () => {
  /** 第二十条第（一）项 (2021) with `本年` above `制发件数` …, then （五）项 with its one column merged over three. */
  function t2(): Block {
    const title = (t: string): Cell[] => [c(t), ...spans(t, 3)];
    const rows: Cell[][] = [
      title('第二十条第（一）项'),
      [c('信息内容'), c('本年'), c('本年'), c('现行')],
      [c('信息内容', true), c('制发件数'), c('废止件数'), c('有效件数')],
      [c('规章'), c('0'), c('0'), c('2')],
      [c('行政规范性文件'), c('3'), c('1'), c('25')],
      title('第二十条第（五）项'),
      [c('信息内容'), c('本年处理'), ...spans('本年处理', 2)],
      [c('信息内容', true), c('决定数量'), ...spans('决定数量', 2)],
      [c('行政许可'), c('120'), ...spans('120', 2)],
    ];
    return { kind: 'table', rows, source: { line: 3 } };
  }

  it('columns read top to bottom: no missing or extra column, values in their columns', () => {
    const d = textToDocument([TITLE, '二、主动公开政府信息情况'].join('\n'));
    const tail = textToDocument('三、收到和处理政府信息公开申请情况');
    const r = recognize({ ...d, blocks: [...d.blocks, t2(), ...tail.blocks] });
    const t21 = r.recognition.tables.find((t) => t.id === 't2.1')!;
    expect(t21.missingColumns).toEqual([]);
    expect(t21.extraColumns).toEqual([]);
    expect(r.cells).toMatchObject({
      's2.regulations.valid': 2,
      's2.normative.issued': 3,
      's2.normative.repealed': 1,
      's2.normative.valid': 25,
    });
    const t25 = r.recognition.tables.find((t) => t.id === 't2.5')!;
    expect(t25.missingColumns).toEqual([]);
    expect(t25.extraColumns).toEqual([]);
    expect(r.cells['s2.license.decisions']).toBe(120);
  });
});
