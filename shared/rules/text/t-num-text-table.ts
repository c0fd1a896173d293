import { analyze } from '../arithmetic/identities.ts';
import type { Draft, Rule } from '../rule.ts';
import { allProse, fmt } from '../support.ts';
import { compare, mentions } from './quantities.ts';

/** A number stated in prose for an unambiguous quantity differs from the table (once per quantity and stated value). */
export const rule: Rule = {
  id: 'T-NUM-TEXT-TABLE',
  severity: 'warning',
  category: 'consistency',
  edition: 'both',
  title: '正文数字与表格不符',
  checks:
    'A number stated in prose for an unambiguous quantity differs from the table: requests received (`收到…申请N件` ↔ `new_received.total`), carried over, carried forward, closed (`办结/答复N件` ↔ `total_processed.total`), per-outcome counts (`予以公开N件` ↔ `granted.total`, …), reconsiderations and lawsuits (↔ `s4.*.total`). Phrases that join two outcomes (e.g. "予以公开及部分公开") are compared with the matching sum; a phrase with more than one plausible reading (`受理…申请N件`: newly received, or received plus carried over) is flagged only when it matches none of them.',
  reads: [
    'numbers stated in the prose',
    's3.new_received.total',
    's3.carried_over.total',
    's3.carried_forward.total',
    's3.total_processed.total',
    's3.<outcome>.total',
    's4.*.total',
  ],
  check({ report }) {
    const a = analyze(report);
    if (!a) return [];
    const out: Draft[] = [];
    const seen = new Set<string>();
    for (const m of mentions(allProse(report), report.year)) {
      const c = compare(m, a.edition, a.cells);
      if (!c || c.matches) continue;
      const id = `${m.quantity.name}:${m.stated}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const table = c.sums.map((s) => (c.sums.length > 1 ? `${s.reading.name}为 ${fmt(s.sum)}` : `${fmt(s.sum)}`));
      const nearest = c.sums.reduce((best, s) => (Math.abs(s.sum - m.stated) < Math.abs(best.sum - m.stated) ? s : best));
      out.push({
        message:
          c.sums.length > 1
            ? `正文称“${m.text.trim()}”（${m.quantity.name} ${fmt(m.stated)}），与表格的任何一种读法都不符：${table.join('，')}。`
            : `正文称“${m.text.trim()}”（${m.quantity.name} ${fmt(m.stated)}），但表格中为 ${table[0]}，相差 ${fmt(Math.abs(nearest.sum - m.stated))}。`,
        cells: [...new Set(c.sums.flatMap((s) => s.reading.keys))],
        expected: nearest.sum,
        actual: m.stated,
      });
    }
    return out;
  },
};
