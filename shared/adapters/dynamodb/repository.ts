/**
 * The write side of the table (docs/data-model.md) and the reads the ingest pipeline needs.
 * Idempotency: a processing record per object version, claimed with a conditional write.
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { Finding, Report } from '../../report/model.ts';
import type { BoilerplateIndex } from '../../rules/history/boilerplate.ts';
import {
  FindingItemSchema,
  ProcessingItemSchema,
  ReportItemSchema,
  ResolvedItemSchema,
  VersionItemSchema,
  keyPrefix,
  keys,
  reportIdOf,
  versionIdOf,
  type FindingItem,
  type ProcessingItem,
  type ReportItem,
  type ResolvedItem,
  type VersionItem,
} from './items.ts';
import { reportHeads, type ReportHeadFilter } from './report-heads.ts';
import { loadBoilerplate, recordSentences } from './sentence-store.ts';
import {
  findingItem,
  reportFromItems,
  reportItems,
  resolvedItem,
  toFinding,
  type ChangedFinding,
  type VersionRecord,
} from './version-items.ts';

export type { ChangedFinding, ReportHeadFilter, VersionRecord };

/** A stored version read back: its summary, its Report (absent for input failures), its findings. */
export interface StoredVersion {
  version: VersionItem;
  report?: Report;
  findings: Finding[];
}

/** Which object version a processing record is about. */
export interface ObjectVersionRef {
  bucket: string;
  objectKey: string;
  /** S3 VersionId when versioned, else the ETag without quotes. */
  sourceVersion: string;
}

export type Claim =
  | { kind: 'claimed'; token: string; versionId: string; processedAt: string }
  | { kind: 'completed'; record: ProcessingItem }
  | { kind: 'busy'; record?: ProcessingItem };


export interface VersionWrite {
  version: VersionRecord;
  /** Absent for uploads that did not become a Report (input findings only). */
  report?: Report;
  findings: ChangedFinding[];
  /** Findings of the previous version that this one no longer has. */
  resolved: Finding[];
}

export interface ProcessingOptions {
  /** How long a claim protects an in-progress version from other workers (ms). */
  leaseMs?: number;
  /** How long processing records are kept (seconds). */
  ttlSeconds?: number;
}

const DEFAULT_LEASE_MS = 5 * 60 * 1000;
const DEFAULT_TTL_SECONDS = 30 * 24 * 3600;
const BATCH = 25;

const parse = <S extends z.ZodType>(schema: S, item: unknown): z.infer<S> => schema.parse(item);

