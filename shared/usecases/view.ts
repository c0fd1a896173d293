/**
 * The view use case: the report page of a stored version (the API's `/reports/{id}/view` and
 * `/reports/{id}/versions/{v}/view`), and the same page for a file checked by the CLI.
 */
import { type PageModel, type PageVersion, renderReportPage } from '../render/page.ts';
import { countBySeverity, statusOf } from '../report/status.ts';
import type { CheckResult } from './check.ts';
import type { ReportQueries } from './ports.ts';
import type { ReportDetail, VersionSummary } from './views.ts';

/** Where a version's page is, relative to the API root. */
export const viewPath = (reportId: string, versionId?: string): string =>
  versionId ? `/reports/${reportId}/versions/${versionId}/view` : `/reports/${reportId}/view`;

function modelOf(detail: ReportDetail, versions: readonly VersionSummary[], base: string): PageModel {
  const latest = versions.find((v) => v.versionId === detail.versionId) ? versions[0]?.versionId : undefined;
  const pageVersions: PageVersion[] = versions.map((v) => ({
    versionId: v.versionId,
    processedAt: v.processedAt,
    status: v.status,
    counts: v.counts,
    diff: v.diff,
    href: `${base}${viewPath(v.reportId, v.versionId)}`,
    current: v.versionId === detail.versionId,
    latest: v.versionId === latest,
  }));
  return {
    agency: detail.agency,
    year: detail.year,
    edition: detail.edition,
    title: detail.title,
    fileName: detail.file.name,
    status: detail.status,
    counts: detail.counts,
    version: { id: detail.versionId, processedAt: detail.processedAt, latest: detail.versionId === latest, reportId: detail.reportId },
    versions: pageVersions,
    sections: detail.sections.map((s) => ({ number: s.number, heading: s.heading, text: s.text })),
    cells: detail.cells,
    findings: detail.findings.map(({ seq: _seq, change, ...f }) => ({ ...f, change })),
    resolved: detail.resolvedFindings.map(({ seq: _seq, ...f }) => f),
  };
}

/**
 * The page of a stored report version (the latest when `versionId` is absent).
 * @param base - the API's base path or URL, for links between versions ('' for relative links)
 * @returns the HTML, or null when the report or version does not exist
 * @throws the store's errors
 */
export async function reportPage(
  queries: ReportQueries,
  reportId: string,
  versionId: string | undefined,
  base = '',
): Promise<string | null> {
  const [detail, versions] = await Promise.all([
    versionId === undefined ? queries.getReport(reportId) : queries.getVersion(reportId, versionId),
    queries.listVersions(reportId),
  ]);
  if (!detail) return null;
  return renderReportPage(modelOf(detail, versions ?? [], base));
}

/**
 * The page of a file checked without a store (`nianbao check FILE --html OUT.html`).
 * @param fileName - shown as the file
 */
export function checkPage(fileName: string, result: CheckResult): string {
  const r = result.report;
  const counts = countBySeverity(result.findings);
  return renderReportPage({
    agency: r?.agency ?? null,
    year: r?.year ?? null,
    edition: r?.edition ?? null,
    title: r?.title ?? null,
    fileName,
    status: statusOf(counts),
    counts,
    sections: r?.sections.map((s) => ({ number: s.number, heading: s.heading, text: s.text })) ?? [],
    cells: r?.cells ?? {},
    findings: result.findings,
    resolved: [],
  });
}
