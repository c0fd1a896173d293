/**
 * The shape of test/bench/results.json, written by `npm run bench` so that runs can be compared by
 * a script. `null`: not measured by this bench yet (BENCHMARKS.md says what is missing).
 */
import { z } from 'zod';

const n = z.number().nonnegative();
const maybe = n.nullable();
const ColdStart = z.strictObject({ bundleBytes: n, importMs: maybe, emptyNodeMs: maybe });
const Format = z.strictObject({ reportsPerSec: maybe, ratioToLibrary: maybe });

export const BenchResultsSchema = z.strictObject({
  quick: z.boolean(),
  runAt: z.iso.datetime(),
  pipeline: z.strictObject({
    uploads: z.number().int().positive(),
    stored: z.number().int().nonnegative(),
    lost: z.number().int().nonnegative(),
    reportsPerSec: n,
    p50Ms: n,
    p99Ms: n,
    handlerP99Ms: n,
    dynamodbRequestsPerUpload: n,
    rssGrowthMiB: z.number(),
  }),
  coldStart: z.strictObject({ api: ColdStart, ingest: ColdStart.nullable() }),
  dynamodb: z.strictObject({
    wruPerReport: maybe,
    /** Mean WRU per upload by file format. */
    wruByFormat: z.record(z.string(), n),
    /** RRU of one call of each API route. */
    rruPerApiCall: z.record(z.string(), n),
  }),
  costPer1000ReportsUsd: maybe,
  formats: z.strictObject({ text: Format, html: Format, docx: Format, pdf: Format }),
});
export type BenchResults = z.infer<typeof BenchResultsSchema>;