export class ReportRepository {
  private readonly leaseMs: number;
  private readonly ttlSeconds: number;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: ProcessingOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  }

  // -------------------------------------------------------------------------------------------
  // Idempotency
  // -------------------------------------------------------------------------------------------

  /** Claims an object version for processing; the version id is fixed by the first claim. */
  async claim(ref: ObjectVersionRef, now: Date): Promise<Claim> {
    const token = randomUUID();
    const processedAt = now.toISOString();
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.processing(ref.bucket, ref.objectKey, ref.sourceVersion),
          UpdateExpression:
            'SET #type = :type, #status = :inProgress, claimToken = :token, leaseUntil = :lease, expiresAt = :exp, ' +
            'versionId = if_not_exists(versionId, :vid), processedAt = if_not_exists(processedAt, :pat)',
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :inProgress AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
          ExpressionAttributeValues: {
            ':type': 'processing',
            ':inProgress': 'in-progress',
            ':token': token,
            ':lease': now.getTime() + this.leaseMs,
            ':exp': Math.floor(now.getTime() / 1000) + this.ttlSeconds,
            ':vid': versionIdOf(processedAt, ref.bucket, ref.objectKey, ref.sourceVersion),
            ':pat': processedAt,
            ':now': now.getTime(),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const record = parse(ProcessingItemSchema, out.Attributes);
      return { kind: 'claimed', token, versionId: record.versionId, processedAt: record.processedAt };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const record = await this.getProcessing(ref);
      if (record?.status === 'completed') return { kind: 'completed', record };
      return record ? { kind: 'busy', record } : { kind: 'busy' };
    }
  }

  async getProcessing(ref: ObjectVersionRef): Promise<ProcessingItem | undefined> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.processing(ref.bucket, ref.objectKey, ref.sourceVersion),
        ConsistentRead: true,
      }),
    );
    return out.Item ? parse(ProcessingItemSchema, out.Item) : undefined;
  }

  /** Marks a claimed version done. Fails (ConditionalCheckFailed) if the claim was taken over. */
  async complete(ref: ObjectVersionRef, token: string, reportId: string, publishedAt: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.processing(ref.bucket, ref.objectKey, ref.sourceVersion),
        UpdateExpression: 'SET #status = :completed, reportId = :rid, publishedAt = :pub',
        ConditionExpression: 'claimToken = :token',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':completed': 'completed', ':rid': reportId, ':pub': publishedAt, ':token': token },
      }),
    );
  }

  /**
   * Gives a claim up after a failure so that the retry can take over at once. The record (and so
   * the version id) is kept: the retry rewrites the same items instead of making a new version.
   */
  async release(ref: ObjectVersionRef, token: string): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.processing(ref.bucket, ref.objectKey, ref.sourceVersion),
          UpdateExpression: 'SET leaseUntil = :zero',
          ConditionExpression: 'claimToken = :token AND #status = :inProgress',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':zero': 0, ':token': token, ':inProgress': 'in-progress' },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Writing a version
  // -------------------------------------------------------------------------------------------

  /** Writes a version and its items; returns whether it became the report's latest version. */
  async saveVersion(write: VersionWrite): Promise<{ latest: boolean }> {
    const { version } = write;
    const partition = keys.versionPartition(version.reportId, version.versionId);
    const children: Record<string, unknown>[] = [
      ...(write.report ? reportItems(partition, write.report) : []),
      ...write.findings.map((f, i) => findingItem(partition, version, f, i)),
      ...write.resolved.map((f, i) => resolvedItem(partition, version, f, i)),
    ];
    await this.batchPut(children);
    await this.put({ ...keys.version(version.reportId, version.versionId), type: 'version', ...version });

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
      status: version.status,
      counts: version.counts,
      edition: version.edition,
      title: version.title,
    };
    let replaced: string | undefined;
    try {
      const out = await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: report,
          ConditionExpression: 'attribute_not_exists(pk) OR latestVersionId <= :vid',
          ExpressionAttributeValues: { ':vid': version.versionId },
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

  private async removeFromRuleIndex(reportId: string, versionId: string): Promise<void> {
    for (const item of await this.findingItems(reportId, versionId)) {
      if (item.gsi3pk === undefined) continue;
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'REMOVE gsi3pk, gsi3sk',
        }),
      );
    }
  }

  private async put(item: Record<string, unknown>): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  private async batchPut(items: Record<string, unknown>[]): Promise<void> {
    for (let i = 0; i < items.length; i += BATCH) {
      let requests = items.slice(i, i + BATCH).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
        if (attempt > 8) throw new Error(`BatchWrite left ${requests.length} unprocessed items`);
        const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (out.UnprocessedItems?.[this.tableName] ?? []).flatMap((r) =>
          r.PutRequest?.Item ? [{ PutRequest: { Item: r.PutRequest.Item } }] : [],
        );
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Reads for the pipeline
  // -------------------------------------------------------------------------------------------

  async getReport(reportId: string): Promise<ReportItem | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.report(reportId) }));
    return out.Item ? parse(ReportItemSchema, out.Item) : undefined;
  }

  async getVersion(reportId: string, versionId: string): Promise<VersionItem | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.version(reportId, versionId) }),
    );
    return out.Item ? parse(VersionItemSchema, out.Item) : undefined;
  }

  /** The newest version of a report older than `versionId` (the one a new version is compared with). */
  async versionBefore(reportId: string, versionId: string): Promise<VersionItem | undefined> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
        ExpressionAttributeValues: { ':pk': keys.report(reportId).pk, ':lo': keyPrefix.version, ':hi': keys.version(reportId, versionId).sk },
        ScanIndexForward: false,
        Limit: 2,
        ConsistentRead: true,
      }),
    );
    const items = (out.Items ?? []).map((i) => parse(VersionItemSchema, i));
    return items.find((v) => v.versionId < versionId);
  }

  /** Versions of a report, newest first. */
  async versions(reportId: string): Promise<VersionItem[]> {
    const items = await this.queryAll(keys.report(reportId).pk, keyPrefix.version);
    return items.map((i) => parse(VersionItemSchema, i)).reverse();
  }

  async findingItems(reportId: string, versionId: string): Promise<FindingItem[]> {
    const items = await this.queryAll(keys.versionPartition(reportId, versionId), 'FINDING#');
    return items.map((i) => parse(FindingItemSchema, i));
  }

  async resolvedItems(reportId: string, versionId: string): Promise<ResolvedItem[]> {
    const items = await this.queryAll(keys.versionPartition(reportId, versionId), 'RESOLVED#');
    return items.map((i) => parse(ResolvedItemSchema, i));
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
      this.queryAll(keys.versionPartition(reportId, versionId), ''),
    ]);
    if (!version) return undefined;
    const report = reportFromItems(version, items);
    const findings = items.filter((i) => i.type === 'finding').map((i) => toFinding(parse(FindingItemSchema, i)));
    return report ? { version, report, findings } : { version, findings };
  }

  /** The latest version of a report with its Report and findings; undefined when there is none. */
  async latestVersion(reportId: string): Promise<StoredVersion | undefined> {
    const head = await this.getReport(reportId);
    return head ? this.storedVersion(reportId, head.latestVersionId) : undefined;
  }

  /** The latest Report of the same agency for an earlier year (the history rules' input). */
  async latestReportOf(agency: string, year: number): Promise<Report | undefined> {
    return (await this.latestVersion(reportIdOf(agency, year)))?.report;
  }

  /** Latest state of the reports of a year and/or an agency (every report without a filter). */
  reportHeads(filter: ReportHeadFilter = {}): Promise<ReportItem[]> {
    return reportHeads(this.doc, this.tableName, filter);
  }

  /** The boilerplate index for these sentences of a year (sentence-store.ts). */
  boilerplateFor(year: number, norms: readonly string[], minOtherAgencies?: number): Promise<BoilerplateIndex> {
    return loadBoilerplate(this.doc, this.tableName, year, norms, minOtherAgencies);
  }

  /** Adds an agency's sentences of a year to the boilerplate index (idempotent). */
  recordSentences(year: number, agency: string, norms: readonly string[]): Promise<void> {
    return recordSentences(this.doc, this.tableName, year, agency, norms);
  }

  private async queryAll(pk: string, skPrefix: string): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
          ExpressionAttributeValues: skPrefix ? { ':pk': pk, ':prefix': skPrefix } : { ':pk': pk },
          ExclusiveStartKey: start,
          ConsistentRead: true,
        }),
      );
      out.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }
}
