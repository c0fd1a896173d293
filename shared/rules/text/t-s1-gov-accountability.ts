import type { Rule } from '../rule.ts';
import { sectionProse } from '../support.ts';

/** A people's government that does not report 考核 / 评议 / 责任追究 in section 一 or 五 (art. 50(4)). */
export const rule: Rule = {
  id: 'T-S1-GOV-ACCOUNTABILITY',
  severity: 'info',
  category: 'completeness',
  edition: 'both',
  title: '未报告考核、评议和责任追究情况',
  checks:
    "The issuer is a people's government (name ends in 人民政府 and is not a 办公室/办公厅 or department) and section 一/五 does not mention 考核, 评议 or 责任追究 (art. 50(4)).",
  reads: ['agency', 'text of sections 一 and 五'],
  check({ report, metadata }) {
    const agency = (report.agency ?? metadata?.agency ?? '').trim();
    const kind = metadata?.issuerKind ?? report.issuerKind;
    const government = kind === 'government' || (/人民政府$/.test(agency) && kind !== 'general-office' && kind !== 'department');
    if (!government) return [];
    const texts = [sectionProse(report, 1), sectionProse(report, 5)].filter((t): t is string => t !== undefined);
    if (texts.length === 0 || texts.some((t) => /考核|评议|责任追究/.test(t))) return [];
    return [{ message: `${agency || '本级人民政府'}的报告未说明政府信息公开工作考核、社会评议和责任追究结果情况（条例第五十条第四项）。` }];
  },
};
