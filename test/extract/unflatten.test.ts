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

  it('leaves short lines alone, but for a row label glued to a digit run', () => {
    expect(unflatten('规章 0 0 0')).toEqual(['规章 0 0 0']);
    expect(unflatten('    规章000')).toEqual(['    规章 000']);
    expect(unflatten('行政规范性文件6241')).toEqual(['行政规范性文件 6241']);
    expect(unflatten('其中规章000')).toEqual(['其中规章000']);
    expect(unflatten('共有规章3件')).toEqual(['共有规章3件']);
  });

  it('cuts a section heading in its own words off the text that runs on from it', () => {
    const text =
      '，较上年增长10%。四、结转下年度继续办理0000000四、政府信息公开行政复议与行政诉讼情况2023年，没有政府信息公开行政复议、行政诉讼。五、存在的主要问题及明年工作计划2024年，我局继续';
    const line = `第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0（本列数据的勾稽关系${text}`;
    const out = unflatten(line);
    expect(out).toContain('四、政府信息公开行政复议与行政诉讼情况');
    expect(out).toContain('五、存在的主要问题及明年工作计划');
    expect(out).toContain('2024年，我局继续');
  });

  it("cuts table 四's run of values off the text's next part glued to it", () => {
    const line = `第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000000000000000五、信息处理费收取情况通知收取件数通知收取金额（元）实际收取金额（元）000`;
    const out = unflatten(line);
    expect(out).toContain('000000000000000');
    expect(out.at(-1)).toBe('五、信息处理费收取情况通知收取件数通知收取金额（元）实际收取金额（元）000');
  });

  it('drops an enumerator typed twice between a digit run and the row it numbers', () => {
    // pingtan_czjrj_2019 (the corpus), from table 二's last sub-table on
    const line =
      '第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购2832995元三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量0000000二、上年结转政府信息公开申请数量0000000三三、本年度办理结果（一）予以公开0000000';
    const out = unflatten(line);
    expect(out.find((l) => l.includes('上年结转'))).toMatch(/0000000$/);
    expect(out.find((l) => l.includes('本年度办理结果'))).toMatch(/^三、本年度办理结果/);
  });

  it('cuts before a numbered row whose label is not the template word for word', () => {
    // pingtan_junshanpq_2025 (the corpus): 和 inserted in row 2, 受理 for 处理 in （六）'s row 1
    const line =
      '第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）（三）不予公开1.属于国家秘密00000002.其他法律和行政法规禁止公开00000003.危及“三安全一稳定”0000000（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请0000000';
    const out = unflatten(line);
    expect(out).toContain('1.属于国家秘密 0000000');
    expect(out).toContain('2.其他法律和行政法规禁止公开 0000000');
    expect(out).toContain('1.申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请 0000000');
  });

  it('ends the last row at its value when the text goes on with a numbered part', () => {
    const line =
      '第二十条第（六）项信息内容本年处理决定数量行政处罚0行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费5949.09(二)主动公开政府信息的主要类别2023年，在主动公开的107条政府信息中';
    expect(unflatten(line).slice(-2)).toEqual([
      '行政事业性收费 5949.09',
      '(二)主动公开政府信息的主要类别2023年，在主动公开的107条政府信息中',
    ]);
  });
});
