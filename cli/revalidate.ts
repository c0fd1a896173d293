/**
 * `nianbao revalidate [--year Y] [--agency A] [--dry-run] [--json] [--table NAME]`: recomputes the
 * findings of the latest stored versions with the current rules (no file is read again) and
 * stores a new evaluation where they changed (shared/usecases/evaluate.ts, follow-ups.ts, revalidate.ts, `revalidateStored`).
 *
 * Which table: `--table NAME` → a deployed stack's table, with the AWS SDK's usual credentials and
 * region (AWS_PROFILE / AWS_REGION …); otherwise the running local stack's, from
 * `<NIANBAO_DATA_DIR or .nianbao>/endpoints.json`.
 */

import { Command } from 'commander';
import { z } from 'zod';
import { configFromEnv, readEndpoints } from '../local/config.ts';
import { localDynamoClient } from '../local/dynamodb.ts';
import { documentClient } from '../shared/adapters/dynamodb/client.ts';
import { DynamoReportStore } from '../shared/adapters/dynamodb/report-store.ts';
import { type RevalidationSummary, revalidateStored, revalidationSummary } from '../shared/usecases/revalidate.ts';
import type { Output } from './io.ts';

export const RevalidateArgsSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  agency: z.string().trim().min(1).optional(),
  dryRun: z.boolean().default(false),
  json: z.boolean().default(false),
  table: z.string().min(1).optional(),
});
export type RevalidateArgs = z.infer<typeof RevalidateArgsSchema>;

async function openStore(args: RevalidateArgs, env: NodeJS.ProcessEnv): Promise<{ store: DynamoReportStore; close: () => void }> {
  if (args.table) {
    const doc = documentClient();
    return { store: new DynamoReportStore(doc, args.table), close: () => doc.destroy() };
  }
  const endpoints = await readEndpoints(configFromEnv(env).dataDir);
  const client = localDynamoClient(endpoints.dynamodb);
  return { store: new DynamoReportStore(documentClient(client), endpoints.table), close: () => client.destroy() };
}

const counted = (ids: string[]): string => {
  const n = new Map<string, number>();
  for (const id of ids) n.set(id, (n.get(id) ?? 0) + 1);
  return [...n].map(([id, k]) => (k > 1 ? `${id} ×${k}` : id)).join(', ');
};

/** Readable output: one line per changed report. */
export function formatRevalidation(s: RevalidationSummary): string {
  const lines = [
    `规则版本 ruleset ${s.rulesetVersion}：检查 ${s.checked} 份报告，跳过 ${s.skipped} 份（无法读取的上传），` +
      `${s.changed.length} 份结果有变化${s.dryRun ? '（试运行 dry run，未写入）' : ''}`,
  ];
  for (const c of s.changed) {
    const parts = [`新增 new ${c.new.count}${c.new.count ? ` [${counted(c.new.ruleIds)}]` : ''}`];
    parts.push(`已解决 resolved ${c.resolved.count}${c.resolved.count ? ` [${counted(c.resolved.ruleIds)}]` : ''}`);
    parts.push(`未变 unchanged ${c.unchanged}`);
    const stored = c.versionId ? ` → 新版本 ${c.versionId}${c.latest ? '' : '（已有更新的版本 not latest）'}` : '';
    lines.push(
      `  ${c.reportId} ${c.agency ?? '（未识别机关）'} ${c.year ?? '—'}（原规则 ${c.storedRulesetVersion}）：${parts.join('，')}${stored}`,
    );
  }
  return lines.join('\n');
}

/** Runs the subcommand; returns the exit status (0 done, 2 bad arguments or no table to reach). */
export async function runRevalidate(raw: Record<string, unknown>, io: Output, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = RevalidateArgsSchema.safeParse(raw);
  if (!parsed.success) {
    io.err(z.prettifyError(parsed.error));
    return 2;
  }
  const args = parsed.data;
  let opened: Awaited<ReturnType<typeof openStore>>;
  try {
    opened = await openStore(args, env);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  try {
    const result = await revalidateStored(opened.store, {
      ...(args.year !== undefined ? { year: args.year } : {}),
      ...(args.agency !== undefined ? { agency: args.agency } : {}),
      dryRun: args.dryRun,
    });
    const summary = revalidationSummary(result);
    io.out(args.json ? JSON.stringify(summary, null, 2) : formatRevalidation(summary));
    return 0;
  } finally {
    opened.close();
  }
}

/** The `revalidate` subcommand; its action stores the exit status in `status.code`. */
export function revalidateCommand(io: Output, status: { code: number }): Command {
  return new Command('revalidate')
    .summary('re-check stored reports with the current rules')
    .description(
      'Re-checks the latest version of every stored report (of a year / an agency) with the current rules,\n' +
        'from the stored cells and texts, and stores a new evaluation where the findings changed.',
    )
    .option('--year <year>', 'only reports of this year')
    .option('--agency <agency>', 'only reports of this agency (normalized name)')
    .option('--dry-run', 'report what would change; store nothing')
    .option('--json', 'print one JSON object')
    .option('--table <name>', "a deployed stack's table (AWS credentials and region from the environment); default: the local stack")
    .action(async (options: { year?: string; agency?: string; dryRun?: boolean; json?: boolean; table?: string }) => {
      status.code = await runRevalidate({ ...options, dryRun: options.dryRun ?? false, json: options.json ?? false }, io);
    });
}
