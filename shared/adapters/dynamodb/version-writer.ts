/**
 * Writing a version (docs/data-model.md): its items (sections, cells, recognition, findings,
 * resolved findings, the report's boilerplate-index entries), its version item, and the report item that points at the latest version,
 * written last with a condition so that an older version never replaces a newer one. Findings of
 * superseded versions leave the per-rule index (gsi3).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keyTotals } from '../../report/key-totals.ts';
import type { VersionWrite } from '../../usecases/ports.ts';
import { batchPut } from './batch-write.ts';
import { FindingItemSchema, keys, type ReportItem } from './items.ts';
import { queryPartition } from './query-partition.ts';
import { sentenceItems } from './sentence-store.ts';
import { findingItem, reportItems, resolvedItem } from './version-items.ts';

export class DynamoVersionWriter {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Writes a version and its items; returns whether it became the report's latest version. */
  async saveVersion(write: VersionWrite): Promise<{ latest: boolean }> {
    const { version } = write;
    const partition = keys.versionPartition(version.reportId, version.versionId);
    const children: Record<string, unknown>[] = [
      ...(write.report ? reportItems(partition, write.report) : []),
      ...write.findings.map((f, i) => findingItem(partition, version, f, i)),
      ...write.resolved.map((f, i) => resolvedItem(partition, version, f, i)),
      ...(write.sentences && version.identified && version.year !== null && version.agency
        ? sentenceItems(version.year, version.agency, write.sentences)
        : []),
    ];
    // The version item last: a version found by versionBefore has its findings written.
    children.push({ ...keys.version(version.reportId, version.versionId), type: 'version', ...version });
    await batchPut(this.doc, this.tableName, children);

    const report: ReportItem = {
      ...keys.report(version.reportId),
      type: 'report',
      gsi1pk: keys.yearIndex(version.year),
      gsi1sk: keys.yearSort(version.status, version.reportId),
      gsi2pk: keys.agencyIndex(version.agencyKey),
      gsi2sk: keys.agencySort(version.year, version.reportId),
      reportId: version.reportId,
      agency: version.agency,
      agencyKey: version.agencyKey,
      year: version.year,
      identified: version.identified,
      bucket: version.bucket,
      objectKey: version.objectKey,
      fileName: version.fileName,
      latestVersionId: version.versionId,
      processedAt: version.processedAt,
      ...(version.uploadedAt ? { uploadedAt: version.uploadedAt } : {}),
      status: version.status,
      counts: version.counts,
      edition: version.edition,
      title: version.title,
      totals: write.report ? keyTotals(write.report.cells) : {},
    };
    let replaced: string | undefined;
    try {
      const out = await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: report,
          // Newer by processing, and not an older upload processed late (RELIABILITY.md, "Faults").
          ...(version.uploadedAt
            ? {
                ConditionExpression:
                  'attribute_not_exists(pk) OR (latestVersionId <= :vid AND (attribute_not_exists(uploadedAt) OR uploadedAt <= :up))',
                ExpressionAttributeValues: { ':vid': version.versionId, ':up': version.uploadedAt },
              }
            : {
                ConditionExpression: 'attribute_not_exists(pk) OR latestVersionId <= :vid',
                ExpressionAttributeValues: { ':vid': version.versionId },
              }),
          ReturnValues: 'ALL_OLD',
        }),
      );
      const old = out.Attributes?.latestVersionId;
      replaced = typeof old === 'string' ? old : undefined;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // A newer version is the latest: this one's findings must not appear in gsi3.
      await this.removeFromRuleIndex(version.reportId, version.versionId);
      return { latest: false };
    }
    const superseded = new Set([replaced, version.previousVersionId]);
    for (const old of superseded) {
      if (old && old !== version.versionId) await this.removeFromRuleIndex(version.reportId, old);
    }
    return { latest: true };
  }

  /**
   * Takes a superseded version's findings out of the per-rule index (gsi3): each finding item is
   * put again without its gsi3 keys, 25 a request (they are never changed otherwise).
   */
  private async removeFromRuleIndex(reportId: string, versionId: string): Promise<void> {
    const items = await queryPartition(this.doc, this.tableName, keys.versionPartition(reportId, versionId), 'FINDING#');
    const indexed = items.filter((raw) => FindingItemSchema.parse(raw).gsi3pk !== undefined);
    await batchPut(
      this.doc,
      this.tableName,
      indexed.map(({ gsi3pk: _pk, gsi3sk: _sk, ...rest }) => rest),
    );
  }
}
