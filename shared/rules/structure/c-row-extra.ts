import { tableName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';

/** A row that is not a template row (kept, excluded from arithmetic). */
export const rule: Rule = {
  id: 'C-ROW-EXTRA',
  check({ report }) {
    const out: Draft[] = [];
    for (const t of report.recognition.tables) {
      for (const extra of t.extraRows) {
        out.push({
          message: `${tableName(t.id)}有模板以外的行“${extra.label}”${extra.group ? '（小计行）' : ''}，未计入勾稽核对。`,
          source: extra.source,
        });
      }
    }
    return out;
  },
};
