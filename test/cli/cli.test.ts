import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../cli/check.ts';
import { main } from '../../cli/main.ts';
import type { Report } from '../../shared/report/model.ts';
import { yearPair } from '../rules/history/pairs.ts';
import { withCells } from '../support/report-factory.ts';
import { reportText } from '../usecases/history-texts.ts';

const root = join(import.meta.dirname, '..', '..');
const SEED = join(root, 'test/fixtures/seed/heilongjiang-gxt-2022.txt');
const expected = JSON.parse(readFileSync(SEED.replace(/\.txt$/, '.expected.json'), 'utf8')) as {
  values: Record<string, number | null | '/'>;
};

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

function tempFile(name: string, content: Uint8Array | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'nianbao-cli-')), name);
  writeFileSync(path, content);
  return path;
}

describe('nianbao check', () => {
  it('prints exactly one JSON object with the seed cells and findings', async () => {
    const { status, stdout } = await run(['check', SEED, '--json']);
    const result = JSON.parse(stdout) as FileResult;
    expect(result.file).toBe(SEED);
    expect(result.report?.year).toBe(2022);
    expect(result.report?.edition).toBe('2021');
    expect(result.report?.agency).toBe('黑龙江省工业和信息化厅');
    for (const [key, value] of Object.entries(expected.values)) {
      expect(result.report?.cells[key], key).toEqual(value);
    }
    expect(result.report?.sections.map((s) => s.number)).toEqual([1, 2, 3, 5, 6]);
    expect(result.findings.some((f) => f.ruleId === 'C-SECTION-MISSING')).toBe(true);
    // The seed has error findings (missing rows, missing section 四), so the status is 1.
    expect(status).toBe(1);
  });

  it('prints an array for several files and readable output by default', async () => {
    const json = await run(['check', SEED, SEED, '--json']);
    const results = JSON.parse(json.stdout) as FileResult[];
    expect(results).toHaveLength(2);
    const human = await run(['check', SEED]);
    expect(human.stdout).toContain('黑龙江省工业和信息化厅 2022 年度报告');
    expect(human.stdout).toMatch(/错误 error \(\d+\)/);
    expect(human.stdout).toContain('C-SECTION-MISSING');
  });

  it('exits 2 with a clear message when a file cannot be read', async () => {
    const { status, stderr, stdout } = await run(['check', '/nonexistent/report.txt']);
    expect(status).toBe(2);
    expect(stderr).toContain('文件不存在');
    expect(stdout).toBe('');
  });

  it('gives an input finding, not a stack trace, for an empty file', async () => {
    const { status, stdout } = await run(['check', tempFile('empty.txt', ''), '--json']);
    const result = JSON.parse(stdout) as FileResult;
    expect(result.report).toBeNull();
    expect(result.findings.map((f) => [f.ruleId, f.category])).toEqual([['I-EMPTY', 'input']]);
    expect(status).toBe(1);
  });

  it('gives I-NOT-A-REPORT for a text that is not an annual report', async () => {
    const path = tempFile('note.txt', '会议通知\n\n请各单位于下周一上午九点到三楼会议室参加安全生产工作会议。\n');
    const { stdout } = await run(['check', path, '--json']);
    const result = JSON.parse(stdout) as FileResult;
    expect(result.findings.map((f) => f.ruleId)).toEqual(['I-NOT-A-REPORT']);
  });

  it('applies the cross-year rules offline with --previous', async () => {
    const { previous, report } = yearPair({ year: 2022, edition: '2021' });
    const bump = (r: Report, key: string) => withCells(r, { [key]: (r.cells[key] as number) + 2 });
    const inconsistent = bump(bump(previous, 's3.carried_forward.natural'), 's3.carried_forward.total');
    const current = tempFile('2022.txt', reportText(report));
    const history = (result: FileResult) => result.findings.filter((f) => f.category === 'history');

    const alone = JSON.parse((await run(['check', current, '--json'])).stdout) as FileResult;
    expect(history(alone)).toEqual([]);

    const withConsistent = await run(['check', current, '--json', '--previous', tempFile('2021.txt', reportText(previous))]);
    expect(history(JSON.parse(withConsistent.stdout) as FileResult)).toEqual([]);

    const withBroken = await run(['check', current, '--json', '--previous', tempFile('2021.txt', reportText(inconsistent))]);
    const carry = history(JSON.parse(withBroken.stdout) as FileResult).filter((f) => f.ruleId === 'X-T3-CARRYOVER');
    expect(carry.map((f) => f.cells)).toEqual([['s3.carried_over.natural'], ['s3.carried_over.total']]);
    expect(carry.map((f) => f.expected! - f.actual!)).toEqual([2, 2]);
  });

  it('exits 2 when the --previous file cannot be read', async () => {
    const { status, stderr } = await run(['check', SEED, '--previous', '/nonexistent/2021.txt']);
    expect(status).toBe(2);
    expect(stderr).toContain('文件不存在');
  });

  it('rejects unknown commands with usage and status 2', async () => {
    const { status, stderr } = await run(['frobnicate']);
    expect(status).toBe(2);
    expect(stderr).toContain('usage: nianbao check');
  });

  it('refuses an option that belongs to another subcommand (check --year) with status 2', async () => {
    const { status, stderr } = await run(['check', '--year', '2023', SEED]);
    expect(status).toBe(2);
    expect(stderr).toContain("unknown option '--year'");
  });

  it.each(['check', 'revalidate', 'upload'])('%s has its own --help (status 0)', async (command) => {
    const { status, stdout } = await run([command, '--help']);
    expect(status).toBe(0);
    expect(stdout).toContain(`Usage: nianbao ${command}`);
  });

  it('works as `npx nianbao` in the clone, without a build step', async () => {
    const { stdout } = await promisify(execFile)('npx', ['nianbao', 'check', SEED, '--json'], { cwd: root }).catch(
      (error: { stdout: string; code: number }) => {
        // Exit status 1 (error findings) is expected for the seed.
        expect(error.code).toBe(1);
        return error;
      },
    );
    expect((JSON.parse(stdout) as FileResult).report?.cells['s2.license.decisions']).toBe(179);
  });
});
