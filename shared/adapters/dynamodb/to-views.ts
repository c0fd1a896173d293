/**
 * Item → view: how the stored items of items.ts become the read models of views.ts. Drops every
 * key and denormalized attribute; joins a version's section parts and cell groups.
 */

import type {
  LatestFinding,
  ReportDetail,
  ReportSummary,
  ResolvedFinding,
  SectionView,
  VersionFinding,
  VersionSummary,
} from '../../usecases/views.ts';
import type { FindingItem, Item, ReportItem, ResolvedItem, VersionItem } from './items.ts';

// ---------------------------------------------------------------------------------------------

export function reportSummaryOf(item: ReportItem): ReportSummary {
  return {
    reportId: item.reportId,
    agency: item.agency,
    year: item.year,
    edition: item.edition,
    title: item.title,
    identified: item.identified,
    status: item.status,
    counts: { error: item.counts.error, warning: item.counts.warning, info: item.counts.info },
    latestVersionId: item.latestVersionId,
    file: { bucket: item.bucket, key: item.objectKey, name: item.fileName },
    processedAt: item.processedAt,
    totals: item.totals,
  };
}

export function versionSummaryOf(item: VersionItem, latestVersionId: string | null): VersionSummary {
  const identitySource: VersionSummary['identitySource'] = {};
  if (item.identitySource.agency) identitySource.agency = item.identitySource.agency;
  if (item.identitySource.year) identitySource.year = item.identitySource.year;
  return {
    reportId: item.reportId,
    versionId: item.versionId,
    latest: item.versionId === latestVersionId,
    agency: item.agency,
    year: item.year,
    identified: item.identified,
    identitySource,
    edition: item.edition,
    title: item.title,
    publishedAt: item.publishedAt,
    status: item.status,
    counts: { error: item.counts.error, warning: item.counts.warning, info: item.counts.info },
    findingCount: item.findingCount,
    diff: { new: item.diff.new, resolved: item.diff.resolved, unchanged: item.diff.unchanged },
    previousVersionId: item.previousVersionId ?? null,
    file: {
      bucket: item.bucket,
      key: item.objectKey,
      name: item.fileName,
      sourceVersion: item.sourceVersion,
      size: item.size,
      contentType: item.contentType ?? null,
    },
    processedAt: item.processedAt,
    rulesetVersion: item.rulesetVersion,
    inputRuleId: item.inputRuleId ?? null,
    previousYear: item.previousYear ? { reportId: item.previousYear.reportId, versionId: item.previousYear.versionId } : null,
    evaluation: item.evaluation
      ? {
          kind: item.evaluation.kind,
          basedOn: item.evaluation.basedOn,
          triggeredBy: item.evaluation.triggeredBy
            ? {
                reportId: item.evaluation.triggeredBy.reportId,
                versionId: item.evaluation.triggeredBy.versionId,
                year: item.evaluation.triggeredBy.year,
              }
            : null,
        }
      : null,
  };
}

/** The Finding fields of a stored finding, without the item's keys and denormalized fields. */
function findingFields(item: FindingItem | ResolvedItem) {
  const out: Omit<VersionFinding, 'seq' | 'change'> = {
    ruleId: item.ruleId,
    severity: item.severity,
    category: item.category,
    message: item.message,
  };
  if (item.cells !== undefined) out.cells = item.cells;
  if (item.expected !== undefined) out.expected = item.expected;
  if (item.actual !== undefined) out.actual = item.actual;
  if (item.suspect !== undefined) out.suspect = item.suspect;
  if (item.source !== undefined) out.source = item.source;
  return out;
}

export const versionFindingOf = (item: FindingItem): VersionFinding => ({ ...findingFields(item), seq: item.seq, change: item.change });

export const latestFindingOf = (item: FindingItem): LatestFinding => ({
  ...versionFindingOf(item),
  reportId: item.reportId,
  versionId: item.versionId,
  agency: item.agency,
  year: item.year,
});

const resolvedFindingOf = (item: ResolvedItem): ResolvedFinding => ({
  ...findingFields(item),
  seq: item.seq,
  fromVersionId: item.fromVersionId,
});

/** Builds the detail view of a version from its version item and the items of its partition. */
export function reportDetailOf(version: VersionItem, latestVersionId: string | null, items: Item[]): ReportDetail {
  const parts = new Map<number, { section: SectionView; texts: [number, string][] }>();
  const detail: ReportDetail = {
    ...versionSummaryOf(version, latestVersionId),
    issuerKind: null,
    sections: [],
    cells: {},
    cellSources: {},
    findings: [],
    resolvedFindings: [],
  };
  const findings: FindingItem[] = [];
  const resolved: ResolvedItem[] = [];
  for (const item of items) {
    switch (item.type) {
      case 'section': {
        let entry = parts.get(item.number);
        if (!entry) {
          const section: SectionView = {
            number: item.number,
            heading: item.heading,
            text: '',
            variant: item.variant,
            numbered: item.numbered,
          };
          if (item.source) section.source = item.source;
          entry = { section, texts: [] };
          parts.set(item.number, entry);
        }
        entry.texts.push([item.part, item.text]);
        break;
      }
      case 'cells':
        Object.assign(detail.cells, item.cells);
        Object.assign(detail.cellSources, item.sources);
        break;
      case 'recognition':
        detail.issuerKind = item.issuerKind;
        break;
      case 'finding':
        findings.push(item);
        break;
      case 'resolved':
        resolved.push(item);
        break;
      default:
        break;
    }
  }
  detail.sections = [...parts.values()]
    .map(({ section, texts }) => ({
      ...section,
      text: texts
        .sort((a, b) => a[0] - b[0])
        .map(([, t]) => t)
        .join(''),
    }))
    .sort((a, b) => a.number - b.number);
  detail.findings = findings.sort((a, b) => a.seq.localeCompare(b.seq)).map(versionFindingOf);
  detail.resolvedFindings = resolved.sort((a, b) => a.seq.localeCompare(b.seq)).map(resolvedFindingOf);
  return detail;
}
