import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../../shared/report/model.ts';
import { FindingSchema } from '../../../shared/report/model.ts';
import type { RuleId } from '../../../shared/rules/catalogue.ts';
import { HISTORY_RULES } from '../../../shared/rules/history/index.ts';
import { validate } from '../../../shared/rules/index.ts';
import { withCells, withRecognition, withReport, withSection } from '../../support/report-factory.ts';
import { n, yearPair } from './pairs.ts';

function run(report: Report, previous?: Report): Finding[] {
  const findings = validate({ report, ...(previous ? { previous } : {}) });
  for (const f of findings) FindingSchema.parse(f);
  return findings;
}
const of = (findings: Finding[], id: RuleId) => findings.filter((f) => f.ruleId === id);
const history = (findings: Finding[]) => findings.filter((f) => f.category === 'history');

describe('the history registry', () => {
  it('holds the cross-year rules (docs/rules.md) and H-TEXT-COPIED in catalogue order', () => {
    expect(HISTORY_RULES.map((r) => r.id)).toEqual([
      'X-T3-CARRYOVER',
      'X-T2-STOCK-CONTINUITY',
      'X-T2-MATTERS-CONTINUITY',
      'X-T2-PUBLISHED-STOCK',
      'X-EDITION-REGRESSION',
      'X-S5-FOLLOW-UP',
      'H-TEXT-COPIED',
    ]);
  });
});

describe('consistent year pairs give no finding at all', () => {
  it.each([
    { year: 2020, edition: '2019', previousEdition: '2019' },
    { year: 2021, edition: '2021', previousEdition: '2019' },
    { year: 2022, edition: '2021', previousEdition: '2021' },
    { year: 2024, edition: '2021', previousEdition: '2021' },
  ] as const)('$previousEdition edition $year−1 → $edition edition $year', (o) => {
    for (const seed of [1, 2, 3, 4]) {
      const { previous, report } = yearPair({ ...o, seed });
      expect(run(report, previous), `seed ${seed}`).toEqual([]);
    }
  });
});

describe('X-T3-CARRYOVER', () => {
  it.each([
    { year: 2020, edition: '2019', previousEdition: '2019' },
    { year: 2021, edition: '2021', previousEdition: '2019' },
    { year: 2023, edition: '2021', previousEdition: '2021' },
  ] as const)('fires per column when 上年结转 differs from last year ($year)', (o) => {
    const { previous, report } = yearPair(o);
    const before = n(previous, 's3.carried_forward.natural');
    const broken = withCells(report, {
      's3.carried_over.natural': before + 2,
      's3.carried_over.total': n(report, 's3.carried_over.total') + 2,
    });
    const found = of(run(broken, previous), 'X-T3-CARRYOVER');
    expect(found.map((f) => f.cells)).toEqual([['s3.carried_over.natural'], ['s3.carried_over.total']]);
    expect(found[0]).toMatchObject({ severity: 'warning', category: 'history', expected: before, actual: before + 2 });
    expect(found[0]!.message).toContain(`本报告（${o.year} 年）“上年结转政府信息公开申请数量”为 ${before + 2}`);
    expect(found[0]!.message).toContain(`${o.year - 1} 年报告“结转下年度继续办理”为 ${before}，相差 2`);
    expect(found[0]!.message).toContain('自然人');
  });

  it('reads a blank applicant cell as 0 but skips a blank 总计 (not filled)', () => {
    const { previous, report } = yearPair({ year: 2022, edition: '2021' });
    const prev = withCells(previous, { 's3.carried_forward.research': null, 's3.carried_forward.total': null });
    const cur = withCells(report, { 's3.carried_over.research': 1, 's3.carried_over.total': 999 });
    const found = of(run(cur, prev), 'X-T3-CARRYOVER');
    expect(found.map((f) => [f.cells, f.expected, f.actual])).toEqual([[['s3.carried_over.research'], 0, 1]]);
  });

  it('does not run without last year, for another year gap, or when an operand is absent', () => {
    const { previous, report } = yearPair({ year: 2022, edition: '2021' });
    const broken = withCells(report, { 's3.carried_over.natural': n(report, 's3.carried_over.natural') + 5 });
    expect(of(run(broken), 'X-T3-CARRYOVER')).toEqual([]);
    expect(of(run(broken, withReport(previous, { year: 2020 })), 'X-T3-CARRYOVER')).toEqual([]);
    expect(of(run(broken, withReport(previous, { year: 2022 })), 'X-T3-CARRYOVER')).toEqual([]);
    expect(of(run(withCells(broken, { 's3.carried_over.natural': undefined }), previous), 'X-T3-CARRYOVER')).toEqual([]);
    expect(of(run(broken, withCells(previous, { 's3.carried_forward.natural': undefined })), 'X-T3-CARRYOVER')).toEqual([]);
  });
});

