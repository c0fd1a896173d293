import { analyze } from '../arithmetic/identities.ts';
import type { Draft, Rule } from '../rule.ts';
import { allProse, fmt } from '../support.ts';
import { mentions } from './quantities.ts';

/** A number stated in prose for an unambiguous quantity differs from the table (once per quantity and stated value). */
export const rule: Rule = {
  id: 'T-NUM-TEXT-TABLE',
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
