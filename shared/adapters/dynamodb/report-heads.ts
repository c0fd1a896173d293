/**
 * Listing the latest state (`report` items) of many reports, for revalidation: by year (gsi1),
 * by agency (gsi2, optionally of one year), or all of them (a Scan of the sparse gsi1, which only
 * report items carry). Reads every page; the caller decides how many reports it can afford.
 */
import { type DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { ReportHeadFilter } from '../../usecases/ports.ts';
import { agencyKeyOf } from '../../usecases/records.ts';
import { keys, type ReportItem, ReportItemSchema } from './items.ts';

type Input = {
  TableName: string;
  IndexName: string;
  KeyConditionExpression?: string;
  FilterExpression?: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
};

function inputOf(tableName: string, { year, agency }: ReportHeadFilter): { kind: 'query' | 'scan'; input: Input } {
  if (agency !== undefined) {
    const values: Record<string, unknown> = { ':pk': keys.agencyIndex(agencyKeyOf(agency)) };
    if (year !== undefined) values[':prefix'] = keys.agencySortPrefix(year);
    return {
      kind: 'query',
      input: {
        TableName: tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: year !== undefined ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
        ExpressionAttributeNames: year !== undefined ? { '#pk': 'gsi2pk', '#sk': 'gsi2sk' } : { '#pk': 'gsi2pk' },
        ExpressionAttributeValues: values,
      },
    };
  }
  if (year !== undefined) {
    return {
      kind: 'query',
      input: {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'gsi1pk' },
        ExpressionAttributeValues: { ':pk': keys.yearIndex(year) },
      },
    };
  }
  return {
    kind: 'scan',
    input: {
      TableName: tableName,
      IndexName: 'gsi1',
      FilterExpression: '#type = :type',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': 'report' },
    },
  };
}

/** Every report item matching the filter, sorted by year then reportId. */
export async function reportHeads(doc: DynamoDBDocumentClient, tableName: string, filter: ReportHeadFilter): Promise<ReportItem[]> {
  const { kind, input } = inputOf(tableName, filter);
  const out: ReportItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page =
      kind === 'query'
        ? await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }))
        : await doc.send(new ScanCommand({ ...input, ExclusiveStartKey: start }));
    for (const raw of page.Items ?? []) out.push(ReportItemSchema.parse(raw));
    start = page.LastEvaluatedKey;
  } while (start);
  return out.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.reportId.localeCompare(b.reportId));
}
