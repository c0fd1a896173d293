import { describe, expect, it } from 'vitest';
import { hasTraditional, toSimplified } from '../../shared/report/traditional.ts';

describe('Traditional script (family 5)', () => {
  it('converts characters and the Taiwan phrases whose mainland form is a template word', () => {
    expect(toSimplified('規範性檔案')).toBe('规范性文件');
    expect(toSimplified('政府資訊公開')).toBe('政府信息公开');
    expect(toSimplified('本列資料的勾稽關係')).toBe('本列数据的勾稽关系');
  });

  it('does not take a Taiwan phrase whose reverse is not the template’s word (查詢 is 查询 here, not 查找)', () => {
    expect(toSimplified('8.屬於行政查詢事項')).toBe('8.属于行政查询事项');
  });

  it('leaves mainland phrases in a mixed text alone', () => {
    expect(toSimplified('規範性文件')).toBe('规范性文件');
  });

  it('returns Simplified text as it is', () => {
    const text = '二、主动公开政府信息情况';
    expect(hasTraditional(text)).toBe(false);
    expect(toSimplified(text)).toBe(text);
  });

  it.each([
    { text: '属于国家秘密', traditional: false, simplified: '属于国家秘密' },
    { text: '群众审核', traditional: false, simplified: '群众审核' },
    { text: '屬於國家秘密', traditional: true, simplified: '属于国家秘密' },
    { text: '国家祕密', traditional: true, simplified: '国家秘密' },
  ])(
    '$text: Traditional is $traditional (a character that comes back to itself through both tables is not)',
    ({ text, traditional, simplified }) => {
      expect(hasTraditional(text)).toBe(traditional);
      expect(toSimplified(text)).toBe(simplified);
    },
  );
});
