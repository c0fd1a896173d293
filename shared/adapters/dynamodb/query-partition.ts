/**
 * Reading a whole partition (or the items of a partition whose sort key starts with a prefix),
 * every page, with strongly consistent reads: the version items the adapter writes and reads back.
 */

import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { pushAll } from '../../report/arrays.ts';

/**
 * Every item of partition `pk` whose sort key starts with `skPrefix` (every item for '').
 * @throws the SDK's errors (the caller's message is retried)
 */
export async function queryPartition(
  doc: DynamoDBDocumentClient,
  tableName: string,
  pk: string,
  skPrefix: string,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
        ExpressionAttributeValues: skPrefix ? { ':pk': pk, ':prefix': skPrefix } : { ':pk': pk },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    pushAll(out, page.Items ?? []);
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
