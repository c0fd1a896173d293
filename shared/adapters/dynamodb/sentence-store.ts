/**
 * The boilerplate index kept in the table (H-TEXT-COPIED leaves out sentences that many
 * agencies' reports of the same year share). One item per (year, normalized sentence, agency):
 * `pk = SENTENCE#<year>#<hash>`, `sk = AGENCY#<normalizeAgency name>` (docs/data-model.md).
 *
 * Cost is bounded by the report at hand, never by the number of stored reports: an ingest puts
 * its own sentences' items (BatchWriteItem, 25 a request: a put of the same item again changes
 * nothing, so it is idempotent and safe under concurrency), and a lookup reads, for each
 * sentence asked about, at most k + 1 agencies of its partition (one Query each, a few at a time).
 */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { normalizeAgency } from '../../report/agency.ts';
import { BoilerplateIndex } from '../../rules/history/boilerplate.ts';
import { batchPut } from './batch-write.ts';
import { keys, type SentenceItem, SentenceItemSchema, sentenceHashOf } from './items.ts';

/** The index answers "seen in ≥ k other agencies" for k < this (a lookup reads k + 1 items a sentence). */
export const SENTENCE_AGENCY_CAP = 8;
/** The k the pipeline and revalidate use (BoilerplateIndex's default). */
export const DEFAULT_MIN_OTHER_AGENCIES = 2;
/** Lookups in flight at once. */
const PARALLEL_QUERIES = 8;

/** The index items of an agency's sentences of a year (none when the agency's name normalizes to nothing). */
export function sentenceItems(year: number, agency: string, norms: readonly string[]): SentenceItem[] {
  const name = normalizeAgency(agency);
  if (!name) return [];
  return [...new Set(norms)].map((norm) => ({ ...keys.sentence(year, sentenceHashOf(norm), name), type: 'sentence', year, agency: name }));
}

export async function recordSentences(
  doc: DynamoDBDocumentClient,
  tableName: string,
  year: number,
  agency: string,
  norms: readonly string[],
): Promise<void> {
  await batchPut(doc, tableName, sentenceItems(year, agency, norms));
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
  const unique = [...new Set(norms)];
  const lookup = async (norm: string) => {
    // k + 1 agencies decide "≥ k others" whichever agency asks (its own may be one of them).
    const out = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.sentence(year, sentenceHashOf(norm), '').pk },
        Limit: minOtherAgencies + 1,
      }),
    );
    for (const raw of out.Items ?? []) index.add({ agency: SentenceItemSchema.parse(raw).agency, sentences: [{ norm }] });
  };
  for (let i = 0; i < unique.length; i += PARALLEL_QUERIES) await Promise.all(unique.slice(i, i + PARALLEL_QUERIES).map(lookup));
  return index;
}
