/**
 * DynamoDB on-demand units of what a client actually sends and receives, computed from the items
 * on the wire (dynalite's own ConsumedCapacity counts string length, not UTF-8 bytes, and leaves
 * the indexes out). The rules (DynamoDB developer guide, "Read/write capacity mode" and "Item
 * sizes"): an item's size is the UTF-8 length of its attribute names and values (numbers ~1 byte
 * per 2 digits + 1, maps and lists 3 bytes + 1 per element); a write costs 1 WRU per KB of the
 * item (rounded up), once in the table and once more in every global secondary index whose keys
 * the item carries (all three project ALL), and 1 WRU to take an item out of an index; a read
 * costs 1 RRU per 4 KB (strongly consistent) or half of it (eventually consistent): per item for
 * GetItem/BatchGetItem, over the summed size of the page for Query.
 *
 * The client's middleware sees requests marshalled and responses already unmarshalled (lib-dynamodb
 * converts them around it), hence the two size functions. Requests are attributed to whatever `attribution.run(label, …)` encloses (an upload, an API
 * route), through AsyncLocalStorage.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TABLE_DEFINITION } from '../../shared/adapters/dynamodb/table-definition.ts';

type Wire = Record<string, unknown>;

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

function numberBytes(n: string): number {
  const digits = n.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
  return Math.max(1, Math.ceil(digits / 2) + 1);
}

/** Size in bytes of one marshalled attribute value ({ S: … }, { N: … }, { M: … } …). */
export function valueBytes(value: Wire): number {
  const [type, v] = Object.entries(value)[0] ?? ['NULL', true];
  switch (type) {
    case 'S':
      return utf8(v as string);
    case 'N':
      return numberBytes(v as string);
    case 'B':
      return Buffer.from(v as string, 'base64').length;
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
      return (v as string[]).reduce((sum, s) => sum + utf8(s), 0);
    case 'NS':
      return (v as string[]).reduce((sum, s) => sum + numberBytes(s), 0);
    case 'L':
      return 3 + (v as Wire[]).reduce((sum, e) => sum + 1 + valueBytes(e), 0);
    case 'M':
      return 3 + Object.entries(v as Record<string, Wire>).reduce((sum, [k, e]) => sum + utf8(k) + 1 + valueBytes(e), 0);
    default:
      return 0;
  }
}

/** Size in bytes of a marshalled item. */
export function itemBytes(item: Record<string, Wire>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueBytes(value), 0);
}

/** Size in bytes of an unmarshalled value (what the SDK returns after reading). */
export function plainBytes(value: unknown): number {
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number' || typeof value === 'bigint') return numberBytes(String(value));
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + plainBytes(v), 0);
  if (value instanceof Uint8Array) return value.length;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + plainBytes(v), 0);
  return 3 + Object.entries(value as object).reduce((sum, [k, v]) => sum + utf8(k) + 1 + plainBytes(v), 0);
}

/** Size in bytes of an unmarshalled item. */
const plainItemBytes = (item: Record<string, unknown>) => Object.entries(item).reduce((sum, [k, v]) => sum + utf8(k) + plainBytes(v), 0);

const GSI_KEYS = TABLE_DEFINITION.globalSecondaryIndexes.map((g) => g.partitionKey.name);

/** What one label (an upload, an API call) consumed. */
export interface Units {
  wru: number;
  rru: number;
  /** WRU by item type (the `type` attribute), table and indexes together. */
  wruByType: Record<string, number>;
  /** Bytes written by item type (table only). */
  bytesByType: Record<string, number>;
}

const emptyUnits = (): Units => ({ wru: 0, rru: 0, wruByType: {}, bytesByType: {} });

