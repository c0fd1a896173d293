import { tableName } from '../labels.ts';
import type { Draft, Rule } from '../rule.ts';

/** A row that is not a template row (kept, excluded from arithmetic). */
export const rule: Rule = {
  id: 'C-ROW-EXTRA',
  severity: 'warning',
  category: 'format',
  edition: 'both',
  title: '表格有模板以外的行',
  checks:
    "A row that is not a template row (local extension, subtotal row, the other edition's row); it is kept but excluded from arithmetic except `K-T3-GROUP-SUBTOTAL`.",
  reads: ['rows found that are not template rows'],
  check({ report }) {
    const out: Draft[] = [];
    for (const t of report.recognition.tables) {
      for (const extra of t.extraRows) {
        const values = Object.values(extra.values).map((v) => (v === null ? '空白' : String(v)));
        const row =
          extra.label.trim() !== '' ? `模板以外的行“${extra.label}”` : `一行没有项目名称的数据（${values.join('、') || '无数值'}）`;
        out.push({
          message: `${tableName(t.id)}有${row}${extra.group ? '（小计行）' : ''}，未计入勾稽核对。`,
          source: extra.source,
        });
      }
    }
    return out;
  },
};
