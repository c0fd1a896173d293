import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/report/model.ts';
import { BoilerplateIndex, buildBoilerplateIndex, isTemplateSentence } from '../../../shared/rules/history/boilerplate.ts';
import {
  boilerplateLookups,
  COPIED_SHARE_THRESHOLD,
  comparedSentences,
  copiedText,
  indexedSentences,
  MIN_COPIED_SENTENCES,
} from '../../../shared/rules/history/copied-text.ts';
import { rule } from '../../../shared/rules/history/h-text-copied.ts';
import { normalizeSentence, sentencesOf } from '../../../shared/rules/history/sentences.ts';
import { validate } from '../../../shared/rules/index.ts';
import { withReport, withSection } from '../../support/report-factory.ts';
import { corpusIndex, corpusPairs, corpusReports, measure } from './corpus-pairs.ts';
import { yearPair } from './pairs.ts';

const LAST_YEAR_ONE =
  '2021年，我局围绕生态环境保护中心工作，扎实推进政务公开。\n' +
  '（一）主动公开\n' +
  '全年在门户网站发布环评审批、排污许可等信息356条，同步在政务微信推送126条。\n' +
  '（二）依申请公开\n' +
  '全年收到申请12件，均在法定期限内答复，未发生因答复不当引起的复议和诉讼。\n' +
  '（三）政府信息管理\n' +
  '严格执行公开前保密审查制度，对拟公开信息实行科室初审、办公室复审、分管领导审定的三级审核。\n' +
  '（四）政府信息公开平台建设\n' +
  '对门户网站栏目进行了全面梳理，整合重复栏目8个，新增“双随机”抽查结果专栏。\n' +
  '（五）监督保障\n' +
  '将政务公开工作纳入科室年度目标考核，开展业务培训2次，参训人员达60人次。';
const LAST_YEAR_FIVE =
  '一是部分科室对政务公开重视程度不够，信息报送不及时；二是政策解读形式较为单一。\n' +
  '下一步，我局将加强培训，丰富图解、视频等解读形式，提升公开实效。';

/** Last year's text with the numbers and the year changed: a report "updated" by editing numbers. */
const renumbered = (text: string) => text.replace(/2021年/g, '2022年').replace(/\d+(?=[条件个次人])/g, (x) => String(Number(x) + 5));

function copiedPair(): { previous: Report; report: Report } {
  const { previous, report } = yearPair({ year: 2022, edition: '2021' });
  const prev = withSection(withSection(previous, 1, LAST_YEAR_ONE), 5, LAST_YEAR_FIVE);
  const cur = withSection(
    withSection(report, 1, renumbered(LAST_YEAR_ONE)),
    5,
    `针对上年度报告所列问题，已逐项整改。${renumbered(LAST_YEAR_FIVE)}`,
  );
  return { previous: prev, report: cur };
}

describe('sentences', () => {
  it('split on 。！？； and line breaks, and normalize numbers, years, enumeration, punctuation and script', () => {
    expect(sentencesOf('一、甲乙丙。（二）丁戊！己庚？辛壬；癸\n子丑').map((s) => s.text)).toEqual([
      '一、甲乙丙',
      '（二）丁戊',
      '己庚',
      '辛壬',
      '癸',
      '子丑',
    ]);
    expect(normalizeSentence('（三）2021年，我局發布信息 1,356 条、“专栏”8个')).toBe('#年我局发布信息#条专栏#个');
    expect(normalizeSentence('二是政策解读形式较为单一')).toBe(normalizeSentence('一是政策解读形式较为单一'));
  });

  it('treat short sentences, sub-headings and template phrases as boilerplate', () => {
    for (const s of [
      '（三）政府信息管理',
      '（四）政府信息公开平台建设方面',
      '坚持以公开为常态、不公开为例外原则，全面、准确、及时做好公开工作',
      '根据《中华人民共和国政府信息公开条例》要求，现公布本局年度报告',
      '本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止',
    ]) {
      expect(isTemplateSentence(normalizeSentence(s)), s).toBe(true);
    }
    expect(isTemplateSentence(normalizeSentence('整合重复栏目8个，新增“双随机”抽查结果专栏'))).toBe(false);
  });
});

