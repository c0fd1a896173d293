/**
 * The read side of the store for the HTTP API (docs/data-model.md, "Access patterns"). Every
 * item read is validated with the item schemas of items.ts and mapped to a view of views.ts;
 * listings are paginated with opaque cursors (cursor.ts, paginate.ts).
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { ReportQueries } from '../../usecases/ports.ts';
import { agencyKeyOf } from '../../usecases/records.ts';
import { queryFingerprint } from './cursor.ts';
import {
  FindingItemSchema,
  type Item,
  ItemSchema,
  keys,
  type ReportItem,
  ReportItemSchema,
  type VersionItem,
  VersionItemSchema,
} from './items.ts';
import { findingListing, reportListing } from './listings.ts';
import { readPage } from './paginate.ts';
import { latestFindingOf, reportDetailOf, reportSummaryOf, versionFindingOf, versionSummaryOf } from './to-views.ts';

export interface QueryDeps {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Most DynamoDB calls behind one page of a listing (default 10): bounds latency on filtered scans. */
  maxReadsPerPage?: number;
}

/** A stored item that does not match its schema: a bug or a corrupted table, never the caller's fault. */
export class CorruptItem extends Error {
  override readonly name = 'CorruptItem';
}

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const where =
      raw && typeof raw === 'object'
        ? `${String((raw as Record<string, unknown>).pk)} / ${String((raw as Record<string, unknown>).sk)}`
        : '?';
    throw new CorruptItem(`stored item ${where} does not match its schema: ${result.error.message}`);
  }
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// ReportQueries
// ---------------------------------------------------------------------------------------------

export function createQueries({ client, tableName, maxReadsPerPage }: QueryDeps): ReportQueries {
  async function getItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key }));
    return Item;
  }

  async function getReportItem(reportId: string): Promise<ReportItem | null> {
    const raw = await getItem(keys.report(reportId));
    return raw ? parse(ReportItemSchema, raw) : null;
  }

  async function getVersionItem(reportId: string, versionId: string): Promise<VersionItem | null> {
    const raw = await getItem(keys.version(reportId, versionId));
    return raw ? parse(VersionItemSchema, raw) : null;
  }

  /** Every item of a partition (optionally of one sort-key prefix), following LastEvaluatedKey. */
  async function queryAll(pk: string, skPrefix?: string, newestFirst = false): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const response = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: skPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
          ExpressionAttributeNames: skPrefix ? { '#pk': 'pk', '#sk': 'sk' } : { '#pk': 'pk' },
          ExpressionAttributeValues: skPrefix ? { ':pk': pk, ':prefix': skPrefix } : { ':pk': pk },
          ScanIndexForward: !newestFirst,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const raw of response.Items ?? []) items.push(parse(ItemSchema, raw));
      startKey = response.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  /** A version item and the items of its partition, read together; null when the version does not exist. */
  async function versionWithItems(reportId: string, versionId: string): Promise<[VersionItem, Item[]] | null> {
    const [version, items] = await Promise.all([getVersionItem(reportId, versionId), queryAll(keys.versionPartition(reportId, versionId))]);
    return version ? [version, items] : null;
  }

  return {
    async listReports({ limit, cursor, ...filter }) {
      const fingerprint = queryFingerprint('reports', {
        year: filter.year,
        agency: filter.agency === undefined ? undefined : agencyKeyOf(filter.agency),
        status: filter.status,
      });
      const map = (raw: Record<string, unknown>) => reportSummaryOf(parse(ReportItemSchema, raw));
      const listing = reportListing(tableName, filter);
      return readPage({ client, ...listing, fingerprint, cursor, limit, map, maxReads: maxReadsPerPage });
    },

    async getReport(reportId) {
      const report = await getReportItem(reportId);
      if (!report) return null;
      const found = await versionWithItems(reportId, report.latestVersionId);
      if (!found) throw new CorruptItem(`report ${reportId} points at missing version ${report.latestVersionId}`);
      return reportDetailOf(found[0], report.latestVersionId, found[1]);
    },

    async listVersions(reportId) {
      const items = await queryAll(keys.report(reportId).pk, undefined, true);
      if (items.length === 0) return null;
      const latest = items.find((i): i is ReportItem => i.type === 'report')?.latestVersionId ?? null;
      return items.filter((i): i is VersionItem => i.type === 'version').map((v) => versionSummaryOf(v, latest));
    },

    async getVersion(reportId, versionId) {
      const [report, found] = await Promise.all([getReportItem(reportId), versionWithItems(reportId, versionId)]);
      return found ? reportDetailOf(found[0], report?.latestVersionId ?? null, found[1]) : null;
    },

    async listReportFindings(reportId, { versionId, severity }) {
      const [report, version] = await Promise.all([
        getReportItem(reportId),
        versionId === undefined ? null : getVersionItem(reportId, versionId),
      ]);
      const chosen = versionId === undefined ? report?.latestVersionId : version?.versionId;
      if (chosen === undefined) return null;
      const items = await queryAll(keys.versionPartition(reportId, chosen), 'FINDING#');
      const findings = items
        .map((i) => parse(FindingItemSchema, i))
        .filter((f) => severity === undefined || f.severity === severity)
        .sort((a, b) => a.seq.localeCompare(b.seq))
        .map(versionFindingOf);
      return { reportId, versionId: chosen, latest: chosen === report?.latestVersionId, items: findings };
    },

    async listFindings({ limit, cursor, ...filter }) {
      const fingerprint = queryFingerprint('findings', filter);
      const map = (raw: Record<string, unknown>) => latestFindingOf(parse(FindingItemSchema, raw));
      const listing = findingListing(tableName, filter);
      return readPage({ client, ...listing, fingerprint, cursor, limit, map, maxReads: maxReadsPerPage });
    },
  };
}
