/**
 * The ReportStore port over one DynamoDB table: claims (claims.ts), version writes
 * (version-writer.ts), version reads (version-reader.ts) and the boilerplate index
 * (sentence-store.ts), each a file of its own; this class only puts them behind the port.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BoilerplateIndex } from '../../rules/history/boilerplate.ts';
import type { ObjectVersionRef, ReportStore, VersionWrite } from '../../usecases/ports.ts';
import { type ClaimOptions, DynamoClaims } from './claims.ts';
import { loadBoilerplate, recordSentences } from './sentence-store.ts';
import { DynamoVersionReader } from './version-reader.ts';
import { DynamoVersionWriter } from './version-writer.ts';

/**
 * Every storage need of the ingest and revalidate use cases, over `tableName`. The reads beyond
 * the port (versions, finding items, Report of any version) serve the tests and the local tools.
 */
export class DynamoReportStore extends DynamoVersionReader implements ReportStore {
  private readonly claims: DynamoClaims;
  private readonly writer: DynamoVersionWriter;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    options: ClaimOptions = {},
  ) {
    super(client, table);
    this.claims = new DynamoClaims(client, table, options);
    this.writer = new DynamoVersionWriter(client, table);
  }

  claim(ref: ObjectVersionRef, now: Date) {
    return this.claims.claim(ref, now);
  }

  complete(ref: ObjectVersionRef, token: string, reportId: string, publishedAt: string) {
    return this.claims.complete(ref, token, reportId, publishedAt);
  }

  release(ref: ObjectVersionRef, token: string) {
    return this.claims.release(ref, token);
  }

  processing(ref: ObjectVersionRef) {
    return this.claims.processing(ref);
  }

  saveVersion(write: VersionWrite) {
    return this.writer.saveVersion(write);
  }

  boilerplateFor(year: number, norms: readonly string[], minOtherAgencies?: number): Promise<BoilerplateIndex> {
    return loadBoilerplate(this.client, this.table, year, norms, minOtherAgencies);
  }

  recordSentences(year: number, agency: string, norms: readonly string[]): Promise<void> {
    return recordSentences(this.client, this.table, year, agency, norms);
  }
}
