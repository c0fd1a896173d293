/**
 * `nianbao export --year Y (--xlsx FILE | --csv FILE [--sheet reports|findings]) [--api URL | --direct [--table NAME]]`:
 * the year in a spreadsheet. Through the API (`/reports/export`: the running local stack's, or a
 * deployed one, signed), or `--direct`: read the table itself (a deployed stack's with `--table`,
 * else the local stack's) and write the file here — no response-size limit, for the largest years.
 */
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { z } from 'zod';
import { configFromEnv, readEndpoints } from '../local/config.ts';
import { localDynamoClient } from '../local/dynamodb.ts';
import { documentClient } from '../shared/adapters/dynamodb/client.ts';
import { createQueries } from '../shared/adapters/dynamodb/queries.ts';
import { toCsv, toXlsx } from '../shared/render/workbook.ts';
import { collectYear, findingsSheet, reportsSheet } from '../shared/usecases/export.ts';
import { apiError, apiGet, apiTarget } from './api-client.ts';
import type { Output } from './io.ts';

export const ExportArgsSchema = z
  .object({
    year: z.coerce.number().int().min(1990).max(2100),
    xlsx: z.string().min(1).optional(),
    csv: z.string().min(1).optional(),
    sheet: z.enum(['reports', 'findings']).default('reports'),
    api: z.string().url().optional(),
    direct: z.boolean().default(false),
    table: z.string().min(1).optional(),
  })
  .refine((a) => (a.xlsx === undefined) !== (a.csv === undefined), { message: 'give exactly one of --xlsx FILE and --csv FILE' })
  .refine((a) => !(a.direct && a.api), { message: '--direct reads the table itself: it takes --table, not --api' })
  .refine((a) => a.direct || !a.table, { message: '--table goes with --direct' });
export type ExportArgs = z.infer<typeof ExportArgsSchema>;

async function viaApi(args: ExportArgs, env: NodeJS.ProcessEnv): Promise<Uint8Array> {
  const target = await apiTarget(args.api, env);
  const query = args.csv ? `format=csv&sheet=${args.sheet}` : 'format=xlsx';
  const response = await apiGet(target, `/reports/export?year=${args.year}&${query}`);
  if (!response.ok) throw new Error(await apiError(response));
  return new Uint8Array(await response.arrayBuffer());
}

async function direct(args: ExportArgs, env: NodeJS.ProcessEnv): Promise<Uint8Array> {
  let client: ReturnType<typeof localDynamoClient> | undefined;
  let tableName = args.table;
  if (!tableName) {
    const endpoints = await readEndpoints(configFromEnv(env).dataDir);
    client = localDynamoClient(endpoints.dynamodb);
    tableName = endpoints.table;
  }
  const doc = documentClient(client);
  try {
    const data = await collectYear(createQueries({ client: doc, tableName }), args.year);
    if (args.csv) return new TextEncoder().encode(await toCsv(args.sheet === 'findings' ? findingsSheet(data) : reportsSheet(data)));
    return toXlsx([reportsSheet(data), findingsSheet(data)]);
  } finally {
    doc.destroy();
    client?.destroy();
  }
}

export async function runExport(raw: Record<string, unknown>, io: Output, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = ExportArgsSchema.safeParse(raw);
  if (!parsed.success) {
    io.err(z.prettifyError(parsed.error));
    return 2;
  }
  const args = parsed.data;
  const file = (args.xlsx ?? args.csv)!;
  try {
    const bytes = args.direct ? await direct(args, env) : await viaApi(args, env);
    await writeFile(file, bytes);
    io.out(`${args.year} 年度导出完成 exported: ${file} (${bytes.length} bytes)`);
    return 0;
  } catch (error) {
    io.err(`nianbao export: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

export function exportCommand(io: Output, status: { code: number }): Command {
  return new Command('export')
    .description("The year's reports and findings as a spreadsheet (xlsx: both sheets; CSV: one sheet)")
    .requiredOption('--year <year>', 'report year, e.g. 2023')
    .option('--xlsx <file>', 'write an xlsx workbook (sheets 报告 and 检查结果)')
    .option('--csv <file>', 'write one sheet as CSV (see --sheet)')
    .option('--sheet <sheet>', 'the sheet of a CSV export: reports or findings', 'reports')
    .option('--api <url>', 'a deployed API (requests signed with your AWS credentials); default: the running local stack')
    .option('--direct', 'read the table itself instead of the API (no response-size limit)')
    .option('--table <name>', "with --direct: a deployed stack's table (AWS credentials and region as usual)")
    .action(async (options: Record<string, unknown>) => {
      status.code = await runExport(options, io);
    });
}
