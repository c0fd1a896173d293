/**
 * Issue 18, "Found already": each defect with the input that reproduced it (generated:
 * test/limits/inputs.ts) and what it gives now. Times and memory are measured by
 * test/limits/measure.ts (RELIABILITY.md); here the outcome is asserted and the timeout guards a hang.
 */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../cli/check.ts';
import { main } from '../../cli/main.ts';
import { extractDocx } from '../../shared/extract/docx.ts';
import { extractHtml } from '../../shared/extract/html.ts';
import { MAX_UPLOAD_BYTES } from '../../shared/report/limits.ts';
import { checkBytes } from '../../shared/usecases/check.ts';
import { problemOf } from '../support/problem.ts';
import { altChunkDocx, bigHtml, longValueLine, seedWith, tabLabelLine } from './inputs.ts';

const HANG = 60_000;
const utf8 = (text: string) => new TextEncoder().encode(text);
const inputRules = (findings: { ruleId: string; category: string }[]) =>
  findings.filter((f) => f.category === 'input').map((f) => f.ruleId);

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('one DOCX part named by many w:altChunk', () => {
  it(
    '500 references to one ~850 KB HTML part: refused once the expansion passes the upload cap',
    () => {
      const bytes = altChunkDocx(500, 850 * 1024);
      expect(bytes.length).toBeLessThan(64 * 1024);
      const p = problemOf(() => extractDocx(bytes));
      expect(p.ruleId).toBe('I-UNREADABLE');
      expect(p.message).toMatch(/内嵌内容展开后超过 20 MB（500 处内嵌引用）/);
      expect(p.detail).toMatchObject({ reason: 'altchunk expansion', references: 500 });
    },
    HANG,
  );

  it(
    'under the cap, the part is read once and its blocks stand at every reference',
    () => {
      const one = extractHtml(utf8(bigHtml(100 * 1024))).blocks;
      const doc = extractDocx(altChunkDocx(12, 100 * 1024));
      expect(one.length).toBeGreaterThan(10);
      expect(doc.blocks).toHaveLength(1 + 12 * one.length);
      expect(doc.blocks.slice(1 + 11 * one.length).map((b) => b.kind)).toEqual(one.map((b) => b.kind));
    },
    HANG,
  );
});

describe('a long line of numbers', () => {
  it(
    'a 400 KB line of `1 ` where table 四 goes is read, not a stack overflow (I-UNREADABLE 内部错误 before)',
    async () => {
      const result = await checkBytes(longValueLine(400 * 1024), { fileName: 'long.txt' });
      expect(inputRules(result.findings)).toEqual([]);
      // its 204,800 numbers stop at the 1,000th column (every row of the table was padded to 204,800 cells)
      const widths = result.document!.blocks.flatMap((b) => (b.kind === 'table' ? [b.rows[0]!.length] : []));
      expect(Math.max(...widths)).toBe(1000);
      expect(result.report?.agency).toBe('黑龙江省工业和信息化厅');
      expect(result.report?.cells['s3.new_received.natural']).toBe(12);
    },
    HANG,
  );

  it(
    'the CLI prints the report of that file (`--json` printed null, exit 2, before)',
    async () => {
      const path = join(mkdtempSync(join(tmpdir(), 'nianbao-limits-')), 'long.txt');
      writeFileSync(path, longValueLine(400 * 1024));
      const { status, stdout, stderr } = await cli(['check', path, '--json']);
      expect(stderr).toBe('');
      expect(status).not.toBe(2);
      expect((JSON.parse(stdout) as FileResult).report?.year).toBe(2022);
    },
    HANG,
  );
});

describe('one label line followed by a million tabs', () => {
  it(
    '`自然人` and 1.6 million tabs in table 三: refused as a line over the length cap (18.9 s and 3.6 GB before)',
    async () => {
      const result = await checkBytes(tabLabelLine(1_600_000));
      expect(result.findings).toHaveLength(1);
      expect(result.findings[0]).toMatchObject({ ruleId: 'I-UNREADABLE', category: 'input' });
      expect(result.findings[0]!.message).toMatch(/单行字符数过多/);
    },
    HANG,
  );

  it(
    'with 900,000 tabs (under the line cap) the row stops at 1,000 cells and the table is still read',
    async () => {
      const plain = await checkBytes(utf8(seedWith('二、上年结转', '')));
      const result = await checkBytes(tabLabelLine(900_000));
      expect(inputRules(result.findings)).toEqual([]);
      const widths = result.document!.blocks.flatMap((b) => (b.kind === 'table' ? [b.rows[0]!.length] : []));
      expect(Math.max(...widths)).toBe(1000);
      expect(result.report?.cells).toEqual(plain.report?.cells);
    },
    HANG,
  );
});

describe('one size cap for the CLI and the pipeline', () => {
  it(
    'checkBytes refuses a file over the cap with I-TOO-LARGE before reading it',
    async () => {
      const result = await checkBytes(new Uint8Array(MAX_UPLOAD_BYTES + 1));
      expect(result.document).toBeUndefined();
      expect(result.findings).toEqual([
        expect.objectContaining({ ruleId: 'I-TOO-LARGE', category: 'input', message: expect.stringMatching(/超过 20\.0 MB 的上限/) }),
      ]);
    },
    HANG,
  );

  it(
    'the CLI refuses a 50 MB file from its size, as the pipeline does (it read and checked it for 25 s before)',
    async () => {
      const path = join(mkdtempSync(join(tmpdir(), 'nianbao-limits-')), 'big.txt');
      writeFileSync(path, '');
      truncateSync(path, 50 * 1024 * 1024); // sparse: nothing is written
      const json = await cli(['check', path, '--json']);
      expect(json.status).toBe(1);
      const result = JSON.parse(json.stdout) as FileResult;
      expect(result.report).toBeNull();
      expect(result.findings).toEqual([
        expect.objectContaining({
          ruleId: 'I-TOO-LARGE',
          message: '文件大小为 50.0 MB，超过 20.0 MB 的上限，未作检查。请压缩或拆分后重新上传。',
        }),
      ]);
      const human = await cli(['check', path]);
      expect(human.stdout).toMatch(/I-TOO-LARGE\s+文件大小为 50\.0 MB/);
    },
    HANG,
  );
});
