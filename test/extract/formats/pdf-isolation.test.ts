/**
 * pdf.js runs in a worker thread with a heap cap and a time limit (shared/extract/pdf-isolated.ts):
 * the two pdf.js defects the fuzzer found (test/fixtures/fuzz) end as a report or an input finding
 * for their own file, and the next file is read by a fresh worker as if nothing had happened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { extractPdf } from '../../../shared/extract/pdf.ts';
import { PDF_WORKER_LIMITS } from '../../../shared/extract/pdf-isolated.ts';
import { checkBytes } from '../../../shared/usecases/check.ts';
import { fuzzFixture as fuzzed } from '../../limits/inputs.ts';
import { problemOfAsync } from '../../support/problem.ts';
import { fixture } from './fixtures.ts';

const GOOD = 'zhujian-2021-ed2021.pdf';
const headings = async (bytes: Uint8Array) => (await extractPdf(bytes)).blocks.filter((b) => b.kind === 'heading').map((b) => b.text);

describe('pdf.js isolated in a worker thread', () => {
  const limits = { ...PDF_WORKER_LIMITS };
  afterEach(() => Object.assign(PDF_WORKER_LIMITS, limits));

  it('a rejection pdf.js leaves unhandled (a damaged xref) does not reach the process: the file ends as a report', async () => {
    const result = await checkBytes(fuzzed('pdf-unhandled-rejection.pdf'));
    expect(result.report).toBeDefined();
    expect(result.findings.filter((f) => f.ruleId.startsWith('I-'))).toEqual([]);
    expect(await headings(fixture(GOOD))).toContain('一、总体情况');
  });

  it('a font that grows pdf.js past its heap cap ends as I-UNREADABLE; the next PDF is read by a new worker', async () => {
    const [bad, good] = await Promise.all([problemOfAsync(() => extractPdf(fuzzed('pdf-font-memory.pdf'))), headings(fixture(GOOD))]);
    expect(bad).toMatchObject({
      ruleId: 'I-UNREADABLE',
      message: `文件已损坏或无法读取：读取 PDF 所需内存超过 ${PDF_WORKER_LIMITS.heapMb} MB 的上限，文件结构可能异常。请用原文档重新导出 PDF（或上传 Word 版本）后重新上传。`,
    });
    expect(good).toContain('六、其他需要报告的事项');
    expect(await headings(fixture(GOOD))).toContain('一、总体情况');
  }, 60_000);

  it('a file past the time limit ends as I-UNREADABLE naming the limit; the files after it are read', async () => {
    PDF_WORKER_LIMITS.maxMs = 1;
    expect(await problemOfAsync(() => extractPdf(fixture(GOOD)))).toMatchObject({
      ruleId: 'I-UNREADABLE',
      message:
        '文件已损坏或无法读取：读取 PDF 超过 0.001 秒的时限，文件结构可能异常。请用原文档重新导出 PDF（或上传 Word 版本）后重新上传。',
    });
    Object.assign(PDF_WORKER_LIMITS, limits);
    expect(await headings(fixture(GOOD))).toContain('一、总体情况');
  });

  it('files sent at once are read one after another, each with its own result', async () => {
    const names = [GOOD, 'heilongjiang-gxt-2022.pdf', 'shengtai-2020-ed2019.pdf'];
    const docs = await Promise.all(names.map((n) => extractPdf(fixture(n))));
    const alone = [];
    for (const n of names) alone.push(await extractPdf(fixture(n)));
    expect(docs).toEqual(alone);
    expect(docs.map((d) => d.blocks.length).every((n) => n > 10)).toBe(true);
  });
});
