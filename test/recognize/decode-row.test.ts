import { describe, expect, it } from 'vitest';
import { decodeRow, digitSplits, type RowToken } from '../../shared/recognize/decode-row.ts';
import { rowTotalHolds } from '../../shared/recognize/mapping.ts';

const tokens = (...texts: string[]): RowToken[] => texts.map((text) => ({ cell: { text } }));
const placeholders = (n: number): RowToken[] => Array.from({ length: n }, () => ({ cell: { text: '' }, placeholder: true }));
const texts = (d: ReturnType<typeof decodeRow>) => (d.kind === 'read' ? d.cells.map((c) => c.text) : undefined);

describe('digitSplits', () => {
  it('cuts a run into numbers without leading zeros', () => {
    expect(digitSplits('105', 2)).toEqual([['10', '5']]);
    expect(digitSplits('123', 2)).toEqual([
      ['1', '23'],
      ['12', '3'],
    ]);
  });
  it('keeps a lone 0 as a number and never starts a number with 0', () => {
    expect(digitSplits('000', 3)).toEqual([['0', '0', '0']]);
    expect(digitSplits('100', 2)).toEqual([['10', '0']]);
    expect(digitSplits('01', 1)).toEqual([]);
  });
});

describe('decodeRow', () => {
  it("the last row of a cut text, full, with one token more: the token is the next label's start, not a cell", () => {
    const seven = ['0', '0', '0', '0', '0', '0', '0'];
    const last = decodeRow(tokens(...seven, '2'), 7, { isLast: true });
    expect(last).toMatchObject({ kind: 'read', by: 'cut' });
    expect(texts(last)).toEqual(seven);
    expect(decodeRow(tokens(...seven, '2'), 7)).toMatchObject({ kind: 'ambiguous', cause: 'surplus' });
    expect(decodeRow(tokens(...seven, '2', '3'), 7, { isLast: true })).toMatchObject({ kind: 'ambiguous', cause: 'surplus' });
  });

  it('more values than cells, all the same number: the cells hold that number whichever they are', () => {
    const d = decodeRow(tokens('0', '0', '0'), 1);
    expect(d).toMatchObject({ kind: 'read', by: 'uniform' });
    expect(texts(d)).toEqual(['0']);
    expect(decodeRow(tokens('0', '1', '0'), 1)).toMatchObject({ kind: 'ambiguous', cause: 'surplus' });
  });

  it('reads the tokens as they stand when they fill the row', () => {
    const d = decodeRow(tokens('1', '2', '3'), 3);
    expect(d).toMatchObject({ kind: 'read', by: 'as-is' });
    expect(texts(d)).toEqual(['1', '2', '3']);
  });

  it('splits a run of single digits one per cell (family 2)', () => {
    const d = decodeRow(tokens('4000004'), 7);
    expect(d).toMatchObject({ kind: 'read', by: 'split' });
    expect(texts(d)).toEqual(['4', '0', '0', '0', '0', '0', '4']);
  });

  it('lets the row total choose between cuts, and says so', () => {
    // 12|0|0|0|0|0|12 is the only cut whose six applicants add up to the total (1|20|…|12 is not).
    expect(decodeRow(tokens('120000012'), 7)).toMatchObject({ kind: 'ambiguous', cause: 'split' });
    const d = decodeRow(tokens('120000012'), 7, { identity: rowTotalHolds });
    expect(d).toMatchObject({ kind: 'read', by: 'identity' });
    expect(texts(d)).toEqual(['12', '0', '0', '0', '0', '0', '12']);
  });

  it('leaves a run with several cuts open, with the cuts for a decision across rows', () => {
    // 11|1|0|0|0|0|12, 1|11|0|0|0|0|12 and 1|1|10|0|0|0|12 all add up.
    const d = decodeRow(tokens('111000012'), 7, { identity: rowTotalHolds });
    expect(d.kind).toBe('ambiguous');
    if (d.kind !== 'ambiguous') return;
    expect(d.cause).toBe('split');
    expect(d.reason).toContain('不止一种');
    expect(d.readings?.map((r) => r.map((c) => c.text).join('|')).sort()).toEqual([
      '11|1|0|0|0|0|12',
      '1|11|0|0|0|0|12',
      '1|1|10|0|0|0|12',
    ]);
  });

  it('never changes a digit: a run no cut of which adds up stays open', () => {
    const d = decodeRow(tokens('1234567', '9'), 7, { identity: rowTotalHolds });
    expect(d.kind).toBe('ambiguous');
  });

  it('leaves a row with fewer values and no run to split open (a blank left no trace)', () => {
    expect(decodeRow(tokens('5', '6', '0', '3', '1', '9'), 7)).toMatchObject({ kind: 'ambiguous', cause: 'fewer' });
    // With two-digit values the missing cell could also be a split run: still open.
    expect(decodeRow(tokens('35', '6', '0', '3', '1', '45'), 7)).toMatchObject({ kind: 'ambiguous', cause: 'split' });
  });

  it('reads visible blank cells in place (family 10)', () => {
    const d = decodeRow(tokens('35', '6', '', '0', '3', '1', '45'), 7);
    expect(texts(d)).toEqual(['35', '6', '', '0', '3', '1', '45']);
  });

  it('trims surplus blanks at the ends, never a value', () => {
    expect(texts(decodeRow(tokens('1', '2', '3', ''), 3))).toEqual(['1', '2', '3']);
    expect(decodeRow(tokens('1', '2', '3', '4'), 3)).toMatchObject({ kind: 'ambiguous', cause: 'surplus' });
  });

  it('reads padding after the values as blank cells when it makes up the row', () => {
    const d = decodeRow([...tokens('5'), ...placeholders(2)], 3);
    expect(texts(d)).toEqual(['5', '', '']);
  });

  it('does not give a merged row’s one value to the first column (family 4)', () => {
    const d = decodeRow([...tokens('0'), ...placeholders(8)], 7);
    expect(d).toMatchObject({ kind: 'ambiguous', cause: 'merged' });
  });

  it('reads a row cut by the end of the text in order', () => {
    expect(decodeRow(tokens('1', '2'), 7, { isLast: true })).toMatchObject({ kind: 'read', by: 'cut' });
  });

  it('says a row with no value token is empty', () => {
    expect(decodeRow([], 7)).toEqual({ kind: 'empty' });
  });
});
