import { t4Key } from '../../report/template.ts';
import { analyze } from '../arithmetic/identities.ts';
import type { Draft, Rule } from '../rule.ts';
import { allProse, fmt } from '../support.ts';

const NEGATION =
  /(未发生|没有发生|未出现|未有|没有|未收到|未被|不存在)[^。;]{0,20}?(复议|诉讼)|无[^。;,]{0,6}?(复议|诉讼)|(复议|诉讼)[^。;]{0,12}?(为零|均为\s*0(?!\d)|均未发生|均无|情况为无)/;
const POSITIVE = /(发生|被申请|被提起|收到|涉及)[^。;,]{0,10}?(行政复议|行政诉讼)/;

const GROUPS = {
  review: { name: '行政复议', word: '复议', keys: [t4Key('review', 'total')] },
  litigation: { name: '行政诉讼', word: '诉讼', keys: [t4Key('litigation_direct', 'total'), t4Key('litigation_after_review', 'total')] },
} as const;

/**
 * Prose says there were no reconsiderations/lawsuits while table 四 has some, or the reverse.
 * Explicit counts (`行政复议 2 件`) are T-NUM-TEXT-TABLE's, so only wordings without a count are read here.
 */
export const rule: Rule = {
  id: 'T-S4-NARRATIVE-CONFLICT',
  severity: 'warning',
  category: 'consistency',
  edition: 'both',
  title: '复议诉讼文字说明与表格矛盾',
  checks:
    'Prose says there were no reconsiderations/lawsuits (未发生 / 无 / 0件 … 复议 / 诉讼) while a table-四 total is > 0, or the reverse.',
  reads: ['prose on reconsiderations and lawsuits', 's4.*.total'],
  check({ report }) {
    const a = analyze(report);
    if (!a) return [];
    const out: Draft[] = [];
    const done = new Set<string>();
    for (const sentence of allProse(report).split(/[。;!?\n]/)) {
      if (!/复议|诉讼/.test(sentence)) continue;
      const negative = NEGATION.test(sentence);
      const positive = !negative && !/\d/.test(sentence) && POSITIVE.test(sentence);
      if (!negative && !positive) continue;
      for (const [id, g] of Object.entries(GROUPS)) {
        if (!sentence.includes(g.word) || done.has(id)) continue;
        const values = g.keys.map((k) => a.cells[k]);
        if (values.some((v) => typeof v !== 'number')) continue;
        const total = (values as number[]).reduce((s, v) => s + v, 0);
        if (negative ? total === 0 : total > 0) continue;
        done.add(id);
        out.push({
          message: negative
            ? `正文称“${sentence.trim()}”，但表四${g.name}总计为 ${fmt(total)}。`
            : `正文称“${sentence.trim()}”，但表四${g.name}总计为 0。`,
          cells: [...g.keys],
          expected: total,
        });
      }
    }
    return out;
  },
};
