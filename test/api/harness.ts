/**
 * The API test harness: a DynamoDB-compatible server (dynalite), the corpus ingested into it by
 * the real pipeline (shared/usecases/ingest.ts over the real repository), and the real handler behind
 * the node:http adapter, called over HTTP.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createApiHandler } from '../../functions/api/handler.ts';
import { type ApiServer, startApiServer } from '../../local/api-server.ts';
import type { ReportItem } from '../../shared/adapters/dynamodb/items.ts';
import { DynamoReportStore } from '../../shared/adapters/dynamodb/report-store.ts';
import { createTableInput } from '../../shared/adapters/dynamodb/table-definition.ts';
import type { ProcessedUpload } from '../../shared/render/email.ts';
import { toCsv, toXlsx } from '../../shared/render/workbook.ts';
import { ingestObject } from '../../shared/usecases/ingest.ts';
import type { ObjectHead, ObjectRef, ObjectSource } from '../../shared/usecases/ports.ts';
import { originalCorpus } from '../corpus/corpus-cases.ts';
import { documentClient, dynamoClient, startDynalite } from '../support/servers.ts';
import { CRAFTED_ID, type CraftedVersions, writeCrafted } from './crafted.ts';

/** The reports the API tests were written around (the original corpus). */
const ORIGINAL = originalCorpus();

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const BUCKET = 'nianbao-uploads';

interface StoredObject {
  bytes: Uint8Array;
  head: ObjectHead;
}

/** An in-memory object source (the pipeline's S3 port). */
export class MemoryObjects implements ObjectSource {
  readonly objects = new Map<string, StoredObject>();
  put(key: string, bytes: Uint8Array, metadata: Record<string, string> = {}): void {
    const etag = createHash('md5').update(bytes).digest('hex');
    this.objects.set(key, { bytes, head: { size: bytes.length, metadata, etag, contentType: 'text/plain' } });
  }
  async head(ref: ObjectRef): Promise<ObjectHead | undefined> {
    return this.objects.get(ref.key)?.head;
  }
  async get(ref: ObjectRef): Promise<Uint8Array> {
    const stored = this.objects.get(ref.key);
    if (!stored) throw new Error(`no object ${ref.key}`);
    return stored.bytes;
  }
}

export interface Upload {
  key: string;
  bytes: Uint8Array;
}

/** Every corpus and seed text, uploaded under `uploads/<year>/<agency>/<file>` (identity from the key when the text lacks it). */
export function corpusUploads(): Upload[] {
  const uploads: Upload[] = [];
  for (const dir of ['corpus', 'seed']) {
    for (const file of readdirSync(join(FIXTURES, dir))
      .filter((f) => f.endsWith('.txt') && (dir === 'seed' || ORIGINAL.has(f.slice(0, -4))))
      .sort()) {
      const expected = JSON.parse(readFileSync(join(FIXTURES, dir, file.replace(/\.txt$/, '.expected.json')), 'utf8')) as {
        report_year?: number;
        year?: number;
        agency?: string | null;
      };
      const year = expected.report_year ?? expected.year ?? 2022;
      // No agency known: the key gives the year only, so the report is unidentified unless the text names it.
      const key = expected.agency ? `uploads/${year}/${expected.agency}/${file}` : `uploads/${year}/${file}`;
      uploads.push({ key, bytes: new Uint8Array(readFileSync(join(FIXTURES, dir, file))) });
    }
  }
  return uploads;
}

/** The seed report again under the same key with a correction appended: a second version of it. */
export function seedCorrection(uploads: Upload[]): Upload {
  const seed = uploads.find((u) => u.key.endsWith('heilongjiang-gxt-2022.txt'));
  if (!seed) throw new Error('seed upload missing');
  const text = `${new TextDecoder().decode(seed.bytes)}\n（本报告于2023年2月更正。）\n`;
  return { key: seed.key, bytes: new TextEncoder().encode(text) };
}