describe('H-TEXT-COPIED', () => {
  it('fires on a report whose sections 一 and 五 repeat last year with new numbers, stating the share and quoting', () => {
    const { previous, report } = copiedPair();
    const m = copiedText(report, previous);
    expect(m.eligible.length).toBe(9);
    expect(m.copied.length).toBe(8);
    const found = validate({ report, previous }).filter((f) => f.ruleId === 'H-TEXT-COPIED');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', category: 'history' });
    expect(found[0]!.message).toContain('共 9 句，其中 8 句（89%）与 2021 年报告相同或仅数字不同');
    expect(found[0]!.message).toContain('例如：“严格执行公开前保密审查制度，对拟公开信息实行科室初审、办公室复审、分管领导审定的三级审核”');
    expect(found[0]!.message).toContain('（2022 年）');
  });

  it('does not fire when only boilerplate is shared', () => {
    const { previous, report } = yearPair({ year: 2022, edition: '2021' });
    const template = (year: number) =>
      `根据《中华人民共和国政府信息公开条例》，编制本机关${year}年政府信息公开工作年度报告。\n` +
      `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。\n` +
      '坚持以公开为常态、不公开为例外，全面推进政务公开。\n（一）主动公开\n（二）依申请公开\n（三）政府信息管理\n' +
      '（四）政府信息公开平台建设\n（五）监督保障\n切实保障人民群众的知情权、参与权和监督权。';
    const prev = withSection(previous, 1, template(2021));
    const cur = withSection(report, 1, `${template(2022)}\n本年度新建了依申请公开登记台账，并对全部答复书进行了法制审核。`);
    expect(copiedText(cur, prev).copied).toEqual([]);
    expect(validate({ report: cur, previous: prev }).filter((f) => f.ruleId === 'H-TEXT-COPIED')).toEqual([]);
  });

  it('leaves out what a BoilerplateIndex marks as shared by other agencies of the year', () => {
    const { previous, report } = copiedPair();
    const shared = comparedSentences(report);
    const others = ['甲县生态环境局', '乙县生态环境局', '丙县生态环境局'].map((agency) => ({ agency, sentences: shared }));
    const index = buildBoilerplateIndex(others, 2);
    expect(copiedText(report, previous, index).eligible).toEqual([]);
    expect(rule.check({ report, previous, boilerplate: index })).toEqual([]);
    // Only one other agency wrote them: not boilerplate at k = 2.
    const one = buildBoilerplateIndex(others.slice(0, 1), 2);
    expect(rule.check({ report, previous, boilerplate: one })).toHaveLength(1);
  });

  it('counts the agency itself out of the index', () => {
    const index = new BoilerplateIndex(1).add({ agency: '甲县人民政府', sentences: [{ norm: 'x' }] });
    expect(index.has('x', '甲县政府')).toBe(false);
    expect(index.has('x', '乙县政府')).toBe(true);
    expect(index.has('y', '乙县政府')).toBe(false);
  });

  it('does not run without the same agency for Y−1', () => {
    const { previous, report } = copiedPair();
    expect(rule.check({ report })).toEqual([]);
    expect(rule.check({ report, previous: withReport(previous, { year: 2020 }) })).toEqual([]);
    expect(rule.check({ report, previous: withReport(previous, { agency: '生态环境局' }) })).toEqual([]);
  });
});

describe('the threshold on pairs constructed from the corpus (docs/history.md)', () => {
  const reports = corpusReports();
  const pairs = corpusPairs(reports);
  const index = corpusIndex(reports);

  it('has the corpus reports and every kind of pair', () => {
    expect(reports.length).toBe(14);
    expect(pairs.filter((p) => p.kind === 'unrelated')).toHaveLength(14 * 13);
  });

  it.each(pairs.filter((p) => p.kind !== 'unrelated').map((p) => ({ ...p, label: `${p.kind}: ${p.name}` })))(
    '$label: share 100% (copied) or ≥ 2/3 (edited, ≥ 3 sentences); fires when ≥ 3 sentences are copied',
    (pair) => {
      const m = measure(pair, index);
      const drafts = rule.check({ report: pair.report, previous: pair.previous, boilerplate: index });
      if (pair.kind === 'copied' && m.eligible.length > 0) expect(m.share).toBe(1);
      if (m.eligible.length >= 3) expect(m.share).toBeGreaterThanOrEqual(2 / 3);
      expect(drafts).toHaveLength(m.copied.length >= MIN_COPIED_SENTENCES ? 1 : 0);
    },
  );

  it('fires on 9 of the 14 copied and 9 of the 14 edited copies (the others have under three comparable sentences)', () => {
    for (const kind of ['copied', 'edited copy'] as const) {
      const fired = pairs.filter((p) => p.kind === kind && rule.check({ report: p.report, previous: p.previous }).length > 0);
      expect(fired, kind).toHaveLength(9);
    }
  });

  it('never fires on unrelated pairs, whose copied share stays far below the threshold', () => {
    const shares = pairs.filter((p) => p.kind === 'unrelated').map((p) => measure(p).share);
    expect(Math.max(...shares)).toBeLessThan(COPIED_SHARE_THRESHOLD / 2);
    for (const p of pairs.filter((x) => x.kind === 'unrelated')) {
      expect(rule.check({ report: p.report, previous: p.previous }), p.name).toEqual([]);
    }
  });
});

describe('boilerplateLookups', () => {
  it('asks about no sentence when too few repeat last year even with no boilerplate known, else about every indexed one', () => {
    const { previous, report } = copiedPair();
    expect(copiedText(report, previous).copied.length).toBeGreaterThanOrEqual(MIN_COPIED_SENTENCES);
    expect(boilerplateLookups(report, previous)).toEqual(indexedSentences(report));
    expect(boilerplateLookups(report, previous).length).toBeGreaterThan(MIN_COPIED_SENTENCES);

    const own = withSection(
      withSection(report, 1, '本年度我局新建了数据开放平台，上线数据集四十二个。'),
      5,
      '平台访问量不高，下一步加强宣传推广。',
    );
    expect(copiedText(own, previous).copied.length).toBeLessThan(MIN_COPIED_SENTENCES);
    expect(boilerplateLookups(own, previous)).toEqual([]);
  });
});
