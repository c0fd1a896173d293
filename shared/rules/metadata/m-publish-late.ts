import type { Rule } from '../rule.ts';

/**
 * Publication after the legal deadline (regulation art. 49): 31 January of Y+1 for departments
 * (and general offices publishing their own report), 31 March of Y+1 for a government's own
 * report; for townships and other issuers (local rules) an info finding after 31 March.
 */
export const rule: Rule = {
  id: 'M-PUBLISH-LATE',
  severity: 'warning',
  category: 'consistency',
  edition: 'both',
  title: '发布晚于法定期限',
  checks:
    "A publication date is known and is later than 31 January of Y+1 for a department report, or 31 March of Y+1 for a county-level-or-higher government's own report; for other issuers emit as info when later than 31 March.",
  reads: ['publication date', 'year', 'issuer kind'],
  check({ report, metadata }) {
    const published = metadata?.publishedAt ?? report.publishedAt;
    const year = report.year ?? metadata?.year;
    if (!published || year === undefined || year === null || !/^\d{4}-\d{2}-\d{2}/.test(published)) return [];
    const date = published.slice(0, 10);
    const kind = metadata?.issuerKind ?? report.issuerKind;
    const department = kind === 'department' || kind === 'general-office';
    const deadline = department ? `${year + 1}-01-31` : `${year + 1}-03-31`;
    if (date <= deadline) return [];
    const [dy, dm, dd] = deadline.split('-').map(Number);
    const who = department ? '政府部门' : kind === 'government' ? '县级以上人民政府' : '该机关';
    const message = `报告发布日期为 ${date}，晚于${who}年度报告的发布期限 ${dy} 年 ${dm} 月 ${dd} 日。`;
    if (department || kind === 'government') return [{ message }];
    return [{ message: `${message}（乡镇及其他机关的期限由地方规定，仅供参考）`, severity: 'info' }];
  },
};
