/**
 * `nianbao check FILE... [--json] [--previous FILE] [--html OUT.html]`: checks report files offline, without any
 * server, and prints the findings grouped by severity (or one JSON value).
 *
 * Exit status: 0 no error-severity finding, 1 error findings, 2 a file could not be read.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import type { Finding, Report, Severity } from '../shared/report/model.ts';
import { SEVERITY_ORDER } from '../shared/report/model.ts';
import { type CheckResult, checkBytes, refusedForSize } from '../shared/usecases/check.ts';
import { checkPage } from '../shared/usecases/view.ts';
import type { Output } from './io.ts';

/** The `--json` shape of one checked file. */
export interface FileResult {
  file: string;
  report: {
    edition: Report['edition'];
    year: Report['year'];
    agency: Report['agency'];
    title: Report['title'];
    sections: { number: number; heading: string; text: string }[];
    cells: Report['cells'];
  } | null;
  findings: Finding[];
}

export function toFileResult(file: string, result: CheckResult): FileResult {
  const r = result.report;
  return {
    file,
    report: r
      ? {
          edition: r.edition,
          year: r.year,
          agency: r.agency,
          title: r.title,
          sections: r.sections.map((s) => ({ number: s.number, heading: s.heading, text: s.text })),
          cells: r.cells,
        }
      : null,
    findings: result.findings,
  };
}

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误 error', warning: '警告 warning', info: '提示 info' };

/** Readable output: findings grouped by severity, with rule id, message and source line. */
export function formatHuman(result: FileResult): string {
  const lines: string[] = [];
  const r = result.report;
  const head = r
    ? `${r.agency ?? '（未识别机关）'} ${r.year ?? '（未识别年度）'} 年度报告 · ${r.edition ? `${r.edition} 版格式` : '格式版本未识别'}`
    : '（未能读取为报告）';
  lines.push(`${result.file}: ${head}`);
  const counts = SEVERITY_ORDER.map((s) => `${result.findings.filter((f) => f.severity === s).length} ${s}`);
  lines.push(`  ${counts.join(', ')}`);
  for (const severity of SEVERITY_ORDER) {
    const group = result.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`  ${SEVERITY_LABEL[severity]} (${group.length})`);
    for (const f of group) {
      const where = f.source?.line ? ` [第 ${f.source.line} 行]` : f.source?.page ? ` [第 ${f.source.page} 页]` : '';
      const suspect = f.suspect ? ` （可疑单元格：${f.suspect}）` : '';
      lines.push(`    ${f.ruleId.padEnd(26)} ${f.message}${suspect}${where}`);
    }
  }
  return lines.join('\n');
}

/** Checks a file; one over the upload cap is refused as the pipeline refuses it, without reading it. */
async function checkPath(path: string, previous?: Report): Promise<CheckResult> {
  const refused = refusedForSize((await stat(path)).size);
  if (refused) return refused;
  return checkBytes(new Uint8Array(await readFile(path)), { fileName: basename(path), previous });
}

async function checkFile(path: string, previous: Report | undefined, html?: string): Promise<FileResult> {
  const result = await checkPath(path, previous);
  if (html) await writeFile(html, checkPage(basename(path), result));
  return toFileResult(path, result);
}

function describeReadError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `${path}: 文件不存在 (file not found)`;
  if (code === 'EISDIR') return `${path}: 这是目录，不是文件 (is a directory)`;
  if (code === 'EACCES') return `${path}: 没有读取权限 (permission denied)`;
  return `${path}: 无法读取 (${error instanceof Error ? error.message : String(error)})`;
}

export interface CheckOptions {
  json?: boolean;
  previous?: string;
  /** Write the report page of the (one) file here. */
  html?: string;
}

/**
 * Checks files and prints their findings.
 * @returns the exit status: 0 no error finding, 1 error findings, 2 a file could not be read
 */
export async function runCheck(files: string[], options: CheckOptions, io: Output): Promise<number> {
  if (options.html && files.length !== 1) {
    io.err('--html writes the page of one file: give exactly one FILE');
    return 2;
  }
  let previous: Report | undefined;
  if (options.previous) {
    try {
      const prev = await checkPath(options.previous);
      previous = prev.report;
      if (!previous) io.err(`${options.previous}: 上一年度报告无法识别，跨年度检查未执行 (previous report not usable)`);
    } catch (error) {
      io.err(describeReadError(options.previous, error));
      return 2;
    }
  }

  const results: FileResult[] = [];
  let status = 0;
  for (const file of files) {
    try {
      const result = await checkFile(file, previous, options.html);
      results.push(result);
      if (result.findings.some((f) => f.severity === 'error')) status = Math.max(status, 1);
    } catch (error) {
      io.err(describeReadError(file, error));
      status = 2;
    }
  }

  if (options.json) {
    io.out(JSON.stringify(files.length === 1 ? (results[0] ?? null) : results, null, 2));
  } else {
    io.out(results.map(formatHuman).join('\n\n'));
  }
  return status;
}

/** The `check` subcommand; its action stores the exit status in `status.code`. */
export function checkCommand(io: Output, status: { code: number }): Command {
  return new Command('check')
    .summary('check report files offline')
    .description(
      'Checks 政府信息公开工作年度报告 files (text, HTML, DOCX, PDF) against the national template.\nExit status: 0 no error finding, 1 error findings, 2 a file could not be read.',
    )
    .argument('<files...>', 'report files (txt, html, docx, pdf)')
    .option('--json', 'print exactly one JSON value (an object for one file, an array for several)')
    .option('--previous <file>', "the same agency's report for the previous year (cross-year rules)")
    .option('--html <out.html>', 'also write the report page (tables with the failing cells marked) of the one FILE')
    .action(async (files: string[], options: CheckOptions) => {
      status.code = await runCheck(files, options, io);
    });
}
