/**
 * Reading versions back (docs/data-model.md): report heads, version records, findings, and a
 * version's Report rebuilt from its section, cell and recognition items. Every item read is
 * validated with its schema (items.ts).
 */
import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Finding, Report } from '../../report/model.ts';
import type { ReportHeadFilter, StoredVersion } from '../../usecases/ports.ts';
import { VersionRecordSchema } from '../../usecases/records.ts';
import {
  type FindingItem,
  FindingItemSchema,
  keyPrefix,
  keys,
  RecognitionItemSchema,
  type ReportItem,
  ReportItemSchema,
  type ResolvedItem,
  ResolvedItemSchema,
  type VersionItem,
  VersionItemSchema,
} from './items.ts';
import { queryPartition } from './query-partition.ts';
import { reportHeads } from './report-heads.ts';
import { drainWithBackoff } from './retry.ts';
import { reportFromItems, toFinding } from './version-items.ts';

/** Keys a BatchGetItem request takes at most. */
const BATCH_GET = 100;

export class DynamoVersionReader {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getReport(reportId: string): Promise<ReportItem | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.report(reportId) }));
    return out.Item ? ReportItemSchema.parse(out.Item) : undefined;
  }

  /** Report heads by id: one BatchGetItem (100 keys a request), strongly consistent. */
  async getReports(reportIds: readonly string[]): Promise<Map<string, ReportItem>> {
    const out = new Map<string, ReportItem>();
    const ids = [...new Set(reportIds)];
    for (let i = 0; i < ids.length; i += BATCH_GET) {
      await drainWithBackoff(
        ids.slice(i, i + BATCH_GET).map((id) => keys.report(id) as Record<string, unknown>),
        async (batch) => {
          const got = await this.doc.send(
            new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: batch, ConsistentRead: true } } }),
          );
          for (const raw of got.Responses?.[this.tableName] ?? []) {
            const item = ReportItemSchema.parse(raw);
            out.set(item.reportId, item);
          }
          return got.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
        },
        'BatchGetItem',
      );
    }
    return out;
  }

  async getVersion(reportId: string, versionId: string): Promise<VersionItem | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.version(reportId, versionId) }));
    return out.Item ? VersionItemSchema.parse(out.Item) : undefined;
  }

  /** The newest version of a report older than `versionId` (the one a new version is compared with). */
  async versionBefore(reportId: string, versionId: string): Promise<VersionItem | undefined> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
        ExpressionAttributeValues: {
          ':pk': keys.report(reportId).pk,
          ':lo': keyPrefix.version,
          ':hi': keys.version(reportId, versionId).sk,
        },
        ScanIndexForward: false,
        Limit: 2,
        ConsistentRead: true,
      }),
    );
    const items = (out.Items ?? []).map((i) => VersionItemSchema.parse(i));
    return items.find((v) => v.versionId < versionId);
  }

  /** Versions of a report, newest first. */
  async versions(reportId: string): Promise<VersionItem[]> {
    const items = await queryPartition(this.doc, this.tableName, keys.report(reportId).pk, keyPrefix.version);
    return items.map((i) => VersionItemSchema.parse(i)).reverse();
  }

  async findingItems(reportId: string, versionId: string): Promise<FindingItem[]> {
    const items = await queryPartition(this.doc, this.tableName, keys.versionPartition(reportId, versionId), 'FINDING#');
    return items.map((i) => FindingItemSchema.parse(i));
  }

  async resolvedItems(reportId: string, versionId: string): Promise<ResolvedItem[]> {
    const items = await queryPartition(this.doc, this.tableName, keys.versionPartition(reportId, versionId), 'RESOLVED#');
    return items.map((i) => ResolvedItemSchema.parse(i));
  }

  /** Findings of a version as plain Findings, in their original order. */
  async findings(reportId: string, versionId: string): Promise<Finding[]> {
    return (await this.findingItems(reportId, versionId)).map(toFinding);
  }

  /** Rebuilds the Report of a version from its section, cells and recognition items. */
  async loadReport(reportId: string, versionId: string): Promise<Report | undefined> {
    return (await this.storedVersion(reportId, versionId))?.report;
  }

  /** A version with its Report (absent when the upload did not become one) and its findings. */
  async storedVersion(reportId: string, versionId: string): Promise<StoredVersion | undefined> {
    const [version, items] = await Promise.all([
      this.getVersion(reportId, versionId),
      queryPartition(this.doc, this.tableName, keys.versionPartition(reportId, versionId), ''),
    ]);
    if (!version) return undefined;
    const report = reportFromItems(version, items);
    const findings = items.filter((i) => i.type === 'finding').map((i) => toFinding(FindingItemSchema.parse(i)));
    const record = VersionRecordSchema.parse(version);
    return report ? { version: record, report, findings } : { version: record, findings };
  }

  /** The latest version of a report with its Report and findings; undefined when there is none. */
  async latestVersion(reportId: string): Promise<StoredVersion | undefined> {
    const head = await this.getReport(reportId);
    return head ? this.storedVersion(reportId, head.latestVersionId) : undefined;
  }

  /**
   * The Report of a report's latest version, from its report item and its version's partition
   * (the version item is read only for items written before the recognition item kept publishedAt).
   */
  async latestReport(reportId: string): Promise<{ versionId: string; report: Report } | undefined> {
    const head = await this.getReport(reportId);
    if (!head) return undefined;
    const versionId = head.latestVersionId;
    const items = await queryPartition(this.doc, this.tableName, keys.versionPartition(reportId, versionId), '');
    const recognition = items.find((i) => i.type === 'recognition');
    if (!recognition) return undefined;
    const publishedAt =
      RecognitionItemSchema.parse(recognition).publishedAt ?? (await this.getVersion(reportId, versionId))?.publishedAt ?? null;
    const report = reportFromItems({ edition: head.edition, year: head.year, agency: head.agency, title: head.title, publishedAt }, items);
    return report ? { versionId, report } : undefined;
  }

  /** Latest state of the reports of a year and/or an agency (every report without a filter). */
  reportHeads(filter: ReportHeadFilter = {}): Promise<ReportItem[]> {
    return reportHeads(this.doc, this.tableName, filter);
  }
}
