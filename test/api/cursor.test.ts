/**
 * The cursor codec on its own: round trip, query binding, and refusal of anything else.
 */
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, InvalidCursor, queryFingerprint } from '../../shared/adapters/dynamodb/cursor.ts';

const KEY = { pk: 'REPORT#2022-51ff0aff59', sk: 'LATEST', gsi1pk: 'YEAR#2022', gsi1sk: 'error#2022-51ff0aff59' };
const NAMES = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];

describe('cursor', () => {
  it('round-trips a key, whatever the attribute order', () => {
    const q = queryFingerprint('reports', { year: 2022, status: 'error' });
    const cursor = encodeCursor(q, KEY);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, q, [...NAMES].reverse())).toEqual(KEY);
    const reordered = { gsi1sk: KEY.gsi1sk, sk: KEY.sk, gsi1pk: KEY.gsi1pk, pk: KEY.pk };
    expect(encodeCursor(q, reordered)).toBe(cursor);
  });

  it('fingerprints the query name and filters, not their order or the undefined ones', () => {
    const a = queryFingerprint('reports', { year: 2022, status: 'error', agency: undefined });
    expect(queryFingerprint('reports', { status: 'error', year: 2022 })).toBe(a);
    expect(queryFingerprint('reports', { year: 2022 })).not.toBe(a);
    expect(queryFingerprint('findings', { year: 2022, status: 'error' })).not.toBe(a);
    expect(queryFingerprint('reports', { year: '2022', status: 'error' })).not.toBe(a);
  });

  const q = queryFingerprint('reports', { year: 2022 });
  const good = encodeCursor(q, KEY);
  const payload = JSON.parse(Buffer.from(good, 'base64url').toString('utf8'));
  const enc = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const bad: [string, string, string, string[]][] = [
    ['empty', '', q, NAMES],
    ['not base64url', 'abc+/=', q, NAMES],
    ['not JSON', enc('x').slice(2), q, NAMES],
    ['wrong shape', enc({ v: 1 }), q, NAMES],
    ['unknown field', enc({ ...payload, extra: 1 }), q, NAMES],
    ['checksum mismatch', enc({ ...payload, k: { ...payload.k, sk: 'VERSION#x' } }), q, NAMES],
    ['another query', good, queryFingerprint('reports', { year: 2021 }), NAMES],
    ['other key attributes', good, q, ['pk', 'sk', 'gsi2pk', 'gsi2sk']],
    ['fewer key attributes', encodeCursor(q, { pk: KEY.pk, sk: KEY.sk }), q, NAMES],
    ['odd attribute name', encodeCursor(q, { ...KEY, 'a b': 'x' }), q, [...NAMES, 'a b']],
    ['too long', 'A'.repeat(2049), q, NAMES],
  ];
  it.each(bad)('refuses %s', (_name, cursor, fingerprint, names) => {
    expect(() => decodeCursor(cursor, fingerprint, names)).toThrow(InvalidCursor);
  });
});
