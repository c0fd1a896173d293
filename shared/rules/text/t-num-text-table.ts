import { analyze } from '../arithmetic/identities.ts';
import type { Draft, Rule } from '../rule.ts';
import { allProse, fmt } from '../support.ts';
import { mentions } from './quantities.ts';

/** A number stated in prose for an unambiguous quantity differs from the table (once per quantity and stated value). */
export const rule: Rule = {
  id: 'T-NUM-TEXT-TABLE',
  severity: 'warning',
  category: 'consistency',
  edition: 'both',
  title: '正文数字与表格不符',
  checks:
    'A number stated in prose for an unambiguous quantity differs from the table: requests received (`收到…申请N件` ↔ `new_received.total`), carried over, carried forward, closed (`办结/答复N件` ↔ `total_processed.total`), per-outcome counts (`予以公开N件` ↔ `granted.total`, …), reconsiderations and lawsuits (↔ `s4.*.total`). Ambiguous phrases (e.g. "予以公开及部分公开") are compared with the matching sum or skipped.',
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
      const keys = m.quantity.keys(a.edition);
      let table = 0;
      let ok = true;
      for (const k of keys) {
        const v = a.cells[k];
        if (typeof v !== 'number') ok = false;
        else table += v;
      }
      if (!ok || table === m.stated) continue;
      const id = `${m.quantity.name}:${m.stated}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({
        message: `正文称“${m.text.trim()}”（${m.quantity.name} ${fmt(m.stated)}），但表格中为 ${fmt(table)}，相差 ${fmt(Math.abs(table - m.stated))}。`,
        cells: keys,
        expected: table,
        actual: m.stated,
      });
    }
    return out;
  },
};
