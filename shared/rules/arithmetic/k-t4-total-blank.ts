import { t4GroupName } from '../labels.ts';
import type { Rule } from '../rule.ts';
import { fmt } from '../support.ts';
import { analyze } from './identities.ts';

/** A blank or "/" table-四 总计 whose four parts sum to more than 0. */
export const rule: Rule = {
  id: 'K-T4-TOTAL-BLANK',
  severity: 'warning',
  category: 'completeness',
  edition: 'both',
  title: '表四总计空白',
  checks: '`g.total` blank while its four parts sum to more than 0.',
  reads: ['s4.<group>.upheld', 's4.<group>.corrected', 's4.<group>.other', 's4.<group>.pending', 's4.<group>.total'],
  check({ report }) {
    const a = analyze(report);
    if (!a) return [];
    return a.derived
      .filter((d) => d.identity.kind === 'K5')
      .map((d) => ({
        message: `表四“${t4GroupName(d.identity.subject)}”的“总计”未填写，但结果维持、结果纠正、其他结果、尚未审结合计为 ${fmt(d.sum)}。`,
        cells: [d.key, ...d.identity.cells.filter((k) => k !== d.key)],
        expected: d.sum,
      }));
  },
};
