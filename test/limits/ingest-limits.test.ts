/**
 * Ingest's own limits (issue 18): the upload cap applied from the object's size before any
 * download, and the processing-time budget: a check that runs past it ends as a stored input
 * finding and one message, not a Lambda timeout and a redelivery loop. Against s3rver and
 * dynalite; the notifier records. A budget of 0 s is over as soon as extraction ends.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoReportStore } from '../../shared/adapters/dynamodb/report-store.ts';
import { S3ObjectSource } from '../../shared/adapters/s3/object-source.ts';
import type { ProcessedUpload } from '../../shared/render/email.ts';
import { DEFAULT_CHECK_SECONDS, ingestObject, type PipelineDeps } from '../../shared/usecases/ingest.ts';
import { type LocalServers, startServers } from '../support/servers.ts';
import { BUCKET, putObject } from '../usecases/harness.ts';

const SEED = new Uint8Array(readFileSync(new URL('../fixtures/seed/heilongjiang-gxt-2022.txt', import.meta.url)));

let servers: LocalServers;
beforeAll(async () => {
  servers = await startServers({ tableName: 'nianbao-limits', buckets: [BUCKET] });
});
afterAll(async () => servers?.stop());

function deps(checkSeconds?: number) {
  const sent: ProcessedUpload[] = [];
  const d: PipelineDeps = {
    objects: new S3ObjectSource(servers.s3),
    store: new DynamoReportStore(servers.doc, servers.tableName),
    notifier: { publish: async (u) => void sent.push(u) },
    ...(checkSeconds !== undefined ? { checkSeconds } : {}),
  };
  return { d, sent };
}

describe('the upload cap in ingest', () => {
  it("a 21 MB object is answered with I-TOO-LARGE from its HEAD, never downloaded, with the CLI's message", async () => {
    const ref = { bucket: BUCKET, key: 'uploads/2022/黑龙江省工业和信息化厅/大文件.txt' };
    await putObject(servers.s3, ref.key, new Uint8Array(21 * 1024 * 1024).fill(0x31));
    const { d, sent } = deps();
    const source = d.objects;
    const gets: string[] = [];
    const counted: PipelineDeps = {
      ...d,
      objects: {
        head: (r) => source.head(r),
        get: (r) => {
          gets.push(r.key);
          return source.get(r);
        },
      },
    };
    const outcome = await ingestObject(ref, counted);
    expect(outcome).toMatchObject({ kind: 'processed', inputRuleId: 'I-TOO-LARGE' });
    expect(gets).toEqual([]);
    expect(sent.map((u) => u.findings.map((f) => f.finding.message))).toEqual([
      ['文件大小为 21.0 MB，超过 20.0 MB 的上限，未作检查。请压缩或拆分后重新上传。'],
    ]);
  });
});

describe('the check time budget in ingest', () => {
  it('the default budget leaves a third of the 90 s timeout for two messages', () => {
    expect(DEFAULT_CHECK_SECONDS * 2).toBeLessThanOrEqual(60);
  });

  it('a check past its budget is stored as an input finding with one message; a redelivery is a duplicate', async () => {
    const ref = { bucket: BUCKET, key: 'uploads/2022/黑龙江省工业和信息化厅/超时.txt' };
    await putObject(servers.s3, ref.key, SEED);
    const { d, sent } = deps(0);
    const outcome = await ingestObject(ref, d);
    expect(outcome).toMatchObject({ kind: 'processed', inputRuleId: 'I-UNREADABLE', status: 'error' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.findings.map((f) => [f.finding.ruleId, f.finding.message])).toEqual([
      ['I-UNREADABLE', '文件处理超时：0 秒内未能完成检查，文件可能过大或结构异常。请检查文件（或另存为 PDF、Word）后重新上传。'],
    ]);
    expect(await ingestObject(ref, d)).toMatchObject({ kind: 'duplicate' });
    expect(sent).toHaveLength(1);
  });

  it('within the budget the same file is checked as usual', async () => {
    const ref = { bucket: BUCKET, key: 'uploads/2022/黑龙江省工业和信息化厅/按时.txt' };
    await putObject(servers.s3, ref.key, SEED);
    const { d, sent } = deps();
    const outcome = await ingestObject(ref, d);
    expect(outcome).toMatchObject({ kind: 'processed' });
    expect(outcome.kind === 'processed' ? outcome.inputRuleId : 'not processed').toBeUndefined();
    expect(sent).toHaveLength(1);
  });
});
