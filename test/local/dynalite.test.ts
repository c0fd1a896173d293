/**
 * dynalite with the local fix (local/dynalite.ts): a Query or Scan, read to its end or stopped
 * by its Limit, leaves no iterator open on the store (dynalite 4 alone left every one open,
 * holding its snapshot: the stack's memory grew with every query).
 */
import { CreateTableCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynaliteAbstractLevel } from '../../local/dynalite.ts';
import { createTableInput } from '../../shared/adapters/dynamodb/table-definition.ts';
import { documentClient, dynamoClient, type RunningServer, startDynalite } from '../support/servers.ts';

type Db = { attachResource(r: unknown): void; detachResource(r: unknown): void };
const proto = (dynaliteAbstractLevel as unknown as { AbstractLevel: { prototype: Db } }).AbstractLevel.prototype;

let server: RunningServer;
let open = 0;
const attach = proto.attachResource;
const detach = proto.detachResource;

beforeAll(async () => {
  proto.attachResource = function (this: Db, r: unknown) {
    open++;
    attach.call(this, r);
  };
  proto.detachResource = function (this: Db, r: unknown) {
    open--;
    detach.call(this, r);
  };
  server = await startDynalite();
});
afterAll(async () => {
  proto.attachResource = attach;
  proto.detachResource = detach;
  await server?.stop();
});

describe('dynalite (local fix)', () => {
  it('closes the iterator of every Query and Scan, whether read to the end or stopped by Limit', async () => {
    const raw = dynamoClient(server.endpoint);
    const doc = documentClient(raw);
    await raw.send(new CreateTableCommand(createTableInput('iterators')));
    for (let i = 0; i < 10; i++) await doc.send(new PutCommand({ TableName: 'iterators', Item: { pk: 'P', sk: `S${i}`, n: i } }));
    const before = open;
    const query = { TableName: 'iterators', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'P' } };
    for (let i = 0; i < 20; i++) {
      expect((await doc.send(new QueryCommand(query))).Items).toHaveLength(10);
      expect((await doc.send(new QueryCommand({ ...query, Limit: 3 }))).Items).toHaveLength(3);
      expect((await raw.send(new ScanCommand({ TableName: 'iterators', Limit: 4 }))).Items).toHaveLength(4);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(open - before).toBe(0);
    raw.destroy();
  });
});
