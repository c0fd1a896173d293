/**
 * The boilerplate index kept in the table (H-TEXT-COPIED leaves out sentences that many
 * agencies' reports of the same year share). One item per (year, normalized sentence):
 * `pk = SENTENCE#<year>#<hash>`, `sk = AGENCIES`, `agencies` = a string set of normalizeAgency
 * names, capped at SENTENCE_AGENCY_CAP (enough to decide "≥ k other agencies" for k < cap).
 *
 * Cost is bounded by the report at hand, never by the number of stored reports: an ingest adds
 * its own sentences (one conditional UpdateItem each, set union: idempotent and safe under
 * concurrency) and reads the entries of its own sentences (BatchGetItem, 100 keys a call).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { normalizeAgency } from '../../report/agency.ts';
import { BoilerplateIndex } from '../../rules/history/boilerplate.ts';
import { keys, SentenceItemSchema, sentenceHashOf } from './items.ts';
import { drainWithBackoff } from './retry.ts';

/** Agencies kept per sentence: the index answers "seen in ≥ k other agencies" for any k < this. */
export const SENTENCE_AGENCY_CAP = 8;
/** The k the pipeline and revalidate use (BoilerplateIndex's default). */
export const DEFAULT_MIN_OTHER_AGENCIES = 2;
const BATCH_GET = 100;
const PARALLEL_UPDATES = 8;

export async function recordSentences(
  doc: DynamoDBDocumentClient,
  tableName: string,
  year: number,
  agency: string,
  norms: readonly string[],
): Promise<void> {
  const name = normalizeAgency(agency);
  if (!name) return;
  const unique = [...new Set(norms)];
  for (let i = 0; i < unique.length; i += PARALLEL_UPDATES) {
    await Promise.all(
      unique.slice(i, i + PARALLEL_UPDATES).map(async (norm) => {
        try {
          await doc.send(
            new UpdateCommand({
              TableName: tableName,
              Key: keys.sentence(year, sentenceHashOf(norm)),
              UpdateExpression: 'SET #type = :type, #year = :year ADD agencies :agency',
              ConditionExpression: 'attribute_not_exists(agencies) OR size(agencies) < :cap OR contains(agencies, :name)',
              ExpressionAttributeNames: { '#type': 'type', '#year': 'year' },
              ExpressionAttributeValues: {
                ':type': 'sentence',
                ':year': year,
                ':agency': new Set([name]),
                ':name': name,
                ':cap': SENTENCE_AGENCY_CAP,
              },
            }),
          );
        } catch (error) {
          // Already at the cap: more agencies change no answer.
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }),
    );
  }
}

/** A BoilerplateIndex holding what the table knows about these sentences of `year`. */
export async function loadBoilerplate(
  doc: DynamoDBDocumentClient,
  tableName: string,
  year: number,
  norms: readonly string[],
  minOtherAgencies = DEFAULT_MIN_OTHER_AGENCIES,
): Promise<BoilerplateIndex> {
  if (minOtherAgencies >= SENTENCE_AGENCY_CAP) {
    throw new Error(`the stored boilerplate index answers k < ${SENTENCE_AGENCY_CAP} only (got ${minOtherAgencies})`);
  }
  const index = new BoilerplateIndex(minOtherAgencies);
  const byHash = new Map([...new Set(norms)].map((norm) => [sentenceHashOf(norm), norm]));
  const hashes = [...byHash.keys()];
  for (let i = 0; i < hashes.length; i += BATCH_GET) {
    const requested: Record<string, unknown>[] = hashes.slice(i, i + BATCH_GET).map((h) => keys.sentence(year, h));
    await drainWithBackoff(
      requested,
      async (batch) => {
        const out = await doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: batch } } }));
        for (const raw of out.Responses?.[tableName] ?? []) {
          const item = SentenceItemSchema.parse(raw);
          const norm = byHash.get(keys.sentenceHash(item.pk));
          if (norm === undefined) continue;
          for (const agency of item.agencies) index.add({ agency, sentences: [{ norm }] });
        }
        return out.UnprocessedKeys?.[tableName]?.Keys ?? [];
      },
      'BatchGetItem',
    );
  }
  return index;
}
