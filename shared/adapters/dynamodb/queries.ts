/**
 * The read side of the store for the HTTP API (docs/data-model.md, "Access patterns"). Every
 * item read is validated with the item schemas of items.ts and mapped to a view of views.ts;
 * listings are paginated with opaque cursors (cursor.ts, paginate.ts).
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { Severity } from '../../report/model.ts';
import type { ListFindingsFilter, ListReportsFilter, ReportFindings, ReportQueries } from '../../usecases/ports.ts';
import { agencyKeyOf } from '../../usecases/records.ts';
import type { LatestFinding, Page, ReportDetail, ReportSummary, VersionFinding, VersionSummary } from '../../usecases/views.ts';
import { type CursorKey, queryFingerprint } from './cursor.ts';
import {
  FindingItemSchema,
  type Item,
  ItemSchema,
  keyPrefix,
  keys,
  type ReportItem,
  ReportItemSchema,
  type VersionItem,
  VersionItemSchema,
} from './items.ts';
import { readPage } from './paginate.ts';
import { TABLE_DEFINITION, type TableDefinition } from './table-definition.ts';
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

type Index = TableDefinition['globalSecondaryIndexes'][number];
function index(name: string): Index {
  const found = TABLE_DEFINITION.globalSecondaryIndexes.find((g) => g.indexName === name);
  if (!found) throw new Error(`table definition has no index ${name}`);
  return found;
}
/** Reports by year (sorted by status, id); by agency (sorted by year, id); latest findings by rule and year. */
const GSI1 = index('gsi1');
const GSI2 = index('gsi2');
const GSI3 = index('gsi3');
const TABLE_KEYS = [TABLE_DEFINITION.partitionKey.name, TABLE_DEFINITION.sortKey.name];
const indexKeys = (gsi: Index) => [...TABLE_KEYS, gsi.partitionKey.name, gsi.sortKey.name];
const str = (key: CursorKey, name: string): string => (typeof key[name] === 'string' ? (key[name] as string) : '');

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
    async listReports({ year, agency, status, limit, cursor }) {
      const fingerprint = queryFingerprint('reports', { year, agency: agency === undefined ? undefined : agencyKeyOf(agency), status });
      const map = (raw: Record<string, unknown>) => reportSummaryOf(parse(ReportItemSchema, raw));
      if (agency !== undefined) {
        // Reports of an agency (gsi2, by year), optionally of one year; status is a filter.
        const pkValue = keys.agencyIndex(agencyKeyOf(agency));
        const skPrefix = year === undefined ? undefined : keys.agencySortPrefix(year);
        const names: Record<string, string> = { '#pk': GSI2.partitionKey.name };
        const values: Record<string, unknown> = { ':pk': pkValue };
        if (skPrefix) (names['#sk'] = GSI2.sortKey.name), (values[':prefix'] = skPrefix);
        if (status) (names['#status'] = 'status'), (values[':status'] = status);
        return readPage({
          client,
          read: {
            query: {
              TableName: tableName,
              IndexName: GSI2.indexName,
              KeyConditionExpression: skPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
              FilterExpression: status ? '#status = :status' : undefined,
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
          keyNames: indexKeys(GSI2),
          fingerprint,
          ownsKey: (k) => str(k, GSI2.partitionKey.name) === pkValue && str(k, GSI2.sortKey.name).startsWith(skPrefix ?? ''),
          cursor,
          limit,
          map,
          maxReads: maxReadsPerPage,
          filtered: status !== undefined,
        });
      }
      if (year !== undefined) {
        // Reports of a year (gsi1, sorted by status then id): status is a key prefix.
        const pkValue = keys.yearIndex(year);
        const skPrefix = status ? keys.yearSortPrefix(status) : undefined;
        return readPage({
          client,
          read: {
            query: {
              TableName: tableName,
              IndexName: GSI1.indexName,
              KeyConditionExpression: skPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
              ExpressionAttributeNames: skPrefix
                ? { '#pk': GSI1.partitionKey.name, '#sk': GSI1.sortKey.name }
                : { '#pk': GSI1.partitionKey.name },
              ExpressionAttributeValues: skPrefix ? { ':pk': pkValue, ':prefix': skPrefix } : { ':pk': pkValue },
            },
          },
          keyNames: indexKeys(GSI1),
          fingerprint,
          ownsKey: (k) => str(k, GSI1.partitionKey.name) === pkValue && str(k, GSI1.sortKey.name).startsWith(skPrefix ?? ''),
          cursor,
          limit,
          map,
          maxReads: maxReadsPerPage,
          filtered: false,
        });
      }
      // Every report: gsi1 is sparse (only report items carry gsi1pk), so a Scan of it reads reports only.
      return readPage({
        client,
        read: {
          scan: {
            TableName: tableName,
            IndexName: GSI1.indexName,
            FilterExpression: status ? '#type = :type AND #status = :status' : '#type = :type',
            ExpressionAttributeNames: status ? { '#type': 'type', '#status': 'status' } : { '#type': 'type' },
            ExpressionAttributeValues: status ? { ':type': 'report', ':status': status } : { ':type': 'report' },
          },
        },
        keyNames: indexKeys(GSI1),
        fingerprint,
        // A scan's range is the whole index: a cursor may resume at any report.
        ownsKey: (k) => str(k, GSI1.partitionKey.name).startsWith(keyPrefix.year) && str(k, 'pk').startsWith(keyPrefix.report),
        cursor,
        limit,
        map,
        maxReads: maxReadsPerPage,
        filtered: true,
      });
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

    async listFindings({ year, ruleId, severity, limit, cursor }) {
      const fingerprint = queryFingerprint('findings', { year, ruleId, severity });
      const map = (raw: Record<string, unknown>) => latestFindingOf(parse(FindingItemSchema, raw));
      const pkName = GSI3.partitionKey.name;
      if (year !== undefined && ruleId !== undefined) {
        const pkValue = keys.ruleIndex(ruleId, year);
        return readPage({
          client,
          read: {
            query: {
              TableName: tableName,
              IndexName: GSI3.indexName,
              KeyConditionExpression: '#pk = :pk',
              FilterExpression: severity ? '#severity = :severity' : undefined,
              ExpressionAttributeNames: severity ? { '#pk': pkName, '#severity': 'severity' } : { '#pk': pkName },
              ExpressionAttributeValues: severity ? { ':pk': pkValue, ':severity': severity } : { ':pk': pkValue },
            },
          },
          keyNames: indexKeys(GSI3),
          fingerprint,
          ownsKey: (k) => str(k, pkName) === pkValue,
          cursor,
          limit,
          map,
          maxReads: maxReadsPerPage,
          filtered: severity !== undefined,
        });
      }
      // gsi3 is sparse: only findings of latest versions carry gsi3pk, so a Scan of it reads exactly those.
      const filters: string[] = ['#type = :type'];
      const names: Record<string, string> = { '#type': 'type' };
      const values: Record<string, unknown> = { ':type': 'finding' };
      if (year !== undefined) filters.push('#year = :year'), (names['#year'] = 'year'), (values[':year'] = year);
      if (ruleId !== undefined) filters.push('#ruleId = :ruleId'), (names['#ruleId'] = 'ruleId'), (values[':ruleId'] = ruleId);
      if (severity !== undefined)
        filters.push('#severity = :severity'), (names['#severity'] = 'severity'), (values[':severity'] = severity);
      return readPage({
        client,
        read: {
          scan: {
            TableName: tableName,
            IndexName: GSI3.indexName,
            FilterExpression: filters.join(' AND '),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
        keyNames: indexKeys(GSI3),
        fingerprint,
        // A scan's range is the whole index: a cursor may resume at any latest finding.
        ownsKey: (k) => str(k, pkName).startsWith(keyPrefix.rule) && str(k, 'pk').startsWith(keyPrefix.version),
        cursor,
        limit,
        map,
        maxReads: maxReadsPerPage,
        filtered: true,
      });
    },
  };
}
