/**
 * The key layout of the table, as docs/data-model.md documents it. Stored items outlive a
 * deployment: a key builder that changes its format orphans every item written before.
 */
import { describe, expect, it } from 'vitest';
import { keyPrefix, keys, sentenceHashOf } from '../../shared/adapters/dynamodb/items.ts';

describe('keys', () => {
  it('report head, version and version partition', () => {
    expect(keys.report('r1')).toEqual({ pk: 'REPORT#r1', sk: 'LATEST' });
    expect(keys.version('r1', '2026-01-05T00:00:00.000Z_ab12cd34')).toEqual({
      pk: 'REPORT#r1',
      sk: 'VERSION#2026-01-05T00:00:00.000Z_ab12cd34',
    });
    expect(keys.versionPartition('r1', 'v9')).toBe('VERSION#r1#v9');
    expect(keys.section(3, 1)).toBe('SECTION#3#01');
    expect(keys.finding('0007')).toBe('FINDING#0007');
  });

  it('gsi1: year, then status and report id; a status is a prefix of its sort keys', () => {
    expect(keys.yearIndex(2022)).toBe('YEAR#2022');
    expect(keys.yearIndex(null)).toBe('YEAR#none');
    expect(keys.yearSort('warning', 'r1')).toBe('warning#r1');
    expect(keys.yearSort('warning', 'r1').startsWith(keys.yearSortPrefix('warning'))).toBe(true);
    expect(keys.yearSort('error', 'r1').startsWith(keys.yearSortPrefix('warning'))).toBe(false);
  });

  it('gsi2: agency, then year and report id; a year is a prefix, 2022 not of 20221', () => {
    expect(keys.agencyIndex('黑龙江省工业和信息化厅')).toBe('AGENCY#黑龙江省工业和信息化厅');
    expect(keys.agencySort(2022, 'r1')).toBe('YEAR#2022#r1');
    expect(keys.agencySortPrefix(2022)).toBe('YEAR#2022#');
    expect(keys.agencySort(20221, 'r1').startsWith(keys.agencySortPrefix(2022))).toBe(false);
  });

  it('gsi3 and the boilerplate index', () => {
    expect(keys.ruleIndex('K-T3-COL-SUM', 2021)).toBe('RULE#K-T3-COL-SUM#YEAR#2021');
    expect(keys.ruleSort('r1', '0003')).toBe('r1#0003');
    const hash = sentenceHashOf('本机关严格落实政府信息公开要求');
    expect(hash).toMatch(/^[0-9a-f]{24}$/);
    const sentence = keys.sentence(2022, hash, '示例市商务局');
    expect(sentence).toEqual({ pk: `SENTENCE#2022#${hash}`, sk: 'AGENCY#示例市商务局' });
    expect(keys.sentenceHash(sentence.pk)).toBe(hash);
  });

  it('prefixes are the leading words of the keys they name', () => {
    expect(keys.report('r').pk.startsWith(keyPrefix.report)).toBe(true);
    expect(keys.version('r', 'v').sk.startsWith(keyPrefix.version)).toBe(true);
    expect(keys.versionPartition('r', 'v').startsWith(keyPrefix.version)).toBe(true);
    expect(keys.yearIndex(2020).startsWith(keyPrefix.year)).toBe(true);
    expect(keys.ruleIndex('X', 2020).startsWith(keyPrefix.rule)).toBe(true);
  });
});
