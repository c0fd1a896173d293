/**
 * Exact-size pages over a DynamoDB Query or Scan with filters. DynamoDB's `Limit` counts items
 * read before filtering, so a page is collected over as many reads as it takes (bounded), and the
 * cursor resumes after the last item returned — not after the last item read — so nothing is
 * skipped or repeated. One extra match is read ahead, so `nextCursor` is null exactly on the
 * last page (unless the read budget ran out, when the cursor resumes where reading stopped).
 */
import {
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../usecases/views.ts';
import { type CursorKey, decodeCursor, encodeCursor, InvalidCursor } from './cursor.ts';

type Raw = Record<string, unknown>;

export const DEFAULT_MAX_READS = 10;

export interface PageRequest<T> {
  client: DynamoDBDocumentClient;
  /** A Query, or a Scan (of a sparse index); without Limit and ExclusiveStartKey. */
  read: { query: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'> } | { scan: Omit<ScanCommandInput, 'Limit' | 'ExclusiveStartKey'> };
  /** Attribute names of the read's LastEvaluatedKey: table keys, plus the index keys when reading an index. */
  keyNames: readonly string[];
  /** queryFingerprint(...) of the query and its filters. */
  fingerprint: string;
  /** True when a decoded cursor key belongs to this query's key range (else the cursor is refused). */
  ownsKey: (key: CursorKey) => boolean;
  cursor?: string;
  limit: number;
  /** Validates one raw item and maps it to the view; null drops it (a filter DynamoDB cannot express). */
  map: (item: Raw) => T | null;
  /** True when the read has a FilterExpression (reads bigger batches). */
  filtered: boolean;
  /** Most DynamoDB calls for one page (default DEFAULT_MAX_READS); a page may be short when it runs out. */
  maxReads?: number;
}

function keyOf(item: Raw, keyNames: readonly string[]): CursorKey {
  const key: CursorKey = {};
  for (const name of keyNames) {
    const value = item[name];
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`item has no key attribute ${name}`);
    }
    key[name] = value;
  }
  return key;
}

export async function readPage<T>(request: PageRequest<T>): Promise<Page<T>> {
  const { client, keyNames, fingerprint, limit, map } = request;
  let startKey: CursorKey | undefined;
  if (request.cursor !== undefined) {
    startKey = decodeCursor(request.cursor, fingerprint, keyNames);
    if (!request.ownsKey(startKey)) throw new InvalidCursor('cursor belongs to a different query');
  }
  // Filtered reads fetch bigger batches (a filter may keep few items); DynamoDB bills by bytes read either way.
  const batch = request.filtered ? Math.min(1000, Math.max(50, (limit + 1) * 5)) : limit + 1;
  const maxReads = request.maxReads ?? DEFAULT_MAX_READS;
  const matches: { view: T; raw: Raw }[] = [];
  for (let reads = 1; ; reads++) {
    const response =
      'query' in request.read
        ? await client.send(new QueryCommand({ ...request.read.query, Limit: batch, ExclusiveStartKey: startKey }))
        : await client.send(new ScanCommand({ ...request.read.scan, Limit: batch, ExclusiveStartKey: startKey }));
    for (const raw of response.Items ?? []) {
      const view = map(raw);
      if (view === null) continue;
      matches.push({ view, raw });
      if (matches.length > limit) {
        const last = matches[limit - 1]!;
        return { items: matches.slice(0, limit).map((m) => m.view), nextCursor: encodeCursor(fingerprint, keyOf(last.raw, keyNames)) };
      }
    }
    const lastEvaluated = response.LastEvaluatedKey;
    if (!lastEvaluated) return { items: matches.map((m) => m.view), nextCursor: null };
    startKey = keyOf(lastEvaluated, keyNames);
    if (reads >= maxReads) return { items: matches.map((m) => m.view), nextCursor: encodeCursor(fingerprint, startKey) };
  }
}
