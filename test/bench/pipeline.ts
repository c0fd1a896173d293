/**
 * The pipeline from upload to stored report and message, on local stand-ins: the ingest use case
 * (shared/usecases/ingest.ts) over the real DynamoDB repository against dynalite (in this process,
 * stored in a LevelDB directory as the local stack runs it, local/dynalite.ts), objects in
 * memory, the notifier counting messages. Uploads are a mix of the corpus's formats (text, HTML,
 * DOCX, PDF) with 5 % broken files, handled CONCURRENCY at a time as the local stack's wiring
 * does. Measured: reports/s, time per upload (p50, p99), DynamoDB requests per upload (every
 * request the SDK sends, a batch of 25 items being one), the process's memory growth, and that
 * every upload ended stored with exactly one message. Memory: RSS after a full collection, once
 * one upload of every source file has warmed the process up (compiled code, pdf.js, heap sizing)
 * and again at the end; the growth between the two is what a long-running stack keeps per upload.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoReportStore } from '../../shared/adapters/dynamodb/report-store.ts';
import { createTableInput } from '../../shared/adapters/dynamodb/table-definition.ts';
import type { ProcessedUpload } from '../../shared/render/email.ts';
import { ingestObject } from '../../shared/usecases/ingest.ts';
import { MemoryObjects } from '../api/harness.ts';
import { documentClient, dynamoClient, startDynalite } from '../support/servers.ts';
import { apiReadUnits, type RouteUnits } from './api-units.ts';
import { collector } from './gc.ts';
import { UnitMeter, type Units } from './units.ts';

const CONCURRENCY = 4;
const fixtures = join(import.meta.dirname, '..', 'fixtures');

export interface PipelineResult {
  uploads: number;
  stored: number;
  lost: number;
  messagesMissing: number;
  duplicatedMessages: number;
  /** Messages that failed because their report was being processed elsewhere, and came back. */
  retries: number;
  /** Messages of re-evaluations (not uploads). */
  reevaluations: number;
  reportsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Mean handler time per upload (what Lambda bills). */
  meanMs: number;
  dynamodbRequestsPerUpload: number;
  requestsByCommand: Record<string, number>;
  /** RSS growth from the end of the warm-up (one upload of every source file) to the end, after full collections. */
  rssGrowthMiB: number;
  /** RSS growth over the warm-up itself (one-off: compiled code, pdf.js, heap sizing). */
  rssWarmUpMiB: number;
  /** DynamoDB units of the uploads (units.ts): all, by format, by object size, by item type. */
  units: UnitSummary;
  /** Read units of one call of each API route on the filled table. */
  api: RouteUnits[];
  /** Handler time (ms) per upload format, p50 (uploads of that format, broken ones included). */
  p50MsByFormat: Record<string, number>;
}

/** The files uploads are drawn from: the corpus's documents and the formats fixtures. */
function sources(): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const dir of ['corpus', 'formats']) {
    for (const f of readdirSync(join(fixtures, dir)).filter((f) => /\.(txt|html|docx|pdf)$/.test(f))) {
      out.push({ name: f, bytes: new Uint8Array(readFileSync(join(fixtures, dir, f))) });
    }
  }
  return out;
}

export interface UnitSummary {
  wruPerUpload: number;
  rruPerUpload: number;
  /** Mean WRU per upload by file format (txt, html, docx, pdf). */
  wruByFormat: Record<string, number>;
  /** Mean WRU per upload by object size (≤ 20 KB, ≤ 100 KB, larger). */
  wruBySize: Record<string, number>;
  /** WRU per upload by item type, and the mean bytes written per upload of each type. */
  wruByItemType: Record<string, number>;
  bytesByItemType: Record<string, number>;
}

const SIZE_BUCKETS: [string, number][] = [
  ['≤ 20 KB', 20_000],
  ['≤ 100 KB', 100_000],
  ['> 100 KB', Number.POSITIVE_INFINITY],
];

function summarizeUnits(byKey: Map<string, Units>, sizes: Map<string, number>): UnitSummary {
  const n = sizes.size;
  const mean = (groups: Map<string, number[]>) =>
    Object.fromEntries([...groups].filter(([, v]) => v.length > 0).map(([k, v]) => [k, v.reduce((a, b) => a + b, 0) / v.length]));
  const byFormat = new Map<string, number[]>();
  const bySize = new Map<string, number[]>(SIZE_BUCKETS.map(([name]) => [name, []]));
  const byType: Record<string, number> = {};
  const bytes: Record<string, number> = {};
  let wru = 0;
  let rru = 0;
  for (const [key, size] of sizes) {
    const u = byKey.get(key) ?? { wru: 0, rru: 0, wruByType: {}, bytesByType: {} };
    wru += u.wru;
    rru += u.rru;
    const format = key.split('.').pop() ?? '';
    byFormat.set(format, [...(byFormat.get(format) ?? []), u.wru]);
    const bucket = SIZE_BUCKETS.find(([, max]) => size <= max)![0];
    bySize.set(bucket, [...(bySize.get(bucket) ?? []), u.wru]);
    for (const [t, v] of Object.entries(u.wruByType)) byType[t] = (byType[t] ?? 0) + v / n;
    for (const [t, v] of Object.entries(u.bytesByType)) bytes[t] = (bytes[t] ?? 0) + v / n;
  }
  return {
    wruPerUpload: wru / n,
    rruPerUpload: rru / n,
    wruByFormat: mean(byFormat),
    wruBySize: mean(bySize),
    wruByItemType: byType,
    bytesByItemType: bytes,
  };
}