function addPut(units: Units, item: Record<string, Wire>): void {
  const bytes = itemBytes(item);
  const type = (item.type as { S?: string } | undefined)?.S ?? 'unknown';
  const perCopy = Math.max(1, Math.ceil(bytes / 1024));
  let wru = perCopy * (1 + GSI_KEYS.filter((k) => k in item).length);
  // A finding put again without its gsi3 keys leaves the per-rule index: one index delete.
  if (type === 'finding' && !('gsi3pk' in item)) wru += 1;
  units.wru += wru;
  units.wruByType[type] = (units.wruByType[type] ?? 0) + wru;
  units.bytesByType[type] = (units.bytesByType[type] ?? 0) + bytes;
}

function writeUnits(units: Units, command: string, input: Wire): void {
  if (command === 'PutItemCommand') addPut(units, input.Item as Record<string, Wire>);
  if (command === 'BatchWriteItemCommand') {
    for (const requests of Object.values(input.RequestItems as Record<string, Wire[]>)) {
      for (const r of requests) {
        const put = (r as { PutRequest?: { Item: Record<string, Wire> } }).PutRequest;
        if (put) addPut(units, put.Item);
        else units.wru += 1;
      }
    }
  }
  if (command === 'UpdateItemCommand' || command === 'DeleteItemCommand') {
    // Processing records (claims) only: small items, 1 WRU each (the size of key and values written).
    const values = (input.ExpressionAttributeValues ?? {}) as Record<string, Wire>;
    const bytes = itemBytes(input.Key as Record<string, Wire>) + itemBytes(values);
    const wru = Math.max(1, Math.ceil(bytes / 1024));
    units.wru += wru;
    units.wruByType.processing = (units.wruByType.processing ?? 0) + wru;
  }
}

function readUnits(units: Units, command: string, input: Wire, output: Wire): void {
  const factor = (consistent: unknown) => (consistent ? 1 : 0.5);
  const perItem = (bytes: number, consistent: unknown) => Math.max(1, Math.ceil(bytes / 4096)) * factor(consistent);
  if (command === 'GetItemCommand') {
    const item = output.Item as Record<string, unknown> | undefined;
    units.rru += perItem(item ? plainItemBytes(item) : 0, input.ConsistentRead);
  }
  if (command === 'BatchGetItemCommand') {
    const consistent = Object.values(input.RequestItems as Record<string, Wire>)[0]?.ConsistentRead;
    const responses = Object.values((output.Responses ?? {}) as Record<string, Record<string, unknown>[]>).flat();
    const requested = Object.values(input.RequestItems as Record<string, { Keys: unknown[] }>).reduce((n, t) => n + t.Keys.length, 0);
    // Keys that found nothing cost the minimum too.
    units.rru += responses.reduce((sum, item) => sum + perItem(plainItemBytes(item), consistent), 0);
    units.rru += Math.max(0, requested - responses.length) * factor(consistent);
  }
  if (command === 'QueryCommand' || command === 'ScanCommand') {
    const bytes = ((output.Items ?? []) as Record<string, unknown>[]).reduce((sum, item) => sum + plainItemBytes(item), 0);
    units.rru += perItem(bytes, input.ConsistentRead);
  }
}

/** Accounting of units by label, installed on a client. */
export class UnitMeter {
  readonly byLabel = new Map<string, Units>();
  /** Requests made under any label. */
  requests = 0;
  private readonly context = new AsyncLocalStorage<string>();

  constructor(client: DynamoDBClient) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const label = this.context.getStore();
        const result = await next(args);
        if (label !== undefined) {
          this.requests++;
          const units = this.byLabel.get(label) ?? emptyUnits();
          this.byLabel.set(label, units);
          const command = context.commandName ?? '';
          const input = args.input as Wire;
          writeUnits(units, command, input);
          readUnits(units, command, input, result.output as unknown as Wire);
        }
        return result;
      },
      // After serialization the input is marshalled (lib-dynamodb marshalls in initialize).
      { step: 'build', name: 'unitMeter' },
    );
  }

  /** Runs `fn` with every request it makes counted under `label`. */
  run<T>(label: string, fn: () => Promise<T>): Promise<T> {
    return this.context.run(label, fn);
  }
}
