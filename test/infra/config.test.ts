import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackConfig } from '../../infra/config.ts';
import { readConfig } from '../../infra/config.ts';
import type { Synthesized } from './synth.ts';
import { synth } from './synth.ts';

const lookup = (context: Record<string, unknown>) => (key: string) => context[key];

describe('readConfig', () => {
  it.each<[string, Record<string, unknown>, StackConfig]>([
    ['nothing set', {}, { alertSeverities: ['error', 'warning'] }],
    [
      'an alert email (ops falls back to it)',
      { alertEmail: 'a@example.gov.cn' },
      { alertEmail: 'a@example.gov.cn', opsEmail: 'a@example.gov.cn', alertSeverities: ['error', 'warning'] },
    ],
    [
      'separate ops email',
      { alertEmail: 'a@example.gov.cn', opsEmail: 'ops@example.gov.cn' },
      { alertEmail: 'a@example.gov.cn', opsEmail: 'ops@example.gov.cn', alertSeverities: ['error', 'warning'] },
    ],
    ['comma-separated severities from -c', { alertSeverities: ' Error, info ,error' }, { alertSeverities: ['error', 'info'] }],
    [
      'clean reports too (severity none)',
      { alertSeverities: 'error,warning,info,none' },
      { alertSeverities: ['error', 'warning', 'info', 'none'] },
    ],
    ['severities as a JSON array (cdk.json)', { alertSeverities: ['warning'] }, { alertSeverities: ['warning'] }],
    ['concurrency as a -c string', { ingestConcurrency: '8' }, { alertSeverities: ['error', 'warning'], ingestConcurrency: 8 }],
    ['blank values mean unset', { alertEmail: ' ', ingestConcurrency: '' }, { alertSeverities: ['error', 'warning'] }],
  ])('%s', (_name, context, expected) => {
    expect(readConfig(lookup(context))).toEqual(expected);
  });

  it.each([
    ['a malformed email', { alertEmail: 'not-an-email' }, /alertEmail/],
    ['an unknown severity', { alertSeverities: 'error,fatal' }, /alertSeverities/],
    ['no severity at all', { alertSeverities: ',' }, /at least one/],
    ['concurrency below the SQS minimum', { ingestConcurrency: 1 }, /at least 2/],
    ['a fractional concurrency', { ingestConcurrency: '2.5' }, /ingestConcurrency/],
  ])('rejects %s', (_name, context, message) => {
    expect(() => readConfig(lookup(context))).toThrow(message);
  });
});

describe('stack without alertEmail, with ingestConcurrency and custom severities', () => {
  let s: Synthesized;
  beforeAll(() => {
    // Configuration only: skip bundling to keep the second synth cheap.
    s = synth({ context: { ingestConcurrency: '8', alertSeverities: 'error' }, bundle: false });
  });
  afterAll(() => s?.cleanup());

  it('creates no email subscription', () => {
    s.template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('reserves the configured concurrency and caps the event source at it', () => {
    const ingest = s.template.findResources('AWS::Lambda::Function')[s.logicalId(s.stack.ingestFunction.fn)];
    expect(ingest?.Properties.ReservedConcurrentExecutions).toBe(8);
    const api = s.template.findResources('AWS::Lambda::Function')[s.logicalId(s.stack.apiFunction.fn)];
    expect(api?.Properties.ReservedConcurrentExecutions).toBeUndefined();
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { ScalingConfig: { MaximumConcurrency: 8 } });
  });

  it('is still clean under cdk-nag', () => {
    expect(s.report.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);
  });
});

describe('stack with an email and one severity', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synth({ context: { alertEmail: 'a@example.gov.cn', alertSeverities: 'error' }, bundle: false });
  });
  afterAll(() => s?.cleanup());

  it('filters the alert subscription on the configured severities', () => {
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Endpoint: 'a@example.gov.cn',
      TopicArn: { Ref: s.logicalId(s.stack.alerts.alertsTopic) },
      FilterPolicy: { severity: ['error'] },
    });
  });
});
