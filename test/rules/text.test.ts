import { describe, it } from 'vitest';
import { t3Key, t4Key } from '../../shared/report/template.ts';
import { makeReport, withCells, withReport, withSection } from '../support/report-factory.ts';
import { checkCase, num, type RuleCase } from './helpers.ts';

const r21 = makeReport({ seed: 51, edition: '2021', year: 2022 });
const r19 = makeReport({ seed: 51, edition: '2019', year: 2020 });
const n = (key: string) => num(r21, key);
const S1_NO_SUPERVISION = '（一）主动公开。及时公开政策文件。（二）依申请公开。依法答复。（三）政府信息管理。（四）平台建设。';
const GOV = '示例县人民政府';

/** Seed report's own prose (heilongjiang-gxt-2022), sections 一 (part), 五 and 六. */
const SEED_S1 =
  '（一）全面深化信息主动公开。强化行政法规、规章和\n\n规范性文件公开，本年度集中公开厅规范性文件发布文件 17 件。加强政府信息管理，及时清理废止规范性文件 4 件，确保现行文件有效性。' +
  '（二）依法规范办理依申请公开。2022 年办理社会公众申请公开政府信息事项 12 条，完善依申请公开受理工作流程，及时进行满意度回访。';
const SEED_S5 =
  '2022 年省工信厅政务公开工作取得了积极成效，但仍存在一定的问題：一是政务公开的渠道仍需进一步丰富；二是政务公开的内容形式等需要进一步规范。\n\n' +
  '2023 年，省工信厅将深入贯彻落实党中央国务院和省委省政府对全面推进政务公开的决策部署，持续深化政务公开工作。';
const SEED_S6 = '2022 年，省工信厅未收取政府信息公开信息处理费。';
const seedLike = () =>
  withSection(
    withSection(
      withSection(withCells(r21, { 's2.normative.issued': 17, 's2.normative.repealed': 4, 's2.normative.valid': 70 }), 1, SEED_S1),
      5,
      SEED_S5,
    ),
    6,
    SEED_S6,
  );

const received = n(t3Key('new_received', 'total'));
const grantedPartial = n(t3Key('granted', 'total')) + n(t3Key('partial', 'total'));
const carried = n(t3Key('carried_over', 'total'));

