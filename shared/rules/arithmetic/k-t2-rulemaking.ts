import { TEMPLATE_TABLES } from '../../report/template.ts';
import { cellName } from '../labels.ts';
import type { Rule } from '../rule.ts';
import { cell, fmt } from '../support.ts';

/** Names of bodies that may make 规章 even though they are departments (State Council ministries). */
const CENTRAL = /^(国家|中华人民共和国|国务院|中国)/;

/** K8: non-zero 规章 figures from an agency that has no rule-making power (issuer kind from the upload metadata). */
export const rule: Rule = {
  id: 'K-T2-RULEMAKING',
  severity: 'info',
  category: 'consistency',
  edition: 'both',
  title: '无规章制定权却填报规章',
  checks: 'Non-zero 规章 figures from an agency whose type (known from upload metadata) has no rule-making power (K8).',
  reads: ['s2.regulations.*', 'issuer kind (upload metadata)'],
  check({ report, metadata }) {
    const edition = report.edition;
    const kind = metadata?.issuerKind ?? report.issuerKind;
    if (edition === null || !kind) return [];
    const agency = metadata?.agency ?? report.agency ?? '';
    const noPower = kind === 'township' || kind === 'general-office' || (kind === 'department' && !CENTRAL.test(agency));
    if (!noPower) return [];
    const row = TEMPLATE_TABLES[edition].find((t) => t.id === 't2.1')?.rows.find((r) => r.key === 'regulations');
    if (!row) return [];
    const nonZero = row.cells.filter((k) => {
      const v = cell(report, k);
      return typeof v === 'number' && v !== 0;
    });
    if (nonZero.length === 0) return [];
    const listed = nonZero.map((k) => `${cellName(k, edition)} ${fmt(cell(report, k) as number)}`).join('，');
    return [
      {
        message: `${agency || '本机关'}不具有规章制定权，但表二“规章”行填有非零数字：${listed}。请核实是否应填 0 或“/”。`,
        cells: nonZero,
      },
    ];
  },
};
