/**
 * Consistent year pairs of the same agency built with the shared report factory: next year's
 * carry-over equals last year's carry-forward (table 三 rebalanced so K1 still holds), the stock
 * figures of table 二 continue, and sections 一 and 五 are newly written (not copied) while 五
 * refers to the previous year's problems.
 */
import type { Report } from '../../../shared/report/model.ts';
import { type Edition, T3_APPLICANTS, t2Key, t3Key } from '../../../shared/report/template.ts';
import { makeReport, withCells, withSection } from '../../support/report-factory.ts';

export const AGENCY = '示例市生态环境局';

const SECTION_ONE_NEXT =
  '本年度，局党组把政务公开列入重点督办事项，按月通报进展。\n' +
  '主动公开方面，围绕大气污染防治、排污许可审批集中发布专题信息，新增环评审批结果公示专栏。\n' +
  '依申请公开方面，修订办理流程图，由法制科统一登记、分办和复核答复文书。\n' +
  '政府信息管理方面，完成历年规范性文件清理，对失效文件逐件标注废止日期。\n' +
  '平台建设方面，门户网站迁移至市级集约化平台，政务微信开通留言回复功能。\n' +
  '监督保障方面，组织两期面向基层执法人员的专题培训，并将公开质量纳入科室年度考核。';

const SECTION_FIVE_NEXT =
  '对照上年度报告所列问题，主动公开的及时性已明显改善，整改工作基本完成。\n' +
  '本年度仍存在的不足是基层执法信息公开的覆盖面不够广。\n' +
  '下一步将推动执法结果公示全覆盖，改进解读材料的制作方式。';

function rebalanceT3(report: Report, previous: Report): Report {
  const cells: Record<string, number> = {};
  const num = (r: Report, k: string) => r.cells[k] as number;
  for (const a of T3_APPLICANTS) {
    const over = num(previous, t3Key('carried_forward', a));
    let forward = num(report, t3Key('carried_forward', a));
    const processed = num(report, t3Key('total_processed', a));
    let received = processed + forward - over;
    if (received < 0) {
      forward -= received;
      received = 0;
    }
    cells[t3Key('carried_over', a)] = over;
    cells[t3Key('carried_forward', a)] = forward;
    cells[t3Key('new_received', a)] = received;
  }
  for (const row of ['carried_over', 'carried_forward', 'new_received']) {
    cells[t3Key(row, 'total')] = T3_APPLICANTS.reduce((s, a) => s + cells[t3Key(row, a)]!, 0);
  }
  return withCells(report, cells);
}

function continueT2(report: Report, previous: Report): Report {
  const num = (r: Report, k: string) => r.cells[k] as number;
  const cells: Record<string, number> = {};
  if (report.edition === '2021' && previous.edition === '2021') {
    for (const row of ['regulations', 'normative']) {
      cells[t2Key(row, 'valid')] =
        num(previous, t2Key(row, 'valid')) + num(report, t2Key(row, 'issued')) - num(report, t2Key(row, 'repealed'));
    }
  }
  if (report.edition === '2019' && previous.edition === '2019') {
    for (const row of ['license', 'other_services', 'penalty', 'coercion', 'fees']) {
      const prev = num(previous, t2Key(row, 'prev')) + num(previous, t2Key(row, 'delta'));
      cells[t2Key(row, 'prev')] = prev;
      cells[t2Key(row, 'delta')] = Math.max(num(report, t2Key(row, 'delta')), -prev);
    }
    for (const row of ['regulations', 'normative']) {
      cells[t2Key(row, 'total')] = num(previous, t2Key(row, 'total')) + num(report, t2Key(row, 'published'));
    }
  }
  return withCells(report, cells);
}

export interface PairOptions {
  year: number;
  edition: Edition;
  previousEdition?: Edition;
  agency?: string;
  previousAgency?: string;
  seed?: number;
}

/** A consistent (previous, report) pair of the same agency for years Y−1 and Y. */
export function yearPair(o: PairOptions): { previous: Report; report: Report } {
  const seed = o.seed ?? 3;
  const previous = makeReport({
    seed,
    edition: o.previousEdition ?? o.edition,
    year: o.year - 1,
    agency: o.previousAgency ?? o.agency ?? AGENCY,
  });
  let report = makeReport({ seed: seed + 1, edition: o.edition, year: o.year, agency: o.agency ?? AGENCY });
  report = continueT2(rebalanceT3(report, previous), previous);
  report = withSection(withSection(report, 1, SECTION_ONE_NEXT), 5, SECTION_FIVE_NEXT);
  return { previous, report };
}

/** A cell of a report as a number (fixtures always hold numbers there). */
export function n(report: Report, key: string): number {
  const v = report.cells[key];
  if (typeof v !== 'number') throw new Error(`${key} is not a number`);
  return v;
}
