/**
 * Extraction speed of the non-text formats, on the generated format fixtures
 * (test/fixtures/formats): HTML and DOCX throughput, and PDF extraction time against unpdf's own
 * plain `extractText` on the same files (our extractor also reads ruling lines and rebuilds
 * tables, so it is expected to be slower; the ratio says by how much).
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

/** Reports per second over the files, for about `ms` after a warm-up. */
async function throughput(inputs: Uint8Array[], fn: (bytes: Uint8Array) => unknown, ms = 1500): Promise<number> {
  for (let i = 0; i < 3; i++) for (const b of inputs) await fn(b);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (const b of inputs) await fn(b);
    n += inputs.length;
  }
  return (n * 1000) / (performance.now() - start);
}

/** Mean milliseconds per file over `rounds` passes after one warm-up pass. */
async function meanMs(inputs: Uint8Array[], fn: (bytes: Uint8Array) => Promise<unknown>, rounds = 5): Promise<number> {
  for (const b of inputs) await fn(b);
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const b of inputs) await fn(b);
  return (performance.now() - start) / (rounds * inputs.length);
}

export async function benchFormats(): Promise<{ name: string; value: number; unit: string; note?: string }[]> {
  const html = files('html');
  const docx = files('docx');
  const pdf = files('pdf');
  const ours = await meanMs(pdf, (b) => extractPdf(b));
  const theirs = await meanMs(pdf, (b) => extractText(b.slice(), { mergePages: true }));
  const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
  return [
    { name: 'HTML → Document', value: round(await throughput(html, extractHtml)), unit: 'reports/s', note: `${html.length} generated reports` },
    { name: 'DOCX → Document', value: round(await throughput(docx, extractDocx)), unit: 'reports/s', note: `${docx.length} generated reports` },
    { name: 'PDF → Document', value: round(ours), unit: 'ms/report', note: `${pdf.length} LibreOffice PDFs, 2–3 pages` },
    { name: 'PDF: unpdf extractText alone', value: round(theirs), unit: 'ms/report', note: 'text only, no positions or rulings' },
    { name: 'PDF: ours / unpdf extractText', value: round(ours / theirs, 2), unit: 'ratio', note: 'tables from ruling lines + layout' },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchFormats()) console.log(`${row.name}\t${row.value} ${row.unit}${row.note ? `\t(${row.note})` : ''}`);
}
