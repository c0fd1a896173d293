/**
 * A claim held by another worker (issue 18): two uploads racing for the same previous-year
 * re-check used to log "object version is being processed elsewhere", naming the upload when the
 * busy claim was the re-evaluation's. The log now says a claim is held and which one.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRecordHandler } from '../../functions/ingest/handler.ts';
import { DynamoReportStore } from '../../shared/adapters/dynamodb/report-store.ts';
import type { Report } from '../../shared/report/model.ts';
import { REEVALUATION_SOURCE } from '../../shared/usecases/evaluate.ts';
import { followUpNextYear } from '../../shared/usecases/follow-ups.ts';
import { ProcessingInProgress } from '../../shared/usecases/ingest.ts';
import type { ReportStore } from '../../shared/usecases/ports.ts';
import { reportIdOf } from '../../shared/usecases/records.ts';
import { type LocalServers, startServers } from '../support/servers.ts';
import { BUCKET, mockSns, putObject, s3Record, TOPIC_ARN } from '../usecases/harness.ts';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

let servers: LocalServers;
beforeAll(async () => {
  servers = await startServers({ tableName: 'nianbao-busy', buckets: [BUCKET] });
});
afterAll(async () => servers?.stop());

describe('a busy claim', () => {
  it('is logged as a claim held elsewhere, naming the upload', async () => {
    const key = 'uploads/busy.txt';
    await putObject(servers.s3, key, new TextEncoder().encode('not a report'));
    const store = new DynamoReportStore(servers.doc, servers.tableName);
    const logger = new Logger({ serviceName: 'busy-test', logLevel: 'SILENT' });
    const warn = vi.spyOn(logger, 'warn');
    const handle = createRecordHandler({
      config: { TABLE_NAME: servers.tableName, TOPIC_ARN, MAX_OBJECT_BYTES: 1_000_000 },
      s3: servers.s3,
      dynamo: servers.doc,
      sns: mockSns().sns,
      logger,
      metrics: new Metrics({ namespace: 'nianbao-test', serviceName: 'busy-test' }),
    });
    const head = await servers.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    const sourceVersion = head.ETag!.replace(/"/g, '');
    expect((await store.claim({ bucket: BUCKET, objectKey: key, sourceVersion }, new Date())).kind).toBe('claimed');

    await expect(handle(s3Record(key))).rejects.toThrow(ProcessingInProgress);
    expect(warn).toHaveBeenCalledWith(
      'a claim is held by another worker; retry later',
      expect.objectContaining({ key, claim: `upload ${BUCKET}/${key}#${sourceVersion} is being processed` }),
    );
    expect(warn.mock.calls.flat().join(' ')).not.toContain('object version is being processed elsewhere');
  });

  it('names the previous-year re-check when that is the claim held', async () => {
    const agency = '某某县人民政府';
    const nextId = reportIdOf(agency, 2023);
    const claimed: unknown[] = [];
    const store = {
      getReport: async (id: string) => (id === nextId ? { reportId: id } : undefined),
      claim: async (ref: unknown) => {
        claimed.push(ref);
        return { kind: 'busy' as const };
      },
    } as unknown as ReportStore;
    const stored = { reportId: reportIdOf(agency, 2022), versionId: 'v1', agency, year: 2022, report: {} as Report };
    const run = followUpNextYear(stored, { store, notifier: { publish: async () => undefined }, now: () => new Date() });
    await expect(run).rejects.toThrow(
      new ProcessingInProgress(`re-evaluation of ${nextId} against its previous year ${stored.reportId}#v1 is being processed`),
    );
    expect(claimed).toEqual([{ bucket: REEVALUATION_SOURCE, objectKey: nextId, sourceVersion: `${stored.reportId}#v1` }]);
  });
});
