/**
 * A report written with the repository's own write function (saveVersion) in two versions, so
 * the API tests have every shape regardless of what the domain currently finds in the corpus:
 * findings of all three severities, a resolved finding, a section long enough to be stored in
 * parts, cells of each value kind with their sources.
 */

import { SECTION_PART_CHARS } from '../../shared/adapters/dynamodb/items.ts';
import type { DynamoReportStore } from '../../shared/adapters/dynamodb/report-store.ts';
import type { Finding, Report } from '../../shared/report/model.ts';
import { RecognitionSchema, ReportSchema } from '../../shared/report/model.ts';
import { RULESET_VERSION } from '../../shared/rules/catalogue.ts';
import type { VersionRecord } from '../../shared/usecases/records.ts';
import { agencyKeyOf, reportIdOf, versionIdOf } from '../../shared/usecases/records.ts';

export const CRAFTED_AGENCY = '测试市数据资源局';
export const CRAFTED_YEAR = 2023;
export const CRAFTED_ID = reportIdOf(CRAFTED_AGENCY, CRAFTED_YEAR);
/** Section 1 of the crafted report: longer than one stored part. */
export const LONG_TEXT = '本机关认真贯彻落实《中华人民共和国政府信息公开条例》。\n'.repeat(Math.ceil((SECTION_PART_CHARS * 1.5) / 28));

export const CRAFTED_REPORT: Report = ReportSchema.parse({
  edition: '2021',
  year: CRAFTED_YEAR,
  agency: CRAFTED_AGENCY,
  title: `${CRAFTED_AGENCY}${CRAFTED_YEAR}年政府信息公开工作年度报告`,
  issuerKind: 'department',
  publishedAt: '2024-01-20',
  sections: [
    { number: 1, heading: '一、总体情况', text: LONG_TEXT, source: { line: 3 } },
    { number: 2, heading: '二、主动公开政府信息情况', text: '', source: { line: 40 } },
    { number: 3, heading: '三、收到和处理政府信息公开申请情况', text: '本年度收到申请12件。', variant: true },
  ],
  cells: { 's2.regulations.issued': 3, 's2.regulations.repealed': null, 's2.fees.amount': '/', 's3.new_received.natural': 12 },
  cellSources: {
    's2.regulations.issued': { raw: '3', line: 44 },
    's2.regulations.repealed': { raw: '', line: 44 },
    's2.fees.amount': { raw: '/', line: 52 },
    's3.new_received.natural': { raw: '１２', line: 60 },
  },
  recognition: RecognitionSchema.parse({
    editionMarkers: { '2019': [], '2021': ['二、主动公开政府信息情况'] },
    editionBasis: 'markers',
    years: {},
  }),
});

const ERROR: Finding = {
  ruleId: 'K-T3-COLUMN-IDENTITY',
  severity: 'error',
  category: 'consistency',
  message: '表三“总计”列应为各列之和：应为 12，实为 13（K-T3-COLUMN-IDENTITY）',
  cells: ['s3.new_received.total', 's3.new_received.natural'],
  expected: 12,
  actual: 13,
  suspect: 's3.new_received.total',
  source: { line: 60 },
};
const WARNING: Finding = {
  ruleId: 'M-PUBLISH-LATE',
  severity: 'warning',
  category: 'consistency',
  message: '报告发布晚于法定期限（M-PUBLISH-LATE）',
};
const INFO: Finding = {
  ruleId: 'M-PERIOD-MISSING',
  severity: 'info',
  category: 'completeness',
  message: '未说明统计期限（M-PERIOD-MISSING）',
};

export interface CraftedVersions {
  v1: string;
  v2: string;
}

function versionRecord(versionId: string, processedAt: string, findings: Finding[], previousVersionId?: string): VersionRecord {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return {
    reportId: CRAFTED_ID,
    versionId,
    agency: CRAFTED_AGENCY,
    agencyKey: agencyKeyOf(CRAFTED_AGENCY),
    year: CRAFTED_YEAR,
    identified: true,
    identitySource: { agency: 'document', year: 'document' },
    bucket: 'nianbao-uploads',
    objectKey: `uploads/${CRAFTED_YEAR}/${CRAFTED_AGENCY}/年报.docx`,
    fileName: '年报.docx',
    edition: '2021',
    title: CRAFTED_REPORT.title,
    publishedAt: '2024-01-20',
    status: counts.error ? 'error' : counts.warning ? 'warning' : 'ok',
    counts,
    findingCount: findings.length,
    diff: previousVersionId ? { new: 0, resolved: 1, unchanged: 2 } : { new: findings.length, resolved: 0, unchanged: 0 },
    ...(previousVersionId ? { previousVersionId } : {}),
    sourceVersion: `etag-${versionId.slice(-8)}`,
    size: 34_567,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    processedAt,
    rulesetVersion: RULESET_VERSION,
    sectionCount: CRAFTED_REPORT.sections.length,
    cellCount: Object.keys(CRAFTED_REPORT.cells).length,
  };
}

/** v1 has an error, a warning and an info finding; v2 (the correction) only the warning and the info. */
export async function writeCrafted(repository: DynamoReportStore): Promise<CraftedVersions> {
  const t1 = '2026-11-29T07:00:00.000Z';
  const t2 = '2026-11-29T07:30:00.000Z';
  const v1 = versionIdOf(t1, 'nianbao-uploads', 'crafted', 'a');
  const v2 = versionIdOf(t2, 'nianbao-uploads', 'crafted', 'b');
  await repository.saveVersion({
    version: versionRecord(v1, t1, [ERROR, WARNING, INFO]),
    report: CRAFTED_REPORT,
    findings: [ERROR, WARNING, INFO].map((finding) => ({ finding, change: 'new' as const })),
    resolved: [],
  });
  await repository.saveVersion({
    version: versionRecord(v2, t2, [WARNING, INFO], v1),
    report: { ...CRAFTED_REPORT, cells: { ...CRAFTED_REPORT.cells, 's3.new_received.natural': 13 } },
    findings: [WARNING, INFO].map((finding) => ({ finding, change: 'unchanged' as const })),
    resolved: [ERROR],
  });
  return { v1, v2 };
}
