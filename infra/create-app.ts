/**
 * Builds the CDK app: the nianbao stack with cdk-nag's AwsSolutions checks registered as a
 * validation plugin, so every synth (CLI or tests) fails on an unacknowledged error finding.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { NianbaoStackProps } from './stack.ts';
import { NianbaoStack } from './stack.ts';

export const STACK_NAME = 'Nianbao';

export interface CreateAppOptions {
  /** Context values (feature flags from cdk.json, settings such as alertEmail). */
  context?: Record<string, unknown>;
  /** Cloud assembly directory; the CLI sets it through the environment when omitted. */
  outdir?: string;
  stackProps?: NianbaoStackProps;
}

export function createApp(options: CreateAppOptions = {}): { app: App; stack: NianbaoStack } {
  const app = new App({
    ...(options.context !== undefined ? { context: options.context } : {}),
    ...(options.outdir !== undefined ? { outdir: options.outdir } : {}),
  });
  const stack = new NianbaoStack(app, STACK_NAME, {
    description: 'nianbao: checks government information-disclosure annual reports on upload',
    ...options.stackProps,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
