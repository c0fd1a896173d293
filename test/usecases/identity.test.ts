import { describe, expect, it } from 'vitest';
import { splitText } from '../../shared/adapters/dynamodb/version-items.ts';
import { decodeMetadataValue, identityFromKey, metadataOf } from '../../shared/usecases/identity.ts';
import { reportIdOf, unidentifiedReportIdOf, versionIdOf } from '../../shared/usecases/records.ts';

describe('report identity', () => {
  it.each([
    ['uploads/2022/黑龙江省工业和信息化厅/年报.pdf', { year: 2022, agency: '黑龙江省工业和信息化厅' }],
    ['uploads/2021/年报.pdf', { year: 2021 }],
    ['uploads/misc/年报.pdf', {}],
    ['inbox/2022/某局/年报.pdf', {}],
    ['uploads/1899/某局/年报.pdf', {}],
  ])('key %s → %j', (key, identity) => {
    expect(identityFromKey(key)).toEqual(identity);
  });

  it.each([
    ['plain', 'plain'],
    [encodeURIComponent('黑龙江省工业和信息化厅'), '黑龙江省工业和信息化厅'],
    [`=?UTF-8?B?${Buffer.from('某某县人民政府').toString('base64')}?=`, '某某县人民政府'],
    ['=?utf-8?Q?=E6=9F=90_A?=', '某 A'],
  ])('metadata value %s decodes to %s', (raw, value) => {
    expect(decodeMetadataValue(raw)).toBe(value);
  });

  it('reads agency and year from object metadata, ignoring an implausible year', () => {
    expect(metadataOf({ agency: '某局', year: '2022' })).toEqual({ agency: '某局', year: 2022 });
    expect(metadataOf({ year: '22' })).toEqual({});
    expect(metadataOf({ year: encodeURIComponent('2021年') })).toEqual({ year: 2021 });
    expect(metadataOf({ year: '20221' })).toEqual({});
  });

  it('makes deterministic, URL-safe ids', () => {
    expect(reportIdOf('黑龙江省工业和信息化厅', 2022)).toBe(reportIdOf(' 黑龙江省 工业和信息化厅 ', 2022));
    expect(reportIdOf('黑龙江省工业和信息化厅', 2022)).not.toBe(reportIdOf('黑龙江省工业和信息化厅', 2021));
    expect(reportIdOf('黑龍江省工業和信息化廳', 2022)).toBe(reportIdOf('黑龙江省工业和信息化厅', 2022));
    expect(unidentifiedReportIdOf('b', 'k')).toMatch(/^u-[0-9a-f]{10}$/);
    const v1 = versionIdOf('2026-11-29T06:00:00.000Z', 'b', 'k', 'etag1');
    const v2 = versionIdOf('2026-11-29T06:00:01.000Z', 'b', 'k', 'etag2');
    expect(v1 < v2).toBe(true);
    expect(encodeURIComponent(v1)).not.toBe(v1); // `:` is escaped by encodeURIComponent …
    expect(new URL(`https://x/reports/r/versions/${v1}`).pathname.endsWith(v1)).toBe(true); // … but is valid in a path
  });
});

describe('splitText', () => {
  it('splits long section text into parts at line breaks without losing a character', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `第 ${i} 行：${'政府信息公开'.repeat(5)}`).join('\n');
    const parts = splitText(text, 10_000);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => p.length <= 10_000)).toBe(true);
    expect(parts.slice(0, -1).every((p) => p.endsWith('\n'))).toBe(true);
  });
});
