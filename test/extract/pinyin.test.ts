import { describe, expect, it } from 'vitest';
import { mayHavePinyin, pinyinRemover } from '../../shared/extract/pinyin.ts';

describe('injected pinyin (family 6)', () => {
  it('removes a syllable that reads the character before it, Traditional characters included', async () => {
    const remove = await pinyinRemover();
    expect(remove('數(shù)據(jù)、規(guī)章、發(fā)布、行(xíng)政')).toBe('數據、規章、發布、行政');
    expect(remove('受理依申請(qǐng)公開47件')).toBe('受理依申請公開47件');
  });

  it('keeps real parentheses and syllables that do not read the character', async () => {
    const remove = await pinyinRemover();
    expect(remove('（一）主动公开(见附件)')).toBe('（一）主动公开(见附件)');
    expect(remove('行政许可(a)')).toBe('行政许可(a)');
    expect(remove('规(zhāng)章')).toBe('规(zhāng)章');
  });

  it('keeps the lines of the text', async () => {
    const remove = await pinyinRemover();
    expect(remove('一、总(zǒng)体情况\n二、主动公开')).toBe('一、总体情况\n二、主动公开');
  });

  it('is asked for only when an annotation may be there', () => {
    expect(mayHavePinyin('數(shù)據')).toBe(true);
    expect(mayHavePinyin('（一）主动公开(见附件) 2021年')).toBe(false);
  });
});
