/**
 * What 1,000 reports cost all-in, and a province's January on paper, from the pipeline bench's
 * measured units and durations and the stack's settings (infra/). Prices: AWS public on-demand
 * prices for us-east-1 (PRICES, with the date they were taken); storage is monthly and left out of
 * the per-report figure (docs/deploy.md has the monthly fixed costs).
 */
import { DEFAULT_INGEST_MAX_CONCURRENCY } from '../../infra/config.ts';
import { INGEST_BATCH_SIZE, INGEST_MEMORY_MB } from '../../infra/stack.ts';
import type { PipelineResult } from './pipeline.ts';

/** USD, us-east-1, on-demand, as published by AWS (taken 2026-12-07; DynamoDB after the 2024-11-01 price cut). */
export const PRICES = {
  region: 'us-east-1',
  takenOn: '2026-12-07',
  dynamodbPerMillionWru: 0.625,
  dynamodbPerMillionRru: 0.125,
  lambdaArmPerGbSecond: 0.0000133334,
  lambdaPerMillionRequests: 0.2,
  sqsPerMillionRequests: 0.4,
  s3PutPer1000: 0.005,
  s3GetPer1000: 0.0004,
  snsPerMillionPublishes: 0.5,
  snsEmailPer100000: 2.0,
} as const;

/**
 * Lambda at 1,024 MB has ~0.58 of a vCPU (a full one at 1,769 MB); the bench's handlers ran on a
 * full core shared with dynalite. Durations are scaled by this factor, a deliberate overestimate
 * (part of the local time is dynalite's, which real DynamoDB does not spend in the function).
 */
export const LAMBDA_CPU_FACTOR = 1769 / INGEST_MEMORY_MB;

export interface CostLine {
  item: string;
  perReportUsd: number;
  basis: string;
}

/** Cost of one processed upload, by service. */
export function costPerReport(p: PipelineResult): CostLine[] {
  const seconds = (p.meanMs / 1000) * LAMBDA_CPU_FACTOR;
  const gbSeconds = seconds * (INGEST_MEMORY_MB / 1024);
  return [
    {
      item: 'DynamoDB writes',
      perReportUsd: (p.units.wruPerUpload * PRICES.dynamodbPerMillionWru) / 1e6,
      basis: `${p.units.wruPerUpload.toFixed(1)} WRU (measured item sizes, indexes included)`,
    },
    {
      item: 'DynamoDB reads',
      perReportUsd: (p.units.rruPerUpload * PRICES.dynamodbPerMillionRru) / 1e6,
      basis: `${p.units.rruPerUpload.toFixed(1)} RRU`,
    },
    {
      item: 'Lambda duration',
      perReportUsd: gbSeconds * PRICES.lambdaArmPerGbSecond,
      basis: `${(seconds * 1000).toFixed(0)} ms at ${INGEST_MEMORY_MB} MB arm64 (mean handler time ${p.meanMs.toFixed(0)} ms × ${LAMBDA_CPU_FACTOR.toFixed(2)})`,
    },
    {
      item: 'Lambda requests',
      perReportUsd: PRICES.lambdaPerMillionRequests / 1e6 / INGEST_BATCH_SIZE,
      basis: `one invocation per ${INGEST_BATCH_SIZE} messages`,
    },
    {
      item: 'SQS',
      perReportUsd: (3 * PRICES.sqsPerMillionRequests) / 1e6,
      basis: 'send (S3 notification), receive, delete: ≤ 3 requests (batches only lower it)',
    },
    {
      item: 'S3',
      perReportUsd: PRICES.s3PutPer1000 / 1000 + (2 * PRICES.s3GetPer1000) / 1000,
      basis: 'the upload PUT; HEAD and GET by ingest',
    },
    { item: 'SNS publish', perReportUsd: PRICES.snsPerMillionPublishes / 1e6, basis: 'one message per upload' },
    {
      item: 'SNS email',
      perReportUsd: PRICES.snsEmailPer100000 / 100000,
      basis: 'one email per upload (every upload passing the severity filter: the most)',
    },
  ];
}

export const costPer1000 = (p: PipelineResult): number => 1000 * costPerReport(p).reduce((sum, l) => sum + l.perReportUsd, 0);

const usd = (n: number) => `$${n < 0.01 ? n.toFixed(4) : n.toFixed(2)}`;

