import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../../shared/recognize/values.ts';

const issues = (raw: string, ctx = {}): string[] => parseCellValue(raw, ctx).issues.map((i) => i.issue);

describe('parseCellValue (docs/template.md "Cells in practice" conventions, "Reading a cell")', () => {
  it.each([
    ['0', 0],
    ['12', 12],
    ['  5', 5],
    ['\u00a07\u00a0', 7],
    ['', null],
    ['   ', null],
    ['\u00a0', null],
    ['/', '/'],
    ['／', '/'],
    ['-', '/'],
    ['—', '/'],
    ['——', '/'],
    ['–', '/'],
    ['无', '/'],
    ['N/A', '/'],
    ['不适用', '/'],
  ])('%j → %j', (raw, value) => {
    expect(parseCellValue(raw).value).toBe(value);
    expect(issues(raw)).toEqual([]);
  });

  it.each([
    ['+19', 19, []],
    ['+3', 3, []],
    ['-8', -8, []],
    ['−8', -8, []],
    ['减4', -4, []],
    ['减少4', -4, []],
    ['增3', 3, []],
    ['增加3', 3, []],
    ['--253', -253, ['delta-ambiguous']],
    ['+-3', -3, ['delta-ambiguous']],
  ])('delta %j → %j', (raw, value, expected) => {
    const parsed = parseCellValue(raw, { delta: true });
    expect(parsed.value).toBe(value);
    expect(parsed.issues.map((i) => i.issue)).toEqual(expected);
  });

  it.each(['减0', '-0', '−0', '减少0'])('a negative zero delta %j is zero, not -0', (raw) => {
    expect(Object.is(parseCellValue(raw, { delta: true }).value, 0)).toBe(true);
  });

  it('a signed number in a 2019 prev/decisions column is a probable shift', () => {
    expect(parseCellValue('+22', { shiftSensitive: true })).toEqual({ value: 22, issues: [{ issue: 'shifted' }] });
    expect(parseCellValue('-', { shiftSensitive: true })).toEqual({ value: '/', issues: [] });
  });

  it('full-width digits and thousands separators are normalized', () => {
    expect(parseCellValue('０１２')).toEqual({ value: 12, issues: [{ issue: 'normalized' }] });
    expect(parseCellValue('1,234')).toEqual({ value: 1234, issues: [{ issue: 'normalized' }] });
    expect(parseCellValue('1，234')).toEqual({ value: 1234, issues: [{ issue: 'normalized' }] });
  });

  it('decimals only in money columns', () => {
    expect(parseCellValue('26.55', { money: true, columnUnit: '万元' })).toEqual({ value: 26.55, issues: [] });
    expect(parseCellValue('2.5')).toEqual({ value: 2.5, issues: [{ issue: 'noninteger' }] });
  });

  it('units inside the cell are stripped or converted', () => {
    expect(parseCellValue('12件')).toEqual({ value: 12, issues: [{ issue: 'unit-embedded', unit: '件' }] });
    expect(parseCellValue('251000元', { money: true, columnUnit: '万元' })).toEqual({
      value: 25.1,
      issues: [{ issue: 'unit-embedded', unit: '元' }],
    });
    expect(parseCellValue('103.3879万元', { money: true, columnUnit: '万元' })).toEqual({
      value: 103.3879,
      issues: [{ issue: 'unit-embedded', unit: '万元' }],
    });
    expect(parseCellValue('2万元', { money: true, columnUnit: '元' })).toEqual({
      value: 20000,
      issues: [{ issue: 'unit-embedded', unit: '万元' }],
    });
    expect(parseCellValue('8040元', { money: true })).toEqual({ value: 8040, issues: [{ issue: 'unit-embedded', unit: '元' }] });
    expect(issues('5元')).toEqual(['unit-conflict']);
    expect(issues('50%')).toEqual(['unit-conflict']);
  });

  it.each(['详见附件', '暂无', '1 2', 'abc', '12a'])('unparseable %j → no value', (raw) => {
    expect(parseCellValue(raw)).toEqual({ issues: [{ issue: 'unparseable' }] });
  });
});