describe('identity of the agency', () => {
  it('gives no history finding when the identity is uncertain or different', () => {
    const { previous, report } = yearPair({ year: 2022, edition: '2021' });
    const broken = withCells(report, { 's3.carried_over.natural': n(report, 's3.carried_over.natural') + 5 });
    expect(of(run(broken, previous), 'X-T3-CARRYOVER')).toHaveLength(1);
    for (const agency of [null, '生态环境局', '示例市生态环境分局', '示例市自然资源局']) {
      expect(history(run(broken, withReport(previous, { agency }))), String(agency)).toEqual([]);
    }
  });

  it('matches spacing, full-width, traditional and 人民政府/政府 variants of the same name', () => {
    const gov = yearPair({
      year: 2022,
      edition: '2021',
      agency: '示例县人民政府办公室',
      previousAgency: '示例縣 政府辦公室（县政务公开办）',
    });
    const broken = withCells(gov.report, { 's3.carried_over.natural': n(gov.report, 's3.carried_over.natural') + 1 });
    expect(of(run(broken, gov.previous), 'X-T3-CARRYOVER')).toHaveLength(1);
  });
});

describe('X-T2-STOCK-CONTINUITY (2021 edition, Y ≥ 2022)', () => {
  it('fires when 现行有效件数 does not continue, with both years in the message', () => {
    const { previous, report } = yearPair({ year: 2022, edition: '2021' });
    const valid = n(report, 's2.normative.valid');
    const found = of(run(withCells(report, { 's2.normative.valid': valid + 4 }), previous), 'X-T2-STOCK-CONTINUITY');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      cells: ['s2.normative.valid', 's2.normative.issued', 's2.normative.repealed'],
      expected: valid,
      actual: valid + 4,
    });
    expect(found[0]!.message).toContain(`2021 年报告“现行有效件数”为 ${n(previous, 's2.normative.valid')}`);
    expect(found[0]!.message).toContain(`应为 ${valid} 件，但本报告填写 ${valid + 4} 件`);
    expect(found[0]!.message).toContain('行政规范性文件');
  });

  it('does not run across the edition change (2020 → 2021) or on a "/" stock', () => {
    const across = yearPair({ year: 2021, edition: '2021', previousEdition: '2019' });
    const broken = withCells(across.report, { 's2.normative.valid': 999 });
    expect(of(run(broken, across.previous), 'X-T2-STOCK-CONTINUITY')).toEqual([]);
    const { previous, report } = yearPair({ year: 2023, edition: '2021' });
    expect(of(run(withCells(report, { 's2.regulations.valid': '/' }), previous), 'X-T2-STOCK-CONTINUITY')).toEqual([]);
  });
});

describe('X-T2-MATTERS-CONTINUITY and X-T2-PUBLISHED-STOCK (2019 edition, Y = 2020)', () => {
  it('fires when 上一年项目数量 (2020) ≠ 上一年项目数量 (2019) + 本年增/减 (2019)', () => {
    const { previous, report } = yearPair({ year: 2020, edition: '2019' });
    const expected = n(previous, 's2.penalty.prev') + n(previous, 's2.penalty.delta');
    const found = of(run(withCells(report, { 's2.penalty.prev': expected + 7 }), previous), 'X-T2-MATTERS-CONTINUITY');
    expect(found.map((f) => [f.cells, f.expected, f.actual])).toEqual([[['s2.penalty.prev'], expected, expected + 7]]);
    expect(found[0]!.message).toContain('行政处罚');
    expect(found[0]!.message).toContain(`2019 年报告“上一年项目数量”为 ${n(previous, 's2.penalty.prev')}`);
  });

  it('fires (info) when 对外公开总数量 shrinks', () => {
    const { previous, report } = yearPair({ year: 2020, edition: '2019' });
    const before = n(previous, 's2.normative.total');
    const found = of(run(withCells(report, { 's2.normative.total': before - 1 }), previous), 'X-T2-PUBLISHED-STOCK');
    expect(found.map((f) => [f.severity, f.cells, f.expected, f.actual])).toEqual([['info', ['s2.normative.total'], before, before - 1]]);
    expect(found[0]!.message).toContain(`少于 2019 年报告的 ${before}`);
  });

  it('do not run for other years (2019 edition used for 2021 → 2022)', () => {
    const { previous, report } = yearPair({ year: 2020, edition: '2019' });
    const broken = withCells(report, { 's2.penalty.prev': 999, 's2.normative.total': 0 });
    const shifted = run(withReport(broken, { year: 2022 }), withReport(previous, { year: 2021 }));
    expect(of(shifted, 'X-T2-MATTERS-CONTINUITY')).toEqual([]);
    expect(of(shifted, 'X-T2-PUBLISHED-STOCK')).toEqual([]);
  });
});