/** "On paper, a province's January": 5,000 reports in a day, 500 of them in ten minutes. */
export function provinceJanuary(p: PipelineResult): string[] {
  const perMessageS = (p.meanMs / 1000) * LAMBDA_CPU_FACTOR;
  const pdfS = ((p.p50MsByFormat.pdf ?? p.meanMs) / 1000) * LAMBDA_CPU_FACTOR;
  const peakRate = 500 / 600;
  const busy = peakRate * perMessageS;
  const drainRate = (DEFAULT_INGEST_MAX_CONCURRENCY * INGEST_BATCH_SIZE) / perMessageS;
  const burstDrainS = 500 / drainRate;
  const wruPeak = peakRate * p.units.wruPerUpload;
  const wruBurst = drainRate * p.units.wruPerUpload;
  const cost1000 = costPer1000(p);
  return [
    "## On paper: a province's January",
    '',
    'From the measured figures above (durations scaled to a 1,024 MB arm64 Lambda, see "Cost"), 5,000 reports in a',
    'day of which 500 arrive within ten minutes:',
    '',
    `- **Arrival.** 500 in 600 s = ${peakRate.toFixed(2)} uploads/s at the peak; 5,000 in a day averages 0.06/s.`,
    `- **Lambda.** ${perMessageS.toFixed(2)} s per message (PDF p50 ${pdfS.toFixed(2)} s). At the peak ${peakRate.toFixed(2)} × ${perMessageS.toFixed(2)} s =`,
    `  ${busy.toFixed(2)} messages in flight on average: one or two concurrent instances (batches of ${INGEST_BATCH_SIZE}, processed in`,
    `  parallel); cold starts only when the concurrency rises. Duration for the day: 5,000 × ${perMessageS.toFixed(2)} s =`,
    `  ${((5000 * perMessageS) / 3600).toFixed(1)} instance-hours.`,
    `- **Queue.** Drain capacity with the default ${DEFAULT_INGEST_MAX_CONCURRENCY} concurrent batches (SQS event source maximum`,
    `  concurrency) of ${INGEST_BATCH_SIZE}: ${drainRate.toFixed(1)} messages/s, ${(drainRate / peakRate).toFixed(0)}× the peak rate, so the queue`,
    '  stays near empty and a message waits about its own processing time. If the 500 arrive at once',
    `  (a bulk upload), the queue holds 500, drains in ≈ ${burstDrainS.toFixed(0)} s, and the oldest message is ≈ ${burstDrainS.toFixed(0)} s old.`,
    `- **DynamoDB (on demand).** ${p.units.wruPerUpload.toFixed(0)} WRU and ${p.units.rruPerUpload.toFixed(1)} RRU per upload: ${wruPeak.toFixed(0)} WRU/s at the peak, ${wruBurst.toFixed(0)} WRU/s`,
    '  while a burst drains at full concurrency: far under what a new on-demand table serves at once',
    '  (4,000 WRU/s) and under the 1,000 WRU/s of one partition even for the busiest keys (the',
    '  per-rule index partition of a common rule, the year index of report heads, a sentence shared',
    `  by many agencies each take ≤ 1–2 writes per upload, ≤ ${Math.ceil(drainRate * 2)} WRU/s). The day: ${((5000 * p.units.wruPerUpload) / 1e6).toFixed(2)} M WRU.`,
    '- **SNS and email.** 5,000 publishes and at most 5,000 emails in the day (one per upload whose',
    `  severity passes the filter), ${peakRate.toFixed(2)}/s at the peak.`,
    `- **Cost.** ${usd(cost1000)} per 1,000 reports (table "Cost"), ${usd(5 * cost1000)} for the day's 5,000.`,
    `- **The limit hit first** is the ingest concurrency: the event source's maximum concurrency (default`,
    `  ${DEFAULT_INGEST_MAX_CONCURRENCY} batches) caps the drain rate at ≈ ${drainRate.toFixed(0)} messages/s and sets how old a burst's last message`,
    '  gets. The setting that moves it: `ingestConcurrency` (infra/config.ts: reserved concurrency of the',
    '  function and the maximum concurrency of the event source together); batch size trades fewer',
    '  invocations for a longer batch (a PDF holds its batch partner back); `maxBatchingWindow` (not',
    '  set) would only add waiting at this rate. Next in line: the account concurrency quota (1,000 by',
    '  default, far lower on new accounts), which the reservation must fit in.',
    '',
  ];
}
