/**
 * What each listing of the read side reads (docs/data-model.md, "Access patterns"): the Query or
 * Scan, the key attributes of its pages, the key range a cursor may resume in, and whether a
 * filter drops items after reading. queries.ts pages through them with readPage.
 */
import type { ListFindingsFilter, ListReportsFilter } from '../../usecases/ports.ts';
import { agencyKeyOf } from '../../usecases/records.ts';
import type { CursorKey } from './cursor.ts';
import { keyPrefix, keys } from './items.ts';
import type { PageRequest } from './paginate.ts';
import { TABLE_DEFINITION, type TableDefinition } from './table-definition.ts';

/** The parts of a page request that say what to read. */
export type Listing = Pick<PageRequest<unknown>, 'read' | 'keyNames' | 'ownsKey' | 'filtered'>;

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

/** Attribute names and values of equality conditions, named `#name` / `:name`. */
function equalities(conditions: Record<string, unknown>) {
  const set = Object.entries(conditions).filter(([, v]) => v !== undefined);
  return {
    expression: set.map(([n]) => `#${n} = :${n}`).join(' AND '),
    names: Object.fromEntries(set.map(([n]) => [`#${n}`, n])),
    values: Object.fromEntries(set.map(([n, v]) => [`:${n}`, v])),
  };
}

/** A key-condition Query of an index: the partition, optionally a sort-key prefix, optionally a filter. */
function indexQuery(tableName: string, gsi: Index, pk: string, skPrefix: string | undefined, filter: Record<string, unknown>): Listing {
  const f = equalities(filter);
  return {
    read: {
      query: {
        TableName: tableName,
        IndexName: gsi.indexName,
        KeyConditionExpression: skPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
        ...(f.expression ? { FilterExpression: f.expression } : {}),
        ExpressionAttributeNames: { '#pk': gsi.partitionKey.name, ...(skPrefix ? { '#sk': gsi.sortKey.name } : {}), ...f.names },
        ExpressionAttributeValues: { ':pk': pk, ...(skPrefix ? { ':prefix': skPrefix } : {}), ...f.values },
      },
    },
    keyNames: indexKeys(gsi),
    ownsKey: (k) => str(k, gsi.partitionKey.name) === pk && str(k, gsi.sortKey.name).startsWith(skPrefix ?? ''),
    filtered: f.expression !== '',
  };
}

/** A Scan of a sparse index with equality filters; a cursor may resume anywhere `ownsKey` allows. */
function indexScan(tableName: string, gsi: Index, filter: Record<string, unknown>, ownsKey: Listing['ownsKey']): Listing {
  const f = equalities(filter);
  return {
    read: {
      scan: {
        TableName: tableName,
        IndexName: gsi.indexName,
        FilterExpression: f.expression,
        ExpressionAttributeNames: f.names,
        ExpressionAttributeValues: f.values,
      },
    },
    keyNames: indexKeys(gsi),
    ownsKey,
    filtered: true,
  };
}

/**
 * Reports: of an agency (gsi2, by year; status filtered), of a year (gsi1, status a key prefix),
 * or all (a Scan of gsi1, which only report items carry).
 */
export function reportListing(tableName: string, { year, agency, status }: Omit<ListReportsFilter, 'limit' | 'cursor'>): Listing {
  if (agency !== undefined) {
    const skPrefix = year === undefined ? undefined : keys.agencySortPrefix(year);
    return indexQuery(tableName, GSI2, keys.agencyIndex(agencyKeyOf(agency)), skPrefix, { status });
  }
  if (year !== undefined) return indexQuery(tableName, GSI1, keys.yearIndex(year), status ? keys.yearSortPrefix(status) : undefined, {});
  return indexScan(
    tableName,
    GSI1,
    { type: 'report', status },
    (k) => str(k, GSI1.partitionKey.name).startsWith(keyPrefix.year) && str(k, 'pk').startsWith(keyPrefix.report),
  );
}

/** Latest findings: of a rule and year (gsi3; severity filtered), or any (a Scan of the sparse gsi3). */
export function findingListing(tableName: string, { year, ruleId, severity }: Omit<ListFindingsFilter, 'limit' | 'cursor'>): Listing {
  if (year !== undefined && ruleId !== undefined) return indexQuery(tableName, GSI3, keys.ruleIndex(ruleId, year), undefined, { severity });
  return indexScan(
    tableName,
    GSI3,
    { type: 'finding', year, ruleId, severity },
    (k) => str(k, GSI3.partitionKey.name).startsWith(keyPrefix.rule) && str(k, 'pk').startsWith(keyPrefix.version),
  );
}
