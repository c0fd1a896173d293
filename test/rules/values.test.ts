import { describe, it } from 'vitest';
import type { CellIssue, Report } from '../../shared/report/model.ts';
import { makeReport, withCells, withRecognition } from '../support/report-factory.ts';
import { checkCase, type RuleCase } from './helpers.ts';

const r21 = makeReport({ seed: 31, edition: '2021', year: 2023 });
const r19 = makeReport({ seed: 31, edition: '2019', year: 2020 });

function issue(report: Report, i: CellIssue): Report {
  return withRecognition(report, { cellIssues: [...report.recognition.cellIssues, i] });
}

const cases: RuleCase[] = [
  {
    name: 'text in a count cell',
    rule: 'P-CELL-UNPARSEABLE',
    report: () =>
      issue(withCells(r21, { 's2.license.decisions': undefined }), { key: 's2.license.decisions', raw: '详见附件', issue: 'unparseable' }),
    fires: 1,
    severity: 'error',
    cells: ['s2.license.decisions'],
    message: ['详见附件', '行政许可'],
  },
  {
    name: 'negative count',
    rule: 'P-CELL-NEGATIVE',
    report: () => withCells(r21, { 's2.penalty.decisions': -3 }),
    fires: 1,
    severity: 'error',
    cells: ['s2.penalty.decisions'],
    actual: -3,
    message: ['-3', '行政处罚'],
  },
  {
    name: 'negative delta (2019) is allowed',
    rule: 'P-CELL-NEGATIVE',
    report: () => withCells(r19, { 's2.license.prev': 10, 's2.license.delta': -2 }),
    fires: 0,
  },
  {
    name: 'decimal count',
    rule: 'P-CELL-NONINTEGER',
    report: () => withCells(r21, { 's2.license.decisions': 2.5 }),
    fires: 1,
    severity: 'error',
    cells: ['s2.license.decisions'],
    actual: 2.5,
    message: ['2.5'],
  },
  { name: 'decimal money', rule: 'P-CELL-NONINTEGER', report: () => withCells(r21, { 's2.fees.amount': 1.25 }), fires: 0 },
  {
    name: 'unit in cell',
    rule: 'P-UNIT-EMBEDDED',
    report: () =>
      issue(withCells(r21, { 's2.fees.amount': 0.2 }), { key: 's2.fees.amount', raw: '2000元', issue: 'unit-embedded', unit: '元' }),
    fires: 1,
    severity: 'info',
    cells: ['s2.fees.amount'],
    message: ['2000元', '元'],
  },
  {
    name: 'unit conflict',
    rule: 'P-UNIT-CONFLICT',
    report: () => issue(r21, { key: 's2.fees.amount', raw: '3美元', issue: 'unit-conflict', unit: '美元' }),
    fires: 1,
    severity: 'warning',
    message: ['3美元'],
  },
  {
    name: 'procurement amount without unit',
    rule: 'P-UNIT-MISSING',
    report: () => {
      const out = withCells(r19, { 's2.procurement.amount': 12.5 });
      out.recognition.tables.find((t) => t.id === 't2.9')!.headerUnits = {};
      return out;
    },
    fires: 1,
    severity: 'warning',
    cells: ['s2.procurement.amount'],
    actual: 12.5,
    message: ['12.5', '采购总金额'],
  },
  {
    name: 'procurement amount with unit in header',
    rule: 'P-UNIT-MISSING',
    report: () => withCells(r19, { 's2.procurement.amount': 12.5 }),
    fires: 0,
  },
  {
    name: 'doubled sign',
    rule: 'P-DELTA-AMBIGUOUS',
    report: () =>
      issue(withCells(r19, { 's2.license.prev': 300, 's2.license.delta': -253 }), {
        key: 's2.license.delta',
        raw: '--253',
        issue: 'delta-ambiguous',
      }),
    fires: 1,
    severity: 'warning',
    message: ['--253', '-253'],
  },
  {
    name: 'doubled sign in a 2021 report (2019-only rule)',
    rule: 'P-DELTA-AMBIGUOUS',
    report: () => issue(r21, { key: 's2.license.decisions', raw: '--2', issue: 'delta-ambiguous' }),
    fires: 0,
  },
  {
    name: 'signed prev',
    rule: 'P-SHIFTED-CELL',
    report: () => issue(r19, { key: 's2.other_services.prev', raw: '+22', issue: 'shifted' }),
    fires: 1,
    severity: 'warning',
    cells: ['s2.other_services.prev'],
    message: ['+22', '其他对外管理服务事项'],
  },
  {
    name: 'full-width digits',
    rule: 'P-NORMALIZED',
    report: () =>
      issue(withCells(r21, { 's2.license.decisions': 1234 }), { key: 's2.license.decisions', raw: '１,２３４', issue: 'normalized' }),
    fires: 1,
    severity: 'info',
    message: ['１,２３４', '1234'],
  },
];

describe('cell value rules', () => {
  it.each(cases)('$rule: $name', (c) => {
    checkCase(c);
  });
});
