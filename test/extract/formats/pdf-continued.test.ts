/** The seam of a ruled table continued on the next page, without pdfjs (pdf-continued.ts). */
import { describe, expect, it } from 'vitest';
import { joinSeam } from '../../../shared/extract/pdf-continued.ts';
import type { Cell } from '../../../shared/report/model.ts';

const cell = (text: string, span = false): Cell => (span ? { text, span: true } : { text });
const row = (...texts: (string | Cell)[]): Cell[] => texts.map((t) => (typeof t === 'string' ? cell(t) : t));
const show = (rows: Cell[][]): string[][] => rows.map((r) => r.map((c) => (c.span ? `~${c.text}` : c.text)));

/** Joins like pdf.ts does: the seam, then the next page's rows appended. */
function join(prev: Cell[][], next: Cell[][], open: Cell[]): string[][] {
  joinSeam(prev, next, new Set(open));
  return show([...prev, ...next]);
}

describe('joinSeam: a row broken across the page break', () => {
  it('label wrapped over the break, numbers on page N: one row', () => {
    const label = cell('4.无正当理由大量反复');
    const prev = [row('（五）不予处理', '3.要求提供公开出版物', '0', '0'), row(cell('（五）不予处理', true), label, '0', '1')];
    const next = [row(cell('（五）不予处理', true), '申请', '', ''), row(cell('（五）不予处理', true), '5.要求行政机关确认', '2', '0')];
    expect(join(prev, next, [label])).toEqual([
      ['（五）不予处理', '3.要求提供公开出版物', '0', '0'],
      ['~（五）不予处理', '4.无正当理由大量反复申请', '0', '1'],
      ['~（五）不予处理', '5.要求行政机关确认', '2', '0'],
    ]);
  });

  it('numbers on page N+1 and the label wrapped: one row too', () => {
    const label = cell('2.没有现成信息需要另');
    expect(join([row(label, '', '')], [row('行制作', '1', '0')], [label])).toEqual([['2.没有现成信息需要另行制作', '1', '0']]);
  });

  it('a label that does not fill its cell does not go on: two rows (a blank row stays)', () => {
    const prev = [row('行政许可', '1523')];
    expect(join(prev, [row('行政处罚', '')], [])).toEqual([
      ['行政许可', '1523'],
      ['行政处罚', ''],
    ]);
  });

  it('a next row that starts an item is its own row, even under a full label', () => {
    const label = cell('3.补正后申请内容仍不明确');
    expect(join([row(label, '0')], [row('1.信访举报投诉类申请', '')], [label])).toEqual([
      ['3.补正后申请内容仍不明确', '0'],
      ['1.信访举报投诉类申请', ''],
    ]);
  });

  it('an open edge at the break (no rule) makes one row whatever the texts', () => {
    const prev = [row('（五）不予处理', '4.无正当理由', '0')];
    const next = [row(cell('（五）不予处理', true), '大量反复申请', '')];
    joinSeam(prev, next, new Set(), true);
    expect(show([...prev, ...next])).toEqual([['（五）不予处理', '4.无正当理由大量反复申请', '0']]);
  });

  it('a title row across the columns is its own row, even under a full label', () => {
    const label = cell('行政规范性文件');
    const prev = [row(label, '6', '2')];
    const next = [row('第二十条第（五）项', cell('第二十条第（五）项', true), cell('第二十条第（五）项', true))];
    expect(join(prev, next, [label])).toEqual([
      ['行政规范性文件', '6', '2'],
      ['第二十条第（五）项', '~第二十条第（五）项', '~第二十条第（五）项'],
    ]);
  });

  it('numbers never wrap', () => {
    const full = [cell('12'), cell('3')];
    expect(join([row(full[0]!, full[1]!)], [row('4', '5')], full)).toEqual([
      ['12', '3'],
      ['4', '5'],
    ]);
  });
});

describe('joinSeam: merged cells cut by the page break', () => {
  it('a merged label whose text wraps over the break is one merged cell', () => {
    const group = cell('（五）');
    const prev = [row(group, '1.信访举报投诉类申请', '2')];
    const next = [row('不予处理', '2.重复申请', '0'), row(cell('不予处理', true), '3.要求提供公开出版物', '0')];
    expect(join(prev, next, [group])).toEqual([
      ['（五）不予处理', '1.信访举报投诉类申请', '2'],
      ['~（五）不予处理', '2.重复申请', '0'],
      ['~（五）不予处理', '3.要求提供公开出版物', '0'],
    ]);
  });

  it('a full header cell over an empty part in a header row goes on; a blank value under a header does not', () => {
    const natural = cell('自然人');
    const total = cell('总计');
    expect(join([row(natural, '法人或其他组织', total)], [row('', '商业企业', '')], [natural, total])).toEqual([
      ['自然人', '法人或其他组织', '总计'],
      ['~自然人', '商业企业', '~总计'],
    ]);
    const header = [cell('自然人'), cell('科研机构'), cell('总计')];
    expect(join([row(...header)], [row('35', '', '35')], header)).toEqual([
      ['自然人', '科研机构', '总计'],
      ['35', '', '35'],
    ]);
  });
});
