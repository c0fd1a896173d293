/**
 * Putting many items: BatchWriteItem, 25 items a request (one round trip each), what a request
 * leaves unprocessed sent again with backoff (retry.ts). Puts are unconditional: only for items
 * whose whole content the writer knows (version items, the boilerplate index's entries).
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { drainWithBackoff } from './retry.ts';

/** Items a BatchWriteItem request takes at most. */
export const BATCH_WRITE_ITEMS = 25;

type Put = { PutRequest: { Item: Record<string, unknown> } };

/**
 * Puts `items` into `tableName`, 25 a request.
 * @throws the SDK's errors; Error when a batch is still unprocessed after the backoff's attempts
 */
export async function batchPut(doc: DynamoDBDocumentClient, tableName: string, items: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH_WRITE_ITEMS) {
    const requests: Put[] = items.slice(i, i + BATCH_WRITE_ITEMS).map((Item) => ({ PutRequest: { Item } }));
    await drainWithBackoff(
      requests,
      async (batch) => {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: batch } }));
        return (out.UnprocessedItems?.[tableName] ?? []).flatMap((r) =>
          r.PutRequest?.Item ? [{ PutRequest: { Item: r.PutRequest.Item } }] : [],
        );
      },
      'BatchWriteItem',
    );
  }
}
