import { t3Key } from '../../report/template.ts';
import { analyze } from '../arithmetic/identities.ts';
import type { Rule } from '../rule.ts';
import { fmt, lenientSum, sectionProse } from '../support.ts';

const FEE = /信息处理费[^。；;]{0,20}?(\d+(?:\.\d+)?)\s*(万元|元)/;
const NONE = /(未|没有|无|不)[^。；;]{0,6}收取[^。；;]{0,10}信息处理费|信息处理费[^。；;]{0,6}(为\s*0(?![\d.])|为零|(?<![\d.])0\s*元)/;

/** 2021: section 六 reports a fee amount > 0 while no request was received or carried over. */
export const rule: Rule = {
  id: 'T-S6-FEE-WITHOUT-REQUESTS',
  severity: 'info',
  category: 'consistency',
  edition: '2021',
  title: '无申请却收取信息处理费',
  checks: 'Section 六 reports a fee amount > 0 while `new_received.total + carried_over.total = 0`.',
  reads: ['text of section 六', 's3.new_received.total', 's3.carried_over.total'],
  check({ report }) {
    const text = sectionProse(report, 6);
    const a = analyze(report);
    if (text === undefined || !a) return [];
    const sentence = text.split(/[。;\n]/).find((x) => FEE.test(x));
    const m = sentence === undefined ? null : FEE.exec(sentence);
    if (!m || NONE.test(sentence!)) return [];
    const amount = Number(m[1]);
    if (!(amount > 0)) return [];
    const keys = [t3Key('new_received', 'total'), t3Key('carried_over', 'total')];
    const requests = lenientSum(a.cells, keys);
    if (requests !== 0) return [];
    return [
      {
        message: `“其他需要报告的事项”称收取信息处理费 ${fmt(amount)}${m[2]}，但表三本年新收和上年结转的申请合计为 0。`,
        cells: keys,
        actual: amount,
      },
    ];
  },
};
