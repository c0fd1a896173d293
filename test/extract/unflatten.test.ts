import { describe, expect, it } from 'vitest';
import { unflatten } from '../../shared/extract/unflatten.ts';

describe('one-line tables (unflatten)', () => {
  it('cuts a flattened table before its row labels and titles', () => {
    const line =
      '第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件8855698第二十条第（五）项信息内容本年处理决定数量行政许可10690';
    // One row per line, the label set apart from its values (the digit runs are decoded later).
    expect(unflatten(line)).toEqual([
      '第二十条第（一）项',
      '信息内容 本年制发件数 本年废止件数 现行有效件数',
      '规章 000',
      '行政规范性文件 8855698',
      '第二十条第（五）项',
      '信息内容本年处理决定数量',
      '行政许可 10690',
    ]);
  });

  it('leaves prose alone, however long', () => {
    const prose =
      '2022年，我局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息1200条，行政许可事项办理及时，规章和行政规范性文件均按要求公开。';
    expect(unflatten(prose)).toEqual([prose]);
  });

  it('leaves short lines alone', () => {
    expect(unflatten('规章 0 0 0')).toEqual(['规章 0 0 0']);
  });
});
