/**
 * Deployment settings read from CDK context (`-c key=value` on the command line, or cdk.json).
 * Values from the command line arrive as strings, values from tests may be typed: both are
 * validated here with zod so a typo fails the synth with a clear message instead of deploying.
 */
import { z } from 'zod';
import { SeveritySchema } from '../shared/report/model.ts';

export const CONTEXT_KEYS = {
  alertEmail: 'alertEmail',
  opsEmail: 'opsEmail',
  alertSeverities: 'alertSeverities',
  ingestConcurrency: 'ingestConcurrency',
} as const;

/**
 * Values of the `severity` message attribute on alerts: the worst finding severity of the upload,
 * or `none` for a report without findings (shared/render/email.ts).
 */
export const AlertSeveritySchema = z.union([SeveritySchema, z.literal('none')]);
export type AlertSeverity = z.infer<typeof AlertSeveritySchema>;

export const DEFAULT_ALERT_SEVERITIES: readonly AlertSeverity[] = ['error', 'warning'];

export interface StackConfig {
  /** Receives one email per processed upload whose severity passes the filter. */
  alertEmail?: string;
  /** Receives operational alarms (DLQ not empty); defaults to alertEmail. */
  opsEmail?: string;
  /** Severities (SNS message attribute `severity`) that reach alertEmail. */
  alertSeverities: AlertSeverity[];
  /**
   * Reserved concurrency of the ingest function, also used as the SQS event source's maximum
   * concurrency so that messages are never throttled back into the queue (which would count as
   * receives and push healthy messages towards the DLQ). Unset: no reservation, at most
   * DEFAULT_INGEST_MAX_CONCURRENCY concurrent batches.
   */
  ingestConcurrency?: number;
}

/** SQS event source maximum concurrency when no reservation is configured (2 is the SQS minimum). */
export const DEFAULT_INGEST_MAX_CONCURRENCY = 5;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const EmailSchema = z.preprocess(blankToUndefined, z.email().optional());

const SeveritiesSchema = z.preprocess(
  (v) => {
    const raw = blankToUndefined(v);
    if (raw === undefined) return [...DEFAULT_ALERT_SEVERITIES];
    const list = Array.isArray(raw) ? raw : String(raw).split(',');
    return list.map((s) => String(s).trim().toLowerCase()).filter((s) => s !== '');
  },
  z.array(AlertSeveritySchema).min(1, 'alertSeverities needs at least one of error, warning, info, none'),
);

const ConcurrencySchema = z.preprocess(
  blankToUndefined,
  z.coerce
    .number()
    .int()
    .min(2, 'ingestConcurrency must be at least 2 (the SQS event source minimum); omit it for no reservation')
    .max(1000)
    .optional(),
);

const ConfigSchema = z.object({
  alertEmail: EmailSchema,
  opsEmail: EmailSchema,
  alertSeverities: SeveritiesSchema,
  ingestConcurrency: ConcurrencySchema,
});

/** Reads and validates the stack settings through a context lookup (e.g. `node.tryGetContext`). */
export function readConfig(lookup: (key: string) => unknown): StackConfig {
  const parsed = ConfigSchema.safeParse({
    alertEmail: lookup(CONTEXT_KEYS.alertEmail),
    opsEmail: lookup(CONTEXT_KEYS.opsEmail),
    alertSeverities: lookup(CONTEXT_KEYS.alertSeverities),
    ingestConcurrency: lookup(CONTEXT_KEYS.ingestConcurrency),
  });
  if (!parsed.success) {
    throw new Error(`Invalid CDK context: ${z.prettifyError(parsed.error)}`);
  }
  const { alertEmail, opsEmail, alertSeverities, ingestConcurrency } = parsed.data;
  return {
    ...(alertEmail !== undefined ? { alertEmail } : {}),
    ...((opsEmail ?? alertEmail) !== undefined ? { opsEmail: opsEmail ?? alertEmail } : {}),
    alertSeverities: [...new Set(alertSeverities)],
    ...(ingestConcurrency !== undefined ? { ingestConcurrency } : {}),
  };
}
