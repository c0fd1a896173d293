/**
 * Extraction speed of the non-text formats, on the generated format fixtures
 * (test/fixtures/formats): HTML and DOCX throughput, and PDF extraction time against unpdf's own
 * plain `extractText` on the same files (our extractor also places every run, reads ruling lines
 * and rebuilds tables; the ratio says what that costs against the library's text extraction).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractText } from 'unpdf';
import { extractDocx } from '../../shared/extract/docx.ts';
import { extractHtml } from '../../shared/extract/html.ts';
import { extractPdf } from '../../shared/extract/pdf.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'formats');

function files(ext: string): Uint8Array[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith(`.${ext}`))
    .sort()
    .map((f) => new Uint8Array(readFileSync(join(DIR, f))));
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Reports per second over the files: one second of warm-up (V8 optimizes the hot paths), then
 * the median of five windows of `ms` each, so that a burst of load on the shared machine moves
 * one window, not the figure.
 */
async function throughput(inputs: Uint8Array[], fn: (bytes: Uint8Array) => unknown, ms = 600): Promise<number> {
  const window = async (length: number): Promise<number> => {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < length) {
      for (const b of inputs) await fn(b);
      n += inputs.length;
    }
    return (n * 1000) / (performance.now() - start);
  };
  await window(1000);
  const rates: number[] = [];
  for (let i = 0; i < 5; i++) rates.push(await window(ms));
  return median(rates);
}

/** Milliseconds per file for one pass over the files. */
async function passMs(inputs: Uint8Array[], fn: (bytes: Uint8Array) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (const b of inputs) await fn(b);
  return (performance.now() - start) / inputs.length;
}

/**
 * Two extractors compared in alternating passes after a warm-up (so that load on the shared
 * machine falls on both alike): median milliseconds per file of each, and the median of the
 * per-round ratios.
 */
async function compareMs(
  inputs: Uint8Array[],
  ours: (bytes: Uint8Array) => Promise<unknown>,
  theirs: (bytes: Uint8Array) => Promise<unknown>,
  rounds = 11,
): Promise<{ ours: number; theirs: number; ratio: number }> {
  for (let i = 0; i < 2; i++) {
    await passMs(inputs, ours);
    await passMs(inputs, theirs);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(await passMs(inputs, ours));
    b.push(await passMs(inputs, theirs));
  }
  return { ours: median(a), theirs: median(b), ratio: median(a.map((x, i) => x / b[i]!)) };
}

export async function benchFormats(): Promise<{ name: string; value: number; unit: string; note?: string }[]> {
  const html = files('html');
  const docx = files('docx');
  const pdf = files('pdf');
  const htmlRate = await throughput(html, extractHtml);
  const docxRate = await throughput(docx, extractDocx);
  const pdfTimes = await compareMs(
    pdf,
    (b) => extractPdf(b),
    (b) => extractText(b.slice(), { mergePages: true }),
  );
  const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
  return [
    {
      name: 'HTML → Document',
      value: round(htmlRate),
      unit: 'reports/s',
      note: `goal ≥ 1,000; ${html.length} generated pages; median of 5 windows`,
    },
    {
      name: 'DOCX → Document',
      value: round(docxRate),
      unit: 'reports/s',
      note: `goal ≥ 200; ${docx.length} generated documents; median of 5 windows`,
    },
    {
      name: 'PDF → Document',
      value: round(pdfTimes.ours),
      unit: 'ms/report',
      note: `${pdf.length} LibreOffice PDFs, 2–3 pages; median of 11 passes`,
    },
    {
      name: 'PDF: unpdf extractText alone',
      value: round(pdfTimes.theirs),
      unit: 'ms/report',
      note: 'text only, no positions or rulings; passes alternate with ours',
    },
    {
      name: 'PDF: ours / unpdf extractText',
      value: round(pdfTimes.ratio, 2),
      unit: 'ratio',
      note: 'goal ≤ 1.3; median of the per-pass ratios',
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchFormats()) console.log(`${row.name}\t${row.value} ${row.unit}${row.note ? `\t(${row.note})` : ''}`);
}
