/**
 * Labels printed with one character wrong. A column header (`本年废纸件数`, `先行有效件数`: 平潭
 * department reports, corpus round 2) is that column when it is the one place in the header that
 * differs from the label in one character; with two characters wrong it is a column outside the
 * template. A row label without an enumerator (`行政事业型收费`, corpus round 3) is the one row of
 * five characters or more one character off. A sub-table headed in the other edition's words is
 * read in that edition's columns.
 */
import { describe, expect, it } from 'vitest';
import { checkBytes } from '../../shared/usecases/check.ts';

const report = (header: string) =>
  checkBytes(
    new TextEncoder().encode(
      [
        '某区某局2023年政府信息公开工作年度报告',
        '二、主动公开政府信息情况',
        '第二十条第（一）项',
        `信息内容\t${header}`,
        '规章\t0\t0\t0',
        '行政规范性文件\t3\t1\t24',
        '三、收到和处理政府信息公开申请情况',
      ].join('\n'),
    ),
  );

describe('a misspelled column header', () => {
  it('one character wrong in two headers: both columns read, each quoted once as printed', async () => {
    const { report: r, findings } = await report('本年制发件数\t本年废纸件数\t先行有效件数');
    expect(r?.cells).toMatchObject({ 's2.normative.issued': 3, 's2.normative.repealed': 1, 's2.normative.valid': 24 });
    expect(findings.filter((f) => f.ruleId === 'C-COL-MISSING')).toEqual([]);
    const variants = findings.filter((f) => f.ruleId === 'C-LABEL-VARIANT').map((f) => f.message);
    expect(variants.filter((m) => m.includes('本年废纸件数'))).toHaveLength(1);
    expect(variants.filter((m) => m.includes('先行有效件数'))).toHaveLength(1);
  });

  it('two characters wrong: not taken for the template column (a column outside the template)', async () => {
    const { findings } = await report('本年制发件数\t本年废止件数\t先前有效条数');
    expect(findings.filter((f) => f.ruleId === 'C-COL-EXTRA').map((f) => f.message)).toEqual([
      '表二第二十条第（一）项有模板以外的列“先前有效条数”。',
    ]);
    expect(findings.filter((f) => f.ruleId === 'C-LABEL-VARIANT')).toEqual([]);
  });

  it('a row label without an enumerator, one character wrong (行政事业型收费): that row, quoted once as printed', async () => {
    const { report: r, findings } = await checkBytes(
      new TextEncoder().encode(
        [
          '某区某局2021年政府信息公开工作年度报告',
          '二、主动公开政府信息情况',
          '第二十条第（八）项',
          '信息内容\t本年收费金额（单位：万元）',
          '行政事业型收费\t12.5',
        ].join('\n'),
      ),
    );
    expect(r?.cells['s2.fees.amount']).toBe(12.5);
    expect(findings.filter((f) => f.ruleId === 'C-LABEL-VARIANT').map((f) => f.message)).toEqual([
      expect.stringContaining('行政事业型收费'),
    ]);
  });

  it('a 2019-edition table 二 with one sub-table headed in the 2021 words: that sub-table read in the 2021 columns', async () => {
    const { report: r } = await checkBytes(
      new TextEncoder().encode(
        [
          '某区某局2021年政府信息公开工作年度报告',
          '二、主动公开政府信息情况',
          '第二十条第（一）项',
          '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
          '规章\t0\t0\t0',
          '规范性文件\t1\t1\t9',
          '第二十条第（八）项',
          '信息内容\t本年收费金额（单位：万元）',
          '行政事业性收费\t282.1',
        ].join('\n'),
      ),
    );
    expect(r?.cells).toMatchObject({ 's2.normative.made': 1, 's2.normative.total': 9, 's2.fees.amount': 282.1 });
  });
});
