/**
 * `nianbao view REPORT_ID [--version V] [--api URL] [--out FILE]`: fetches a report's page
 * (`/reports/{id}/view`) — signed in AWS, where every route needs IAM auth — and writes it to a
 * file to open in a browser (default: nianbao-REPORT_ID.html in the system's temporary folder).
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { viewPath } from '../shared/usecases/view.ts';
import { apiError, apiGet, apiTarget } from './api-client.ts';
import type { Output } from './io.ts';

export async function runView(
  reportId: string,
  options: { version?: string; api?: string; out?: string },
  io: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let target: Awaited<ReturnType<typeof apiTarget>>;
  try {
    target = await apiTarget(options.api, env);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const response = await apiGet(target, viewPath(encodeURIComponent(reportId), options.version && encodeURIComponent(options.version)));
  if (!response.ok) {
    io.err(`nianbao view ${reportId}: ${await apiError(response)}`);
    return 1;
  }
  const out = options.out ?? join(tmpdir(), `nianbao-${reportId}${options.version ? `-${options.version.replace(/[:.]/g, '')}` : ''}.html`);
  await writeFile(out, await response.text());
  io.out(`报告页面已保存 report page written: ${out}`);
  io.out('用浏览器打开该文件 open it in a browser.');
  return 0;
}

export function viewCommand(io: Output, status: { code: number }): Command {
  return new Command('view')
    .description("Fetches a report's page (its tables with the failing cells marked) and writes it to an HTML file")
    .argument('<reportId>', 'report id, e.g. 2022-3f9a0c21be (in the email, the API and the index page)')
    .option('--version <versionId>', 'a version of the report (default: the latest)')
    .option('--api <url>', 'a deployed API (requests signed with your AWS credentials); default: the running local stack')
    .option('--out <file>', 'where to write the page (default: a file in the temporary folder)')
    .action(async (reportId: string, options: { version?: string; api?: string; out?: string }) => {
      status.code = await runView(reportId, options, io);
    });
}
