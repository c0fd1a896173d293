/**
 * Each own reader beside the maintained library it stands in for, on the same inputs, in
 * alternating passes (docs/decisions/):
 *
 * - HTML: shared/extract/html-parse.ts (tokenizer + tree) vs htmlparser2's parseDocument (a DOM);
 * - ZIP: shared/extract/zip.ts vs fflate's unzipSync, the parts a DOCX needs;
 * - XML: shared/extract/xml.ts vs fast-xml-parser, word/document.xml;
 * - DOCX whole: the own path (zip + xml + Document) vs fflate + fast-xml-parser (no Document);
 * - text: the text extractor vs UTF-8 decode + line split (no goal: the core has a floor).
 *
 *   npx tsx test/bench/libraries.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import { extractDocx } from '../../shared/extract/docx.ts';
import { parseHtml } from '../../shared/extract/html-parse.ts';
import { extractText } from '../../shared/extract/text.ts';
import { parseXml } from '../../shared/extract/xml.ts';
import { readZip } from '../../shared/extract/zip.ts';

const FORMATS = join(import.meta.dirname, '..', 'fixtures', 'formats');
const WEB = join(FORMATS, 'web');
const DOCX_PARTS = (name: string) => name === 'word/document.xml' || name === 'word/styles.xml' || name === 'docProps/core.xml';

const read = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(`.${ext}`))
    .sort()
    .map((f) => new Uint8Array(readFileSync(join(dir, f))));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function passMs<T>(inputs: T[], fn: (input: T) => unknown, repeat: number): number {
  const start = performance.now();
  for (let r = 0; r < repeat; r++) for (const input of inputs) fn(input);
  return (performance.now() - start) / (inputs.length * repeat);
}

/** Median ms per input of each side over alternating passes, and the median per-pass ratio ours / theirs. */
export function compare<T>(inputs: T[], ours: (input: T) => unknown, theirs: (input: T) => unknown, rounds = 9, repeat = 20) {
  for (let i = 0; i < 3; i++) {
    passMs(inputs, ours, repeat);
    passMs(inputs, theirs, repeat);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(passMs(inputs, ours, repeat));
    b.push(passMs(inputs, theirs, repeat));
  }
  return { oursMs: median(a), theirsMs: median(b), ratio: median(a.map((x, i) => x / b[i]!)) };
}

export interface LibraryRow {
  format: 'html' | 'zip' | 'xml' | 'docx' | 'text';
  ours: string;
  library: string;
  inputs: number;
  oursMs: number;
  theirsMs: number;
  ratio: number;
}

/** Every comparison, on the committed fixtures. */
export function benchLibraries(quick = false): LibraryRow[] {
  const rounds = quick ? 3 : 9;
  const html = read(WEB, 'html').map((b) => new TextDecoder().decode(b));
  const docx = read(FORMATS, 'docx');
  const documentXml = docx.map((b) => new TextDecoder().decode(readZip(b, DOCX_PARTS)['word/document.xml']!));
  const text = read(join(FORMATS), 'txt');
  const xml = new XMLParser({ ignoreAttributes: false, preserveOrder: true, processEntities: false });
  const decoder = new TextDecoder();
  const rows: LibraryRow[] = [];
  const add = (format: LibraryRow['format'], ours: string, library: string, inputs: number, r: ReturnType<typeof compare>) =>
    rows.push({ format, ours, library, inputs, ...r });
  add(
    'html',
    'parseHtml (html-parse.ts)',
    'htmlparser2 parseDocument',
    html.length,
    compare(html, parseHtml, (h) => parseDocument(h), rounds),
  );
  add(
    'zip',
    'readZip (zip.ts)',
    'fflate unzipSync',
    docx.length,
    compare(
      docx,
      (b) => readZip(b, DOCX_PARTS),
      (b) => unzipSync(b, { filter: (f) => DOCX_PARTS(f.name) }),
      rounds,
    ),
  );
  add(
    'xml',
    'parseXml (xml.ts)',
    'fast-xml-parser',
    documentXml.length,
    compare(
      documentXml,
      (x) => parseXml(x),
      (x) => xml.parse(x),
      rounds,
    ),
  );
  add(
    'docx',
    'extractDocx (zip + xml + Document)',
    'fflate + fast-xml-parser (no Document)',
    docx.length,
    compare(
      docx,
      extractDocx,
      (b) => xml.parse(decoder.decode(unzipSync(b, { filter: (f) => DOCX_PARTS(f.name) })['word/document.xml']!)),
      rounds,
      5,
    ),
  );
  add(
    'text',
    'extractText (text.ts)',
    'TextDecoder + split lines',
    text.length,
    compare(text, extractText, (b) => decoder.decode(b).split(/\r?\n/), rounds),
  );
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of benchLibraries(process.argv.includes('--quick'))) {
    console.log(
      `${r.format}\t${r.ours} ${r.oursMs.toFixed(3)} ms\t${r.library} ${r.theirsMs.toFixed(3)} ms\tratio ${r.ratio.toFixed(2)}\t(${r.inputs} inputs)`,
    );
  }
}
