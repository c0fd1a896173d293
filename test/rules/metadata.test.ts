import { describe, expect, it } from 'vitest';
import { makeReport, withRecognition, withReport } from '../support/report-factory.ts';
import { checkCase, type RuleCase, run } from './helpers.ts';

const r21 = makeReport({ seed: 11, edition: '2021', year: 2022 });
const r19 = makeReport({ seed: 11, edition: '2019', year: 2020 });

const cases: RuleCase[] = [
  {
    name: 'no title',
    rule: 'M-TITLE-MISSING',
    report: () => withReport(r21, { title: null }),
    fires: 1,
    severity: 'warning',
    message: ['未找到报告标题'],
  },
  {
    name: 'title without year',
    rule: 'M-TITLE-MISSING',
    report: () => withReport(r21, { title: '某局政府信息公开工作年度报告' }),
    fires: 1,
    message: ['某局政府信息公开工作年度报告'],
  },
  {
    name: 'seed-style title with spaces',
    rule: 'M-TITLE-MISSING',
    report: () => withReport(r21, { title: '黑龙江省工业和信息化厅 2022 年度政府信息公开工作报告' }),
    fires: 0,
  },
  {
    name: 'no year anywhere',
    rule: 'M-YEAR-UNDETERMINED',
    report: () => withReport(r21, { year: null }),
    fires: 1,
    severity: 'error',
    message: ['报告年度'],
  },
  {
    name: 'year only in metadata',
    rule: 'M-YEAR-UNDETERMINED',
    report: () => withReport(r21, { year: null }),
    metadata: { year: 2022 },
    fires: 0,
  },
  {
    name: 'title vs period',
    rule: 'M-YEAR-CONFLICT',
    report: () => withRecognition(r21, { years: { title: 2022, period: 2021 } }),
    fires: 1,
    severity: 'warning',
    expected: 2022,
    actual: 2021,
    message: [2022, 2021, '统计期限'],
  },
  {
    name: 'title vs upload',
    rule: 'M-YEAR-CONFLICT',
    report: () => r21,
    metadata: { year: 2023 },
    fires: 1,
    expected: 2022,
    actual: 2023,
    message: ['上传信息'],
  },
  { name: 'agreeing years', rule: 'M-YEAR-CONFLICT', report: () => r21, metadata: { year: 2022 }, fires: 0 },
  {
    name: 'no period',
    rule: 'M-PERIOD-MISSING',
    report: () => withRecognition(r21, { period: undefined }),
    fires: 1,
    severity: 'info',
    message: ['2022 年 1 月 1 日'],
  },
  {
    name: 'half-year period',
    rule: 'M-PERIOD-NOT-CALENDAR',
    report: () =>
      withRecognition(r21, {
        period: { text: '2022年1月1日至6月30日', from: { year: 2022, month: 1, day: 1 }, to: { month: 6, day: 30 } },
      }),
    fires: 1,
    severity: 'warning',
    message: ['6月30日', '2022'],
  },
  {
    name: 'period of another year',
    rule: 'M-PERIOD-NOT-CALENDAR',
    report: () =>
      withRecognition(r21, {
        period: { text: '2021年1月1日至12月31日', from: { year: 2021, month: 1, day: 1 }, to: { month: 12, day: 31 } },
      }),
    fires: 1,
    message: ['2021年1月1日'],
  },
  {
    name: 'period without years',
    rule: 'M-PERIOD-NOT-CALENDAR',
    report: () => withRecognition(r21, { period: { text: '1月1日至12月31日', from: { month: 1, day: 1 }, to: { month: 12, day: 31 } } }),
    fires: 0,
  },
  {
    name: 'department after 31 January',
    rule: 'M-PUBLISH-LATE',
    report: () => withReport(r21, { publishedAt: '2023-02-15' }),
    fires: 1,
    severity: 'warning',
    message: ['2023-02-15', '2023 年 1 月 31 日'],
  },
  { name: 'department on 31 January', rule: 'M-PUBLISH-LATE', report: () => withReport(r21, { publishedAt: '2023-01-31' }), fires: 0 },
  {
    name: 'government in March',
    rule: 'M-PUBLISH-LATE',
    report: () => withReport(r21, { publishedAt: '2023-03-15', issuerKind: 'government' }),
    fires: 0,
  },
  {
    name: 'government in April',
    rule: 'M-PUBLISH-LATE',
    report: () => withReport(r21, { publishedAt: '2023-04-02', issuerKind: 'government' }),
    fires: 1,
    severity: 'warning',
    message: ['2023 年 3 月 31 日'],
  },
  {
    name: 'township in April (info)',
    rule: 'M-PUBLISH-LATE',
    report: () => withReport(r21, { publishedAt: '2023-04-02' }),
    metadata: { issuerKind: 'township' },
    fires: 1,
    severity: 'info',
    message: ['2023-04-02'],
  },
  {
    name: 'no markers, edition from year',
    rule: 'E-EDITION-UNDETERMINED',
    report: () => withRecognition(r21, { editionMarkers: { '2019': [], '2021': [] }, editionBasis: 'year' }),
    fires: 1,
    severity: 'error',
    message: ['2021 年版'],
  },
  {
    name: 'both editions',
    rule: 'E-EDITION-MIXED',
    report: () => withRecognition(r21, { editionMarkers: { '2019': ['政府集中采购'], '2021': ['本年制发件数'] } }),
    fires: 1,
    severity: 'warning',
    message: ['政府集中采购', '本年制发件数'],
  },
  {
    name: '2019 grid in 2022',
    rule: 'E-EDITION-YEAR-MISMATCH',
    report: () => withReport(r19, { year: 2022 }),
    fires: 1,
    severity: 'warning',
    expected: 2021,
    actual: 2019,
    message: ['2022', '2021 年版'],
  },
  {
    name: '2021 grid in 2020',
    rule: 'E-EDITION-YEAR-MISMATCH',
    report: () => withReport(r21, { year: 2020 }),
    fires: 1,
    expected: 2019,
    actual: 2021,
  },
  { name: '2019 grid in 2020', rule: 'E-EDITION-YEAR-MISMATCH', report: () => r19, fires: 0 },
  {
    name: 'year 2018',
    rule: 'E-EDITION-PRE2019',
    report: () => withReport(r19, { year: 2018 }),
    fires: 1,
    severity: 'info',
    message: ['2018'],
  },
  {
    name: 'old layout',
    rule: 'E-EDITION-PRE2019',
    report: () => withRecognition(r19, { preTemplateLayout: true }),
    fires: 1,
    message: ['旧版'],
  },
];

describe('metadata and edition rules', () => {
  it.each(cases)('$rule: $name', (c) => {
    checkCase(c);
  });

  it('runs no template rule on a pre-2019 report', () => {
    const old = withReport(withRecognition(r19, { preTemplateLayout: true, period: undefined }), { title: null, sections: [] });
    const findings = run(old);
    expect(findings.map((f) => f.ruleId)).toEqual(['E-EDITION-PRE2019']);
  });

  it('runs no edition-specific rule when the edition is unknown', () => {
    const unknown = withReport(r21, { edition: null, sections: r21.sections.map((s) => (s.number === 6 ? { ...s, text: '无。' } : s)) });
    const ids = run(unknown).map((f) => f.ruleId);
    expect(ids).not.toContain('T-S6-FEE-STATEMENT');
    expect(ids.filter((id) => id.startsWith('K-') || id.startsWith('C-TABLE') || id.startsWith('C-ROW'))).toEqual([]);
  });
});