describe('X-EDITION-REGRESSION', () => {
  it('fires when a 2021-edition agency goes back to the 2019 edition, any earlier year', () => {
    const { previous } = yearPair({ year: 2022, edition: '2021' });
    const { report } = yearPair({ year: 2023, edition: '2019' });
    for (const prevYear of [2022, 2021]) {
      const found = of(run(report, withReport(previous, { year: prevYear })), 'X-EDITION-REGRESSION');
      expect(found).toHaveLength(1);
      expect(found[0]!.message).toContain(`本报告（2023 年）使用 2019 年试行版`);
      expect(found[0]!.message).toContain(`${prevYear} 年报告已使用 2021 年修订版`);
    }
  });

  it('does not fire forward, or when an edition was only taken from the year', () => {
    const forward = yearPair({ year: 2021, edition: '2021', previousEdition: '2019' });
    expect(of(run(forward.report, forward.previous), 'X-EDITION-REGRESSION')).toEqual([]);
    const { previous } = yearPair({ year: 2022, edition: '2021' });
    const { report } = yearPair({ year: 2023, edition: '2019' });
    const guessed = withRecognition(previous, { editionBasis: 'year' });
    expect(of(run(report, guessed), 'X-EDITION-REGRESSION')).toEqual([]);
  });
});

describe('X-S5-FOLLOW-UP (2021 edition)', () => {
  const silent = '本年度主要问题是网站栏目设置不够合理。下一步将优化栏目设置，完善考核办法。';

  it('fires when last year listed problems and this year says nothing about them', () => {
    const { previous, report } = yearPair({ year: 2022, edition: '2021' });
    const found = of(run(withSection(report, 5, silent), previous), 'X-S5-FOLLOW-UP');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('info');
    expect(found[0]!.message).toContain('2021 年报告“存在的主要问题及改进情况”列出了问题（如“政府信息公开的主动性还有差距”）');
    expect(found[0]!.message).toContain('本报告（2022 年）');
  });

  it('does not fire when this year refers to last year or repeats a problem phrase', () => {
    const { previous, report } = yearPair({ year: 2022, edition: '2021' });
    expect(of(run(report, previous), 'X-S5-FOLLOW-UP')).toEqual([]);
    const echoed = `${silent}针对政策解读形式较为单一的情况，今年新增图解和视频解读。`;
    expect(of(run(withSection(report, 5, echoed), previous), 'X-S5-FOLLOW-UP')).toEqual([]);
    const byYear = `${silent}2021年报告中提出的问题均已整改。`;
    expect(of(run(withSection(report, 5, byYear), previous), 'X-S5-FOLLOW-UP')).toEqual([]);
  });

  it('does not fire when last year listed no problem, or for a 2019-edition report', () => {
    const { previous, report } = yearPair({ year: 2022, edition: '2021' });
    const noProblems = withSection(previous, 5, '下一步，我们将完善工作机制，提升公开质量。');
    expect(of(run(withSection(report, 5, silent), noProblems), 'X-S5-FOLLOW-UP')).toEqual([]);
    const old = yearPair({ year: 2020, edition: '2019' });
    expect(of(run(withSection(old.report, 5, silent), old.previous), 'X-S5-FOLLOW-UP')).toEqual([]);
  });
});
