import { describe, expect, it } from 'vitest';
import { matchPreTemplateHeading, matchSectionHeading } from '../../shared/report/sections.ts';

describe('matchSectionHeading (docs/template.md "Sections"', () => {
  it.each([
    ['一、总体情况', 1, false, true],
    ['  一、总体情况', 1, false, true],
    ['一．总体情况', 1, false, true],
    ['一.总体情况', 1, false, true],
    ['一 总体情况', 1, false, true],
    ['一、總體情況', 1, false, true],
    ['二、主动公开政府信息情况', 2, false, true],
    ['三、收到和处理政府信息公开申请情况', 3, false, true],
    ['四、政府信息公开行政复议、行政诉讼情况', 4, false, true],
    ['五、存在的主要问题及改进情况', 5, false, true],
    ['六、其他需要报告的事项', 6, false, true],
    // variants
    ['一、工作开展情况', 1, true, true],
    ['二、行政机关主动公开政府信息情况', 2, true, true],
    ['三、收到和处理政府信息公开情况', 3, true, true],
    ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', 4, true, true],
    ['五、政府信息公开工作存在的主要问题及改进情况', 5, true, true],
    ['五、存在问题及改进情况', 5, true, true],
    ['六、其他需要报告事项', 6, true, true],
    ['行政机关收到和处理政府信息公开申请的情况', 3, true, false],
    ['因政府信息公开工作被申请行政复议和提起行政诉讼情况', 4, true, false],
    ['政府信息公开行政复议、行政诉讼情况', 4, true, false],
    ['存在的主要问题和改进措施', 5, true, false],
    ['其他事项', 6, true, false],
  ])('%s → %i (variant %s, numbered %s)', (line, number, variant, numbered) => {
    expect(matchSectionHeading(line)).toEqual({ number, variant, numbered });
  });

  it.each([
    // table 三's own row labels (pitfall)
    '一、本年新收政府信息公开申请数量',
    '二、上年结转政府信息公开申请数量',
    '三、本年度办理结果',
    '三、本年度辦理結果',
    '四、结转下年度继续办理',
    // 总体情况 sub-headings (second level)
    '（一）主动公开',
    '(二)依申请公开',
    '（三）政府信息管理',
    // prose and enumerations
    '一是强化责任落实。根据市政府对信息公开工作的统一部署',
    '二是严格公开审查',
    '报告分为总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分。',
    '主动公开',
    '三、收到',
    '三、本年度办理结果 | (一)予以公开 | 0',
    '',
  ])('not a heading: %s', (line) => {
    expect(matchSectionHeading(line)).toBeNull();
  });

  it('a heading whose key words name another section is that section (variant)', () => {
    expect(matchSectionHeading('五、因政府信息公开申请行政复议、提起行政诉讼的情况')).toEqual({ number: 4, variant: true, numbered: true });
  });

  it('pre-2019 layout headings', () => {
    expect(matchPreTemplateHeading('一、概述')).toBe('概述');
    expect(matchPreTemplateHeading('三、依申请公开政府信息情况')).toBe('依申请公开');
    expect(matchPreTemplateHeading('四、政府信息公开的收费及减免情况')).toBe('收费及减免');
    expect(matchPreTemplateHeading('二、主动公开政府信息情况')).toBeNull();
  });
});