export interface LocalDynamo {
  endpoint: string;
  doc: DynamoDBDocumentClient;
  tableName: string;
  stop(): Promise<void>;
}

/** dynalite (test/support/servers.ts) with the one table created. */
async function startDynamo(tableName = 'nianbao-api-test'): Promise<LocalDynamo> {
  const server = await startDynalite();
  const client = dynamoClient(server.endpoint);
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  return {
    endpoint: server.endpoint,
    doc: documentClient(client),
    tableName,
    stop: async () => {
      client.destroy();
      await server.stop();
    },
  };
}

export interface Harness {
  dynamo: LocalDynamo;
  /** The two versions of the report written through the repository (crafted.ts). */
  crafted: CraftedVersions;
  repository: DynamoReportStore;
  server: ApiServer;
  url: string;
  /** Every processed upload, in ingest order. */
  published: ProcessedUpload[];
  /** The report items as the writer's read path sees them, by report id. */
  reports: Map<string, ReportItem>;
  ingest(upload: Upload): Promise<void>;
  get(path: string): Promise<HttpResult>;
  close(): Promise<void>;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Starts everything and ingests `uploads` in order, one simulated second apart. */
export async function startHarness(uploads: Upload[]): Promise<Harness> {
  const dynamo = await startDynamo();
  const repository = new DynamoReportStore(dynamo.doc, dynamo.tableName);
  const objects = new MemoryObjects();
  const published: ProcessedUpload[] = [];
  let tick = Date.parse('2026-11-29T06:00:00.000Z');
  const clock = { now: () => new Date((tick += 1000)) };
  const notifier = { publish: async (upload: ProcessedUpload) => void published.push(upload) };
  const ingest = async (upload: Upload) => {
    objects.put(upload.key, upload.bytes);
    const outcome = await ingestObject({ bucket: BUCKET, key: upload.key }, { objects, store: repository, notifier, clock });
    if (outcome.kind !== 'processed') throw new Error(`${upload.key}: ${outcome.kind}`);
  };
  for (const upload of uploads) await ingest(upload);
  const crafted = await writeCrafted(repository);

  // The router with the export function's writers: every route of the HTTP API, as in the local stack.
  const handler = createApiHandler({
    client: dynamo.doc,
    tableName: dynamo.tableName,
    logError: () => undefined,
    writers: { toXlsx, toCsv },
  });
  const server = await startApiServer({ port: 0, handler });
  const reports = new Map<string, ReportItem>();
  const harness: Harness = {
    dynamo,
    crafted,
    repository,
    server,
    url: server.url,
    published,
    reports,
    ingest: async (upload) => {
      await ingest(upload);
      await refresh();
    },
    get: (path) => httpGet(server.url + path),
    close: async () => {
      await server.close();
      await dynamo.stop();
    },
  };
  async function refresh() {
    reports.clear();
    for (const id of new Set([...published.map((p) => p.reportId), CRAFTED_ID])) {
      const item = await repository.getReport(id);
      if (item) reports.set(id, item);
    }
  }
  await refresh();
  return harness;
}

/** GET over HTTP: status, headers and the body parsed as JSON when it is JSON. */
export async function httpGet(url: string): Promise<HttpResult> {
  const response = await fetch(url);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // leave as text
  }
  return { status: response.status, headers: response.headers, body };
}

/** Follows nextCursor from `path` (which must have a query string) until the last page; returns every page. */
export async function allPages<T>(h: { get(path: string): Promise<HttpResult> }, path: string): Promise<{ pages: T[][]; items: T[] }> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const result = await h.get(cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path);
    if (result.status !== 200) throw new Error(`${path}: ${result.status} ${JSON.stringify(result.body)}`);
    const body = result.body as { items: T[]; nextCursor: string | null };
    pages.push(body.items);
    cursor = body.nextCursor;
    if (cursor === null) return { pages, items: pages.flat() };
  }
  throw new Error('pagination did not end');
}
