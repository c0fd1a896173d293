/**
 * Synthesizes the real CDK app (cdk.json's feature flags, cdk-nag registered) into a temporary
 * directory and hands back the template and the validation report. Bundling uses local esbuild;
 * pass `bundle: false` for extra synths that only look at configuration.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../../infra/create-app.ts';
import type { NianbaoStack, NianbaoStackProps } from '../../infra/stack.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CdkJson {
  app: string;
  notices?: boolean;
  context: Record<string, unknown>;
}

export const cdkJson = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as CdkJson;

export interface ValidationReport {
  pluginReports: { pluginName?: string; violations?: unknown[]; summary?: unknown }[];
}

export interface Synthesized {
  stack: NianbaoStack;
  template: Template;
  outdir: string;
  report: ValidationReport;
  /** Logical id of a construct's CloudFormation resource. */
  logicalId(construct: { node: { defaultChild?: unknown } }): string;
  cleanup(): void;
}

export interface SynthOptions {
  context?: Record<string, unknown>;
  stackProps?: NianbaoStackProps;
  /** false: skip asset bundling (`aws:cdk:bundling-stacks: []`). */
  bundle?: boolean;
}

export function synth(options: SynthOptions = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'nianbao-cdk-'));
  const context: Record<string, unknown> = { ...cdkJson.context, ...options.context };
  if (options.bundle === false) context['aws:cdk:bundling-stacks'] = [];
  const { app, stack } = createApp({
    context,
    outdir,
    ...(options.stackProps !== undefined ? { stackProps: options.stackProps } : {}),
  });
  // Throws if cdk-nag reports an unacknowledged error.
  const assembly = app.synth();
  const template = Template.fromStack(stack);
  const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as ValidationReport;
  return {
    stack,
    template,
    outdir,
    report,
    logicalId: (construct) => stack.getLogicalId(construct.node.defaultChild as Parameters<typeof stack.getLogicalId>[0]),
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** Resources of one type, keyed by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, { Properties: Record<string, unknown> }> {
  return template.findResources(type) as Record<string, { Properties: Record<string, unknown> }>;
}
