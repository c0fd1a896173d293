/**
 * PDF text wraps long table-三 labels: the first part alone on a line, the rest with the numbers
 * on the next line. The numbers belong to the wrapped row, not to an extra row.
 */
import { describe, expect, it } from 'vitest';
import { textToDocument } from '../../shared/extract/text.ts';
import { recognize } from '../../shared/recognize/index.ts';

const text = [
  '某县某局2022年政府信息公开工作年度报告',
  '三、收到和处理政府信息公开申请情况',
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
  '自然人\t法人或其他组织\t总计',
  '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
  '一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3',
  '三、本年度办理结果\t（一）予以公开\t1\t0\t0\t0\t0\t0\t1',
  '（二）部分公开（区分处理的，只计',
  '这一情形，不计其他情形）\t2\t0\t0\t0\t0\t0\t2',
  '（六）其他处理\t1.申请人无正当理由逾期不补正、',
  '行政机关不再处理其政府信息公开申请\t0\t1\t0\t0\t0\t0\t1',
  '四、政府信息公开行政复议、行政诉讼情况',
].join('\n');

describe('wrapped table-三 labels', () => {
  it('the numbers on the continuation line belong to the wrapped row', () => {
    const r = recognize(textToDocument(text));
    expect(r.cells['s3.partial.natural']).toBe(2);
    expect(r.cells['s3.partial.total']).toBe(2);
    expect(r.cells['s3.other.overdue_supplement.commercial']).toBe(1);
    expect(r.cells['s3.other.overdue_supplement.total']).toBe(1);
    expect(r.recognition.tables.find((t) => t.id === 't3')?.extraRows).toEqual([]);
  });
});
