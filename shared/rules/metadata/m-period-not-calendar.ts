import type { Rule } from '../rule.ts';

/** The stated period is not 1 January – 31 December of the report year. */
export const rule: Rule = {
  id: 'M-PERIOD-NOT-CALENDAR',
  severity: 'warning',
  category: 'consistency',
  edition: 'both',
  title: '统计期限不是报告年度的自然年',
  checks: 'A stated period exists but is not 1 January – 31 December of the report year.',
  reads: ['statistical period (preamble)', 'year'],
  check({ report }) {
    const p = report.recognition.period;
    if (!p) return [];
    const y = report.year;
    const fromOk = p.from.month === 1 && p.from.day === 1 && (p.from.year === undefined || y === null || p.from.year === y);
    const toYear = p.to.year ?? p.from.year;
    const toOk = p.to.month === 12 && p.to.day === 31 && (toYear === undefined || y === null || toYear === y);
    if (fromOk && toOk) return [];
    const d = (x: { year?: number; month: number; day: number }) => `${x.year !== undefined ? `${x.year}年` : ''}${x.month}月${x.day}日`;
    return [
      {
        message: `统计期限为 ${d(p.from)}至${d(p.to)}，不是报告年度${y !== null ? ` ${y} 年` : ''}的 1 月 1 日至 12 月 31 日。`,
        source: p.source,
      },
    ];
  },
};
