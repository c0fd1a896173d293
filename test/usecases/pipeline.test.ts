/**
 * The ingest use case over its ports: an in-memory object source, the real repository on
 * dynalite, a recording notifier and a fixed clock.
 */
import { readFileSync } from 'node:fs';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { keys } from '../../shared/adapters/dynamodb/items.ts';
import { DynamoReportStore } from '../../shared/adapters/dynamodb/report-store.ts';
import type { ProcessedUpload } from '../../shared/render/email.ts';
import { checkBytes } from '../../shared/usecases/check.ts';
import { ingestObject, type PipelineDeps } from '../../shared/usecases/ingest.ts';
import type { ObjectHead, ObjectRef, ObjectSource } from '../../shared/usecases/ports.ts';
import { reportIdOf } from '../../shared/usecases/records.ts';
import { type LocalServers, startServers } from '../support/servers.ts';

const SEED = new Uint8Array(readFileSync(new URL('../fixtures/seed/heilongjiang-gxt-2022.txt', import.meta.url)));
const AGENCY = '黑龙江省工业和信息化厅';

class MemoryObjects implements ObjectSource {
  readonly objects = new Map<string, { bytes: Uint8Array; metadata: Record<string, string>; etag: string }>();
  readonly gets: string[] = [];
  put(key: string, bytes: Uint8Array, metadata: Record<string, string> = {}) {
    this.objects.set(key, { bytes, metadata, etag: `etag-${this.objects.size}-${bytes.length}` });
  }
  async head(ref: ObjectRef): Promise<ObjectHead | undefined> {
    const o = this.objects.get(ref.key);
    return o ? { size: o.bytes.length, metadata: o.metadata, etag: o.etag } : undefined;
  }
  async get(ref: ObjectRef): Promise<Uint8Array> {
    this.gets.push(ref.key);
    return this.objects.get(ref.key)!.bytes;
  }
}

let servers: LocalServers;
beforeAll(async () => {
  servers = await startServers({ tableName: 'nianbao-pipeline', buckets: [] });
});
afterAll(async () => servers?.stop());

function deps(objects: MemoryObjects) {
  const store = new DynamoReportStore(servers.doc, servers.tableName);
  const sent: ProcessedUpload[] = [];
  let tick = Date.parse('2026-11-29T06:00:00.000Z');
  const d: PipelineDeps = {
    objects,
    store,
    notifier: { publish: async (u) => void sent.push(u) },
    clock: { now: () => new Date((tick += 1000)) },
  };
  return { d, store, sent };
}

describe('ingestObject', () => {
  it("passes the agency's previous-year report, as stored, to the rules", async () => {
    const objects = new MemoryObjects();
    const { d, store, sent } = deps(objects);
    const text2021 = new TextEncoder().encode(new TextDecoder().decode(SEED).replaceAll('2022', '2021'));
    objects.put('uploads/2021/hlj.txt', text2021);
    objects.put('uploads/2022/hlj.txt', SEED);

    const first = await ingestObject({ bucket: 'b', key: 'uploads/2021/hlj.txt' }, d);
    expect(first).toMatchObject({ kind: 'processed', reportId: reportIdOf(AGENCY, 2021), latest: true });

    const spy = vi.spyOn(store, 'latestReport');
    const second = await ingestObject({ bucket: 'b', key: 'uploads/2022/hlj.txt' }, d);
    expect(second).toMatchObject({ kind: 'processed', reportId: reportIdOf(AGENCY, 2022) });
    expect(spy).toHaveBeenCalledWith(reportIdOf(AGENCY, 2021));
    const call = spy.mock.calls.findIndex(([id]) => id === reportIdOf(AGENCY, 2021));
    const given = (await spy.mock.results[call]!.value)?.report;
    const metadata = { fileName: 'hlj.txt', year: 2021 };
    expect(given).toEqual((await checkBytes(text2021, { fileName: 'hlj.txt', metadata })).report);
    expect(sent.map((u) => u.year)).toEqual([2021, 2022]);
  });

  it('rebuilds the latest Report from the report item and the version partition, and from the version item for older items', async () => {
    const objects = new MemoryObjects();
    const { d, store } = deps(objects);
    objects.put('uploads/2018/latest.txt', new TextEncoder().encode(new TextDecoder().decode(SEED).replaceAll('2022', '2018')));
    const out = await ingestObject({ bucket: 'b', key: 'uploads/2018/latest.txt' }, d);
    expect(out).toMatchObject({ kind: 'processed', reportId: reportIdOf(AGENCY, 2018) });
    const { versionId } = out as { versionId: string };
    const stored = await store.storedVersion(reportIdOf(AGENCY, 2018), versionId);
    expect(await store.latestReport(reportIdOf(AGENCY, 2018))).toEqual({ versionId, report: stored!.report });

    // A recognition item written before it kept publishedAt: the version item gives it.
    const key = { pk: keys.versionPartition(reportIdOf(AGENCY, 2018), versionId), sk: keys.recognition };
    await servers.doc.send(new UpdateCommand({ TableName: servers.tableName, Key: key, UpdateExpression: 'REMOVE publishedAt' }));
    await servers.doc.send(
      new UpdateCommand({
        TableName: servers.tableName,
        Key: keys.version(reportIdOf(AGENCY, 2018), versionId),
        UpdateExpression: 'SET publishedAt = :p',
        ExpressionAttributeValues: { ':p': '2023-01-20' },
      }),
    );
    const older = await store.latestReport(reportIdOf(AGENCY, 2018));
    expect(older).toEqual({ versionId, report: { ...stored!.report!, publishedAt: '2023-01-20' } });
    expect(await store.latestReport(reportIdOf(AGENCY, 1999))).toBeUndefined();
  });

  it('acknowledges an object that no longer exists without storing or sending anything', async () => {
    const objects = new MemoryObjects();
    const { d, sent } = deps(objects);
    expect(await ingestObject({ bucket: 'b', key: 'uploads/2022/gone.txt' }, d)).toEqual({ kind: 'gone' });
    expect(sent).toEqual([]);
  });

  it('keeps the version id of a failed attempt, so the retry writes the same version', async () => {
    const objects = new MemoryObjects();
    const { d, store, sent } = deps(objects);
    objects.put('uploads/2020/某局/失败.txt', new TextEncoder().encode('这不是年度报告，只是一段文字。'));
    const failing = { ...d, notifier: { publish: async () => Promise.reject(Object.assign(new Error('Throttled'), { $metadata: {} })) } };
    await expect(ingestObject({ bucket: 'b', key: 'uploads/2020/某局/失败.txt' }, failing)).rejects.toThrow('Throttled');
    const retry = await ingestObject({ bucket: 'b', key: 'uploads/2020/某局/失败.txt' }, d);
    expect(retry.kind).toBe('processed');
    if (retry.kind !== 'processed') return;
    const versions = await store.versions(retry.reportId);
    expect(versions.map((v) => v.versionId)).toEqual([retry.versionId]);
    expect(versions[0]).toMatchObject({ agency: '某局', year: 2020, identitySource: { agency: 'key', year: 'key' } });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.findings.every((f) => f.finding.category === 'input')).toBe(true);
  });
});