const cases: RuleCase[] = [
  {
    name: '监督保障 not mentioned (2021)',
    rule: 'T-S1-ASPECTS',
    report: () => withSection(r21, 1, S1_NO_SUPERVISION),
    fires: 1,
    severity: 'warning',
    message: ['监督保障'],
  },
  {
    name: '监督保障 not mentioned (2019: info)',
    rule: 'T-S1-ASPECTS',
    report: () => withSection(r19, 1, S1_NO_SUPERVISION),
    fires: 1,
    severity: 'info',
    message: ['监督保障'],
  },
  { name: 'every aspect missing', rule: 'T-S1-ASPECTS', report: () => withSection(r21, 1, '本年度工作有序开展。'), fires: 5 },
  { name: 'empty section 一 (C-SECTION-EMPTY instead)', rule: 'T-S1-ASPECTS', report: () => withSection(r21, 1, ''), fires: 0 },
  {
    name: 'government without 考核',
    rule: 'T-S1-GOV-ACCOUNTABILITY',
    report: () => withReport(withSection(r21, 1, S1_NO_SUPERVISION), { agency: GOV, issuerKind: 'government' }),
    fires: 1,
    severity: 'info',
    message: [GOV, '考核'],
  },
  {
    name: 'government with 考核',
    rule: 'T-S1-GOV-ACCOUNTABILITY',
    report: () => withReport(r21, { agency: GOV, issuerKind: 'government' }),
    fires: 0,
  },
  { name: 'department without 考核', rule: 'T-S1-GOV-ACCOUNTABILITY', report: () => withSection(r21, 1, S1_NO_SUPERVISION), fires: 0 },
  {
    name: 'no problems, no measures',
    rule: 'T-S5-PROBLEMS-AND-MEASURES',
    report: () => withSection(r21, 5, '本年度工作开展顺利。'),
    fires: 1,
    severity: 'warning',
    message: ['存在的主要问题', '改进措施'],
  },
  { name: 'seed section 五 (问題 in traditional script, 2023 年…将)', rule: 'T-S5-PROBLEMS-AND-MEASURES', report: seedLike, fires: 0 },
  {
    name: 'seed section 五: no word on last year',
    rule: 'T-S5-PRIOR-RECTIFICATION',
    report: seedLike,
    fires: 1,
    severity: 'warning',
    message: ['2021'],
  },
  {
    name: 'names the previous year',
    rule: 'T-S5-PRIOR-RECTIFICATION',
    report: () => withSection(r21, 5, '针对 2021 年度报告指出的问题，已全部整改到位。'),
    fires: 0,
  },
  { name: '2019 edition (2021-only rule)', rule: 'T-S5-PRIOR-RECTIFICATION', report: () => withSection(r19, 5, SEED_S5), fires: 0 },
  {
    name: 'no fee statement',
    rule: 'T-S6-FEE-STATEMENT',
    report: () => withSection(r21, 6, '无。'),
    fires: 1,
    severity: 'warning',
    message: ['信息处理费'],
  },
  { name: 'seed section 六', rule: 'T-S6-FEE-STATEMENT', report: seedLike, fires: 0 },
  { name: 'no fee statement in 2019 (2021-only)', rule: 'T-S6-FEE-STATEMENT', report: () => withSection(r19, 6, '无。'), fires: 0 },
  { name: 'only the fee', rule: 'T-S6-GOV-ITEMS', report: seedLike, fires: 3, severity: 'info', message: ['工作要点'] },
  {
    name: 'prose count of requests differs',
    rule: 'T-NUM-TEXT-TABLE',
    report: () =>
      withSection(
        r21,
        1,
        `${r21.sections[0]!.text.replace(`收到政府信息公开申请 ${received} 件`, `收到政府信息公开申请 ${received + carried + 5} 件`)}`,
      ),
    fires: 1,
    severity: 'warning',
    // 收到 may count the carried-over requests too: the stated number matches neither reading.
    cells: [t3Key('new_received', 'total'), t3Key('carried_over', 'total')],
    expected: received + carried,
    actual: received + carried + 5,
    message: [String(received + carried + 5), `本年新收申请为 ${received}`, `本年新收与上年结转之和为 ${received + carried}`],
  },
  {
    name: '新收 has one reading',
    rule: 'T-NUM-TEXT-TABLE',
    report: () => withSection(r21, 3, `本年新收政府信息公开申请 ${received + carried} 件。`),
    fires: 1,
    cells: [t3Key('new_received', 'total')],
    expected: received,
    actual: received + carried,
    message: [`相差 ${carried}`],
  },
  { name: 'seed prose 12 条 / 17 件 / 4 件', rule: 'T-NUM-TEXT-TABLE', report: seedLike, fires: 0 },
  {
    name: 'combined outcome compared with the sum',
    rule: 'T-NUM-TEXT-TABLE',
    report: () => withSection(r21, 3, `其中予以公开及部分公开 ${grantedPartial} 件。`),
    fires: 0,
  },
  {
    name: 'combined outcome that differs',
    rule: 'T-NUM-TEXT-TABLE',
    report: () => withSection(r21, 3, `其中予以公开及部分公开 ${grantedPartial + 1} 件。`),
    fires: 1,
    cells: [t3Key('granted', 'total'), t3Key('partial', 'total')],
    expected: grantedPartial,
    actual: grantedPartial + 1,
  },
  {
    name: '受理 read as newly received',
    rule: 'T-NUM-TEXT-TABLE',
    report: () => withSection(r21, 3, `共受理政府信息公开申请 ${received} 件。`),
    fires: 0,
  },
  {
    name: '受理 read as received plus carried over',
    rule: 'T-NUM-TEXT-TABLE',
    report: () => withSection(r21, 3, `共受理政府信息公开申请 ${received + carried} 件。`),
    fires: 0,
  },
  {
    name: '受理 matching no reading',
    rule: 'T-NUM-TEXT-TABLE',
    report: () => withSection(r21, 3, `共受理政府信息公开申请 ${received + carried + 7} 件。`),
    fires: 1,
    cells: [t3Key('new_received', 'total'), t3Key('carried_over', 'total')],
    expected: received + carried,
    actual: received + carried + 7,
    message: ['任何一种读法', `本年新收申请为 ${received}`, `本年新收与上年结转之和为 ${received + carried}`],
  },
  {
    name: 'items of information classed 不予公开, counted in 条, are not requests',
    rule: 'T-NUM-TEXT-TABLE',
    report: () => withSection(r21, 2, '全年制发政府信息349条，其中主动公开124条、依申请公开173条、不予公开52条，不予公开信息数52条。'),
    fires: 0,
  },
  {
    name: 'requests counted in 条 where the phrase says 申请 are still compared',
    rule: 'T-NUM-TEXT-TABLE',
    report: () => withSection(r21, 3, `共收到政府信息公开申请 ${received + carried + 7} 条。`),
    fires: 1,
  },
  {
    name: '受理 of a reconsideration is not a request',
    rule: 'T-NUM-TEXT-TABLE',
    // The number is the table's reconsideration total: only the 受理 reading could fire.
    report: () => withSection(r21, 3, `受理行政复议申请 ${n(t4Key('review', 'total'))} 件。`),
    fires: 0,
  },
  {
    name: '受理 waits when carried-over is absent',
    rule: 'T-NUM-TEXT-TABLE',
    report: () =>
      withCells(withSection(r21, 3, `共受理政府信息公开申请 ${received + carried + 7} 件。`), {
        [t3Key('carried_over', 'total')]: undefined,
      }),
    fires: 0,
  },
  {
    name: 'last year’s number is not compared',
    rule: 'T-NUM-TEXT-TABLE',
    report: () => withSection(r21, 3, `较去年收到申请 ${received + 9} 件有所增加。2021 年收到申请 ${received + 3} 件。`),
    fires: 0,
  },
  {
    name: 'repealed documents differ',
    rule: 'T-NUM-TEXT-TABLE',
    report: () => withSection(seedLike(), 3, '清理废止规范性文件 6 件。'),
    fires: 1,
    cells: ['s2.normative.repealed'],
    expected: 4,
    actual: 6,
  },
  {
    name: 'prose says no reconsideration, table has some',
    rule: 'T-S4-NARRATIVE-CONFLICT',
    report: () => withCells(withSection(r21, 4, '本年度未发生政府信息公开行政复议案件。'), { 's4.review.total': n('s4.review.total') }),
    fires: 1,
    severity: 'warning',
    cells: [t4Key('review', 'total')],
    expected: n('s4.review.total'),
    message: ['未发生', String(n('s4.review.total'))],
  },
  {
    name: 'prose says there were lawsuits, table has none',
    rule: 'T-S4-NARRATIVE-CONFLICT',
    report: () =>
      withSection(
        withCells(
          r21,
          Object.fromEntries(
            ['litigation_direct', 'litigation_after_review'].flatMap((g) =>
              ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => [t4Key(g, c), 0]),
            ),
          ),
        ),
        4,
        '本年度发生因政府信息公开引起的行政诉讼案件。',
      ),
    fires: 1,
    cells: [t4Key('litigation_direct', 'total'), t4Key('litigation_after_review', 'total')],
    message: ['行政诉讼', '0'],
  },
  {
    name: 'prose says 均无, table has reconsiderations',
    rule: 'T-S4-NARRATIVE-CONFLICT',
    report: () => withSection(r21, 4, '本年度政府信息公开行政复议、行政诉讼均无。'),
    fires: n('s4.litigation_direct.total') + n('s4.litigation_after_review.total') > 0 ? 2 : 1,
    cells: [t4Key('review', 'total')],
  },
  {
    name: 'government recognized by its name',
    rule: 'T-S1-GOV-ACCOUNTABILITY',
    report: () => withReport(withSection(r21, 1, S1_NO_SUPERVISION), { agency: GOV, issuerKind: null }),
    fires: 1,
    message: [GOV],
  },
  {
    name: 'government office is not the government',
    rule: 'T-S1-GOV-ACCOUNTABILITY',
    report: () => withReport(withSection(r21, 1, S1_NO_SUPERVISION), { agency: '示例县人民政府办公室', issuerKind: null }),
    fires: 0,
  },
  {
    name: 'no reconsideration and none in table',
    rule: 'T-S4-NARRATIVE-CONFLICT',
    report: () =>
      withSection(
        withCells(r21, {
          's4.review.upheld': 0,
          's4.review.corrected': 0,
          's4.review.other': 0,
          's4.review.pending': 0,
          's4.review.total': 0,
        }),
        4,
        '本年度未发生行政复议案件。',
      ),
    fires: 0,
  },
  {
    name: 'preamble says six parts, five found',
    rule: 'T-PREAMBLE-PARTS',
    report: () => withSection(r21, 4, null),
    fires: 1,
    severity: 'info',
    expected: 6,
    actual: 5,
    message: ['六个部分', '5'],
  },
  {
    name: 'fee with no request',
    rule: 'T-S6-FEE-WITHOUT-REQUESTS',
    report: () =>
      withSection(withCells(r21, { 's3.new_received.total': 0, 's3.carried_over.total': 0 }), 6, '本年度收取信息处理费 200 元。'),
    fires: 1,
    severity: 'info',
    cells: ['s3.new_received.total', 's3.carried_over.total'],
    actual: 200,
    message: ['200元', '0'],
  },
  {
    name: 'fee with requests',
    rule: 'T-S6-FEE-WITHOUT-REQUESTS',
    report: () => withSection(r21, 6, '本年度收取信息处理费 200 元。'),
    fires: 0,
  },
  {
    name: 'no fee and no request',
    rule: 'T-S6-FEE-WITHOUT-REQUESTS',
    report: () => withSection(withCells(r21, { 's3.new_received.total': 0, 's3.carried_over.total': 0 }), 6, '本年度未收取信息处理费。'),
    fires: 0,
  },
];

describe('text rules', () => {
  it.each(cases)('$rule: $name', (c) => {
    checkCase(c);
  });
});
