/**
 * `npm run limits`: the time and memory each resource limit takes (issue 18), for RELIABILITY.md.
 * A measurement, not a test (test/limits/*.test.ts assert the outcomes). Each case runs in a child
 * process of its own with a V8 heap capped at HEAP_MIB (`--max-old-space-size`), so a case that
 * needs more dies instead of being reported: "ok" in the heap column is the bound, proven. The
 * time is checkBytes alone (generating the input is not counted); peak RSS is the child's maximum
 * resident set, Node and the loaded modules included (about 100 MB before any input), and the
 * PDF worker thread's too: pdf.js runs there under its own heap cap (shared/extract/pdf-isolated.ts).
 *
 *   npx tsx test/limits/measure.ts            all cases, a Markdown table on stdout
 *   npx tsx test/limits/measure.ts --case X   one case (what the parent runs in each child)
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { checkBytes } from '../../shared/usecases/check.ts';
import * as input from './inputs.ts';

const HEAP_MIB = 256;
const KB = 1024;
const MB = 1024 * 1024;

interface Case {
  name: string;
  make: () => Uint8Array;
  fileName?: string;
}

const runs = (unit: string, label: string, prefix = '', suffix = ''): Case[] =>
  [100_000, 1_000_000].map((chars) => ({
    name: `${label}, ${chars / 1000} K chars in table 三`,
    make: () => input.runInTable(unit, chars, prefix, suffix),
  }));

const CASES: Case[] = [
  { name: 'altChunk: 500 refs to one 850 KB HTML part', make: () => input.altChunkDocx(500, 850 * KB) },
  { name: 'altChunk: 20 refs to one 850 KB HTML part (read)', make: () => input.altChunkDocx(20, 850 * KB) },
  { name: 'a 400 KB line of `1 ` in table 四 (read)', make: () => input.longValueLine(400 * KB) },
  { name: '`自然人` + 1.6M tabs', make: () => input.tabLabelLine(1_600_000) },
  { name: '`自然人` + 900K tabs (read, 1,000 columns)', make: () => input.tabLabelLine(900_000) },
  { name: '50 MB text', make: () => input.bigText(50 * MB) },
  { name: '19 MB text (seed repeated)', make: () => input.bigText(19 * MB) },
  { name: 'single 5 MB line', make: () => input.singleLine('1 ', 5_000_000) },
  { name: 'DOCX zip bomb, 1 GiB declared', make: () => input.zipBombDocx('honest') },
  { name: 'DOCX zip bomb, 1 GiB declared as 4 KB', make: () => input.zipBombDocx('lying') },
  { name: 'ZIP with 100,000 entries', make: () => input.manyEntriesDocx(100_000) },
  { name: 'DOCX, 49 MB document.xml, 1.4M paragraphs', make: () => input.manyElementsDocx(49 * MB) },
  { name: 'DOCX, one paragraph of 14M characters (40 MB)', make: () => input.longParagraphDocx(14_000_000) },
  { name: 'XML billion laughs', make: () => input.billionLaughsDocx() },
  { name: 'XML external entities', make: () => input.externalEntityDocx('http://127.0.0.1:9/') },
  { name: 'HTML nested 100,000 levels (read)', make: () => input.nestedHtml(100_000) },
  { name: 'HTML 1,000 × 1,000 cells', make: () => input.manyCellsHtml(1000, 1000) },
  { name: 'HTML 1 row × 1,000,000 cells', make: () => input.manyCellsHtml(1, 1_000_000) },
  { name: 'PDF of 100,000 pages', make: () => input.manyPagesPdf(100_000), fileName: 'x.pdf' },
  { name: 'PDF of 2,000 pages (read)', make: () => input.manyPagesPdf(2000), fileName: 'x.pdf' },
  { name: 'PDF page of 60,000 line segments (read, rules dropped)', make: () => input.manySegmentsPdf(60_000), fileName: 'x.pdf' },
  { name: 'PDF page of 200,000 line segments (read, rules dropped)', make: () => input.manySegmentsPdf(200_000), fileName: 'x.pdf' },
  {
    name: 'PDF whose damaged fonts grow pdf.js without bound (fuzz case 9380)',
    make: () => input.fuzzFixture('pdf-font-memory.pdf'),
    fileName: 'x.pdf',
  },
  { name: 'PDF cut in half', make: () => input.truncatedPdf(0.5), fileName: 'x.pdf' },
  { name: '1 MB of random bytes named .pdf', make: () => input.randomBytes(MB), fileName: 'x.pdf' },
  ...runs('1', 'digits'),
  ...runs(' ', 'spaces', 'x'),
  ...runs('（', 'full-width （'),
  ...runs('|', 'pipes'),
  ...runs('。', 'full stops 。 after 一、', '一、'),
  ...runs('结果维持', '结果维持 after 行政复议行政诉讼', '行政复议行政诉讼'),
  ...runs(' ', 'spaces before U+200B', 'a', 'b\u200b'),
  ...runs('1 ', '`1 ` ending in a word, flattened table line', input.FLATTENED, 'x'),
  { name: 'spaces before U+200B, 1000 K chars in an HTML cell', make: () => input.runInHtmlCell(' ', 1_000_000, '1', '\u200b') },
  { name: '`1 `, 1000 K chars in an HTML cell', make: () => input.runInHtmlCell('1 ', 1_000_000) },
];

interface Measured {
  ms: number;
  rssMb: number;
  bytes: number;
  outcome: string;
}

async function measureOne(name: string): Promise<Measured> {
  const c = CASES.find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name}`);
  const bytes = c.make();
  const start = performance.now();
  const result = await checkBytes(bytes, { fileName: c.fileName ?? 'upload' });
  const ms = performance.now() - start;
  const inputFinding = result.findings.find((f) => f.category === 'input');
  const outcome = inputFinding
    ? `${inputFinding.ruleId} ${inputFinding.message.slice(0, 40)}`
    : `report, ${result.findings.length} findings`;
  return { ms, rssMb: process.resourceUsage().maxRSS / KB, bytes: bytes.length, outcome };
}

function size(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / KB).toFixed(0)} KB`;
}

function measureAll(): void {
  console.log(`| Input | File | Outcome | Time | Peak RSS | Heap ≤ ${HEAP_MIB} MiB |`);
  console.log('|---|---|---|---|---|---|');
  for (const c of CASES) {
    let row: string;
    try {
      const out = execFileSync(
        process.execPath,
        [`--max-old-space-size=${HEAP_MIB}`, ...process.execArgv, import.meta.filename, '--case', c.name],
        { encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const m = JSON.parse(out.trim().split('\n').pop()!) as Measured;
      row = `| ${c.name} | ${size(m.bytes)} | ${m.outcome} | ${(m.ms / 1000).toFixed(2)} s | ${m.rssMb.toFixed(0)} MB | ok |`;
    } catch (error) {
      row = `| ${c.name} | | died: ${String((error as Error).message).split('\n')[0]} | | | **no** |`;
    }
    console.log(row);
  }
}

const at = process.argv.indexOf('--case');
if (at > 0) console.log(JSON.stringify(await measureOne(process.argv[at + 1]!)));
else measureAll();
