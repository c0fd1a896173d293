/**
 * Idempotency over the table: one processing record per object version (or re-evaluation),
 * claimed with a conditional write (docs/decisions/idempotency.md). Implements the ClaimStore
 * port.
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Claim, ClaimStore, ObjectVersionRef } from '../../usecases/ports.ts';
import { versionIdOf } from '../../usecases/records.ts';
import { keys, type ProcessingItem, ProcessingItemSchema } from './items.ts';

export interface ClaimOptions {
  /** How long a claim protects an in-progress version from other workers (ms). */
  leaseMs?: number;
  /** How long processing records are kept (seconds). */
  ttlSeconds?: number;
}

const DEFAULT_LEASE_MS = 5 * 60 * 1000;
const DEFAULT_TTL_SECONDS = 30 * 24 * 3600;

export class DynamoClaims implements ClaimStore {
  private readonly leaseMs: number;
  private readonly ttlSeconds: number;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: ClaimOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  }

  /** Claims an object version for processing; the version id is fixed by the first claim. */
  async claim(ref: ObjectVersionRef, now: Date): Promise<Claim> {
    const token = randomUUID();
    const processedAt = now.toISOString();
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.processing(ref.bucket, ref.objectKey, ref.sourceVersion),
          UpdateExpression:
            'SET #type = :type, #status = :inProgress, claimToken = :token, leaseUntil = :lease, expiresAt = :exp, ' +
            'versionId = if_not_exists(versionId, :vid), processedAt = if_not_exists(processedAt, :pat)',
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :inProgress AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
          ExpressionAttributeValues: {
            ':type': 'processing',
            ':inProgress': 'in-progress',
            ':token': token,
            ':lease': now.getTime() + this.leaseMs,
            ':exp': Math.floor(now.getTime() / 1000) + this.ttlSeconds,
            ':vid': versionIdOf(processedAt, ref.bucket, ref.objectKey, ref.sourceVersion),
            ':pat': processedAt,
            ':now': now.getTime(),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const record = ProcessingItemSchema.parse(out.Attributes);
      return { kind: 'claimed', token, versionId: record.versionId, processedAt: record.processedAt };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const record = await this.processing(ref);
      if (record?.status === 'completed') return { kind: 'completed', record };
      return record ? { kind: 'busy', record } : { kind: 'busy' };
    }
  }

  async processing(ref: ObjectVersionRef): Promise<ProcessingItem | undefined> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.processing(ref.bucket, ref.objectKey, ref.sourceVersion),
        ConsistentRead: true,
      }),
    );
    return out.Item ? ProcessingItemSchema.parse(out.Item) : undefined;
  }

  /** Marks a claimed version done. Fails (ConditionalCheckFailed) if the claim was taken over. */
  async complete(ref: ObjectVersionRef, token: string, reportId: string, publishedAt: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.processing(ref.bucket, ref.objectKey, ref.sourceVersion),
        UpdateExpression: 'SET #status = :completed, reportId = :rid, publishedAt = :pub',
        ConditionExpression: 'claimToken = :token',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':completed': 'completed', ':rid': reportId, ':pub': publishedAt, ':token': token },
      }),
    );
  }

  /**
   * Gives a claim up after a failure so that the retry can take over at once. The record (and so
   * the version id) is kept: the retry rewrites the same items instead of making a new version.
   */
  async release(ref: ObjectVersionRef, token: string): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.processing(ref.bucket, ref.objectKey, ref.sourceVersion),
          UpdateExpression: 'SET leaseUntil = :zero',
          ConditionExpression: 'claimToken = :token AND #status = :inProgress',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':zero': 0, ':token': token, ':inProgress': 'in-progress' },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
