import type { Draft, Rule } from '../rule.ts';

const PLACES = { title: '标题', period: '统计期限', metadata: '上传信息' } as const;

/** The year in the title differs from the period's year or the uploaded year (one finding per disagreeing place). */
export const rule: Rule = {
  id: 'M-YEAR-CONFLICT',
  severity: 'warning',
  category: 'consistency',
  edition: 'both',
  title: '报告年度前后不一致',
  checks: 'The year in the title differs from the year of the stated statistical period, or from the year supplied with the upload.',
  reads: ['year (title, period, metadata)'],
  check({ report, metadata }) {
    const years = { ...report.recognition.years };
    if (metadata?.year !== undefined) years.metadata = metadata.year;
    const base: keyof typeof PLACES | undefined = years.title !== undefined ? 'title' : years.period !== undefined ? 'period' : undefined;
    if (!base) return [];
    const baseYear = years[base]!;
    const out: Draft[] = [];
    for (const other of ['period', 'metadata'] as const) {
      if (other === base) continue;
      const y = years[other];
      if (y === undefined || y === baseYear) continue;
      out.push({
        message: `${PLACES[base]}中的年度为 ${baseYear} 年，但${PLACES[other]}中的年度为 ${y} 年。`,
        expected: baseYear,
        actual: y,
      });
    }
    return out;
  },
};
