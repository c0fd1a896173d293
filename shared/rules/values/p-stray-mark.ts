import type { Rule } from '../rule.ts';
import { issueDrafts } from './issues.ts';

/** A stray mark beside a number (`? 0`, `0*`) was ignored; the number was read. */
export const rule: Rule = {
  id: 'P-STRAY-MARK',
  severity: 'info',
  category: 'format',
  edition: 'both',
  title: '单元格中有多余符号',
  checks:
    'A mark that is not part of the value stood beside a number — `?` or `�` where a no-break space was lost, a footnote `*` — and was ignored; the number was read (the raw text stays in the cell source). A mark is never read as a digit.',
  reads: ['raw text of every template cell'],
  check({ report }) {
    return issueDrafts(
      report,
      'stray',
      (name, i) => `${name}填写为“${i.raw.trim()}”，已忽略数字旁的多余符号，读作 ${report.cells[i.key] ?? '数字'}。`,
    );
  },
};
