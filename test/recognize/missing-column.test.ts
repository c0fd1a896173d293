/**
 * A table-三 column absent from the document (docs/rules.md, C-COL-MISSING): the header names it not
 * and the rows carry no value for it. Its cells stay absent (not blank); a single short row among
 * full ones is still an ambiguous row, and a header that merely lacks the word is not enough.
 */
import { describe, expect, it } from 'vitest';
import { textToDocument } from '../../shared/extract/text.ts';
import { recognize } from '../../shared/recognize/index.ts';

const HEAD = [
  '某县某局2022年政府信息公开工作年度报告',
  '三、收到和处理政府信息公开申请情况',
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
];
const TAIL = ['四、政府信息公开行政复议、行政诉讼情况'];
const ROWS: [string, number[]][] = [
  ['一、本年新收政府信息公开申请数量', [3, 1, 0, 0, 0, 0, 4]],
  ['二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1]],
  ['三、本年度办理结果\t（一）予以公开', [2, 1, 0, 0, 0, 0, 3]],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [2, 0, 0, 0, 0, 0, 2]],
];
const doc = (header: string, rows: string[]): ReturnType<typeof recognize> =>
  recognize(textToDocument([...HEAD, header, '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他', ...rows, ...TAIL].join('\n')));
const t3 = (r: ReturnType<typeof recognize>) => r.recognition.tables.find((t) => t.id === 't3')!;
const row = ([label, v]: [string, number[]], n: number): string => [label, ...v.slice(0, n)].join('\t');

describe('table 三 without its 总计 column', () => {
  it('header without 总计 and 6 values a row: total missing, total cells absent, values read', () => {
    const r = doc(
      '自然人\t法人或其他组织',
      ROWS.map((x) => row(x, 6)),
    );
    expect(t3(r).missingColumns).toEqual(['total']);
    expect(t3(r).ambiguousRows ?? []).toEqual([]);
    expect(r.cells['s3.new_received.natural']).toBe(3);
    expect(r.cells['s3.granted.commercial']).toBe(1);
    expect(r.cells['s3.partial.other_org']).toBe(0);
    expect(Object.keys(r.cells).filter((k) => k.endsWith('.total'))).toEqual([]);
  });

  it('header with 总计 and one short row: that row is ambiguous, the others complete', () => {
    const r = doc(
      '自然人\t法人或其他组织\t总计',
      ROWS.map((x, i) => row(x, i === 1 ? 6 : 7)),
    );
    expect(t3(r).missingColumns).toEqual([]);
    expect(t3(r).ambiguousRows).toEqual(['carried_over']);
    expect(r.cells['s3.new_received.total']).toBe(4);
    expect(Object.hasOwn(r.cells, 's3.carried_over.natural')).toBe(false);
  });

  it('header without 总计 but 7 values a row: the column is there, the values fill every template column', () => {
    const r = doc(
      '自然人\t法人或其他组织',
      ROWS.map((x) => row(x, 7)),
    );
    expect(t3(r).missingColumns).toEqual([]);
    expect(r.cells['s3.new_received.total']).toBe(4);
    expect(r.cells['s3.granted.total']).toBe(3);
    expect(t3(r).ambiguousRows ?? []).toEqual([]);
  });
});

describe('table 二 sub-table (一) without its 现行有效件数 column', () => {
  const t2 = (header: string, rows: string[]): ReturnType<typeof recognize> =>
    recognize(
      textToDocument(
        [
          '某县某局2022年政府信息公开工作年度报告',
          '二、主动公开政府信息情况',
          '第二十条第（一）项',
          header,
          ...rows,
          '三、收到和处理政府信息公开申请情况',
        ].join('\n'),
      ),
    );
  const sub = (r: ReturnType<typeof recognize>) => r.recognition.tables.find((t) => t.id.startsWith('t2'))!;

  it('header and rows without it: valid missing, its cells absent', () => {
    const r = t2('信息内容\t本年制发件数\t本年废止件数', ['规章\t0\t0', '行政规范性文件\t3\t1']);
    expect(sub(r).missingColumns).toEqual(['valid']);
    expect(r.cells['s2.normative.repealed']).toBe(1);
    expect(Object.hasOwn(r.cells, 's2.normative.valid')).toBe(false);
    expect(Object.hasOwn(r.cells, 's2.regulations.valid')).toBe(false);
  });

  it('header without the word but every row with 3 values: no missing column', () => {
    const r = t2('信息内容\t本年制发件数\t本年废止件数', ['规章\t0\t0\t2', '行政规范性文件\t3\t1\t25']);
    expect(sub(r).missingColumns).toEqual([]);
    expect(r.cells['s2.normative.valid']).toBe(25);
  });
});
