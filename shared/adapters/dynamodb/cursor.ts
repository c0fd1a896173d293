/**
 * Opaque pagination cursors: base64url of `{ v, q, k, c }` where `k` is the DynamoDB key to
 * resume after (ExclusiveStartKey), `q` a fingerprint of the query the cursor belongs to, and `c`
 * a checksum of both. Not a secret (no HMAC): the checksum catches corruption and casual edits,
 * the fingerprint catches a cursor replayed against another query, and the caller's key check
 * (the partition of `k` must be the query's) makes a forged cursor unable to read elsewhere.
 * Every failure is an InvalidCursor, which the API answers with 400.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export class InvalidCursor extends Error {
  override readonly name = 'InvalidCursor';
}

export type CursorKey = Record<string, string | number>;

const VERSION = 1;
const MAX_CURSOR_LENGTH = 2048;

const CursorPayloadSchema = z.strictObject({
  v: z.literal(VERSION),
  q: z.string().regex(/^[0-9a-f]{16}$/),
  k: z.record(z.string().regex(/^[A-Za-z0-9_]{1,32}$/), z.union([z.string().max(1024), z.number()])),
  c: z.string().regex(/^[0-9a-f]{16}$/),
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** A stable fingerprint of a query: its name and filters (not its page size). */
export function queryFingerprint(name: string, filters: Record<string, string | number | undefined>): string {
  const entries = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha(JSON.stringify([name, entries]));
}

function canonicalKey(key: CursorKey): [string, string | number][] {
  return Object.entries(key).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const checksum = (fingerprint: string, key: CursorKey) => sha(JSON.stringify([VERSION, fingerprint, canonicalKey(key)]));

export function encodeCursor(fingerprint: string, key: CursorKey): string {
  const payload = { v: VERSION, q: fingerprint, k: Object.fromEntries(canonicalKey(key)), c: checksum(fingerprint, key) };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor for the same query. `keyNames` are the exact attribute
 * names the query's LastEvaluatedKey has (table keys, plus the index keys for an index query).
 */
export function decodeCursor(cursor: string, fingerprint: string, keyNames: readonly string[]): CursorKey {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw new InvalidCursor('cursor is not a cursor returned by this API');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor('cursor is not a cursor returned by this API');
  }
  const result = CursorPayloadSchema.safeParse(parsed);
  if (!result.success) throw new InvalidCursor('cursor is not a cursor returned by this API');
  const { q, k, c } = result.data;
  if (checksum(q, k) !== c) throw new InvalidCursor('cursor is corrupted');
  if (q !== fingerprint) throw new InvalidCursor('cursor belongs to a different query (filters changed)');
  const names = Object.keys(k).sort();
  const expected = [...keyNames].sort();
  if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
    throw new InvalidCursor('cursor is not a cursor returned by this API');
  }
  return k;
}