/** The API calls on the year with the most reports, about its latest identified upload with findings. */
async function apiUnitsOf(
  store: DynamoReportStore,
  meter: UnitMeter,
  sample: Map<number, ProcessedUpload>,
  tableName: string,
  doc: ReturnType<typeof documentClient>,
): Promise<RouteUnits[]> {
  const counts = [...sample.keys()].map((year) => [year, 0] as [number, number]);
  for (const [i, [year]] of counts.entries()) counts[i]![1] = (await store.reportHeads({ year })).length;
  const [year, reportsOfYear] = counts.sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  const u = sample.get(year);
  if (!u) return [];
  const ruleId = u.findings[0]!.finding.ruleId;
  return apiReadUnits(doc, tableName, meter, { reportId: u.reportId, versionId: u.versionId, year, ruleId, reportsOfYear });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function benchPipeline(count: number): Promise<PipelineResult> {
  const directory = mkdtempSync(join(tmpdir(), 'nianbao-bench-dynalite-'));
  const server = await startDynalite(0, directory);
  const raw = dynamoClient(server.endpoint);
  const meter = new UnitMeter(raw);
  const requests: Record<string, number> = {};
  raw.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      requests[name] = (requests[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  const tableName = 'nianbao-bench';
  await raw.send(new CreateTableCommand(createTableInput(tableName)));
  for (const k of Object.keys(requests)) delete requests[k];
  const store = new DynamoReportStore(documentClient(raw), tableName);
  const objects = new MemoryObjects();
  const messages = new Map<string, number>();
  // The latest identified upload with findings, by year: what the API calls are about.
  const sample = new Map<number, ProcessedUpload>();
  let reevaluations = 0;
  // One message per processed upload; a re-evaluation (a report's previous year arrived later) sends its own.
  const notifier = {
    publish: async (u: ProcessedUpload) => {
      if (u.identified && u.year !== null && u.findings.length > 0) sample.set(u.year, u);
      if (u.evaluation) reevaluations++;
      else messages.set(u.objectKey, (messages.get(u.objectKey) ?? 0) + 1);
    },
  };

  const files = sources();
  const keys: string[] = [];
  const sizes = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const f = files[i % files.length]!;
    // Every 20th upload is broken: random bytes under the file's name.
    const bytes = i % 20 === 19 ? new Uint8Array(randomBytes(2048)) : f.bytes;
    const key = `uploads/bench/${i}-${f.name}`;
    objects.put(key, bytes);
    sizes.set(key, bytes.length);
    keys.push(key);
  }

  const gc = collector();
  const rssNow = () => {
    gc();
    return process.memoryUsage().rss / 1024 / 1024;
  };
  const rss0 = rssNow();
  let rssWarm: number | undefined;
  // Warm-up: one upload of every source file (every format and reader loaded once), at most half the run.
  const warmUp = Math.max(1, Math.min(files.length, Math.floor(count / 2)));
  const times: number[] = [];
  const byFormat: Record<string, number[]> = {};
  const start = performance.now();
  // A message whose object (or follow-up) is being processed elsewhere fails and comes back, as
  // SQS redelivers it after its visibility timeout (here: at the end of the queue).
  const queue = keys.map((key) => ({ key, receives: 0 }));
  let retries = 0;
  const worker = async () => {
    for (let m = queue.shift(); m; m = queue.shift()) {
      const t = performance.now();
      try {
        await meter.run(m.key, () => ingestObject({ bucket: 'bench', key: m.key }, { objects, store, notifier }));
        const ms = performance.now() - t;
        times.push(ms);
        const format = m.key.split('.').pop() ?? '';
        (byFormat[format] ??= []).push(ms);
        if (times.length === warmUp) rssWarm = rssNow();
      } catch (error) {
        if (++m.receives >= 10) throw error;
        retries++;
        await new Promise((r) => setTimeout(r, 20));
        queue.push(m);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - start) / 1000;
  const rssEnd = rssNow();
  const sent = { ...requests };

  let stored = 0;
  for (const key of keys) {
    const record = await store.processing({
      bucket: 'bench',
      objectKey: key,
      sourceVersion: (await objects.head({ bucket: 'bench', key }))!.etag!,
    });
    if (record?.status === 'completed') stored++;
  }
  const api = await apiUnitsOf(store, meter, sample, tableName, documentClient(raw));
  raw.destroy();
  await server.stop();
  rmSync(directory, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  const total = Object.values(sent).reduce((a, b) => a + b, 0);
  return {
    uploads: count,
    stored,
    lost: count - stored,
    messagesMissing: keys.filter((k) => !messages.has(k)).length,
    duplicatedMessages: [...messages.values()].filter((n) => n > 1).length,
    retries,
    reevaluations,
    reportsPerSec: count / elapsed,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    dynamodbRequestsPerUpload: total / count,
    requestsByCommand: Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, v / count])),
    units: summarizeUnits(meter.byLabel, sizes),
    api,
    rssGrowthMiB: rssEnd - (rssWarm ?? rss0),
    rssWarmUpMiB: (rssWarm ?? rss0) - rss0,
    p50MsByFormat: Object.fromEntries(
      Object.entries(byFormat).map(([f, ms]) => [
        f,
        percentile(
          [...ms].sort((a, b) => a - b),
          50,
        ),
      ]),
    ),
  };
}
