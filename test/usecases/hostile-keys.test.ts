/**
 * Hostile S3 keys through the ingest handler as in AWS (issue 18, deliverable 4): S3 stores any
 * key as an opaque string, so the pipeline must too. A `%2F` that a second decoding would turn
 * into `/`, control characters (a line break, a bell, an ANSI escape), a key of 1,024 bytes: each
 * upload is stored under exactly its key, answered with one message whose subject is ASCII and
 * whose body shows the key on its own line, control characters as `\xNN`. (The local stack's
 * s3rver cannot store `.`/`..` segments or long segments as files and refuses them: see
 * test/local/hostile-keys.test.ts.)
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/adapters/dynamodb/items.ts';
import { printable } from '../../shared/render/email.ts';
import { unidentifiedReportIdOf } from '../../shared/usecases/records.ts';
import { type LocalServers, startServers } from '../support/servers.ts';
import { BUCKET, buildHandler, lambdaContext, mockSns, putObject, s3Record, sqsEvent } from './harness.ts';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

let servers: LocalServers;
beforeAll(async () => {
  servers = await startServers({ tableName: 'nianbao-keys', buckets: [BUCKET] });
});
afterAll(async () => servers?.stop());

const longKey = () => {
  let key = 'uploads';
  while (Buffer.byteLength(key) < 1024 - 201) key += `/${'k'.repeat(200)}`;
  return `${key}/${'z'.repeat(1024 - Buffer.byteLength(key) - 1)}`;
};

const KEYS: [string, string][] = [
  ['a literal %2F', 'uploads/a%2F..%2F..%2Fb.txt'],
  ['a percent-encoded Chinese name, literally', 'uploads/%E5%B9%B4%E6%8A%A5.txt'],
  ['a line break and a carriage return', 'uploads/line\r\nBcc: x@example.com.txt'],
  ['a bell and an ANSI escape', 'uploads/ctrl\u0007\u001b[31mred.txt'],
  ['1,024 bytes', longKey()],
];

describe('hostile keys in the ingest pipeline', () => {
  it('builds a 1,024-byte key for the table', () => {
    expect(Buffer.byteLength(KEYS[4]![1])).toBe(1024);
  });

  it.each(KEYS)('%s: stored under exactly its key, one message', async (_, key) => {
    const { sns, published } = mockSns();
    await putObject(servers.s3, key, new TextEncoder().encode(`not a report: ${key}`));
    const response = await buildHandler({ s3: servers.s3, dynamo: servers.dynamo, sns }, servers.tableName)(
      sqsEvent(s3Record(key)),
      lambdaContext(),
    );
    expect(response).toEqual({ batchItemFailures: [] });
    expect(published()).toHaveLength(1);
    const message = published()[0]!;
    expect(message.Subject).toMatch(/^\[nianbao\] unidentified upload: 1 error \(id u-[0-9a-f]{10}\)$/);
    const email = (JSON.parse(message.Message!) as { email: string }).email;
    const line = email.split('\n').find((l) => l.startsWith('文件：'));
    expect(line).toBe(`文件：${printable(key)}（存储桶 ${BUCKET}）`);
    expect(email.split('\n').filter((l) => l.startsWith('Bcc:'))).toEqual([]);

    const reportId = unidentifiedReportIdOf(BUCKET, key);
    const head = await servers.doc.send(new GetCommand({ TableName: servers.tableName, Key: keys.report(reportId) }));
    expect(head.Item).toMatchObject({ reportId, objectKey: key });
  });
});
