/**
 * Hostile and oversized inputs, generated (nothing large is committed): the "Found already"
 * defects of issue 18 and the resource limits. Shared by the tests (test/limits/*.test.ts) and
 * the measuring script (test/limits/measure.ts), which prints the time and memory each takes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const SEED = readFileSync(join(FIXTURES, 'seed', 'heilongjiang-gxt-2022.txt'), 'utf8');
const HTML = readFileSync(join(FIXTURES, 'formats', 'heilongjiang-gxt-2022.html'), 'utf8');
const PDF = readFileSync(join(FIXTURES, 'formats', 'heilongjiang-gxt-2022.pdf'));
const MB = 1024 * 1024;

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The seed report with `insert` put before the line that starts with `marker`. */
export function seedWith(marker: string, insert: string): string {
  const at = SEED.indexOf(marker);
  if (at < 0) throw new Error(`marker not in the seed: ${marker}`);
  return SEED.slice(0, at) + insert + SEED.slice(at);
}

// ---------------------------------------------------------------------------------------------
// ZIP / DOCX
// ---------------------------------------------------------------------------------------------

export interface ZipEntry {
  name: string;
  /** The bytes as stored in the archive (already deflated for method 8). */
  data: Uint8Array;
  method?: 0 | 8;
  /** The uncompressed size written in the headers (the truth unless a test lies). */
  size?: number;
}

/** A ZIP archive from entries as given (CRCs are 0: the reader does not check them). */
export function zip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 0;
    const size = e.size ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const paragraph = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const documentXml = (body: string, prolog = ''): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document ${W_NS}><w:body>${body}</w:body></w:document>`;
const deflated = (text: string | Uint8Array): ZipEntry & { method: 8 } => {
  const raw = typeof text === 'string' ? utf8(text) : text;
  return { name: '', data: deflateRawSync(raw), method: 8, size: raw.length };
};
const entry = (name: string, text: string): ZipEntry => ({ ...deflated(text), name });

/** An HTML page of about `bytes` bytes: the seed web page's article repeated. */
export function bigHtml(bytes: number): string {
  const body = HTML.slice(HTML.indexOf('<body>') + 6, HTML.indexOf('</body>'));
  return `<html><head><meta charset="utf-8"></head><body>${body.repeat(Math.ceil(bytes / Buffer.byteLength(body)))}</body></html>`;
}

/** A DOCX whose document.xml holds `references` w:altChunk pointing at one HTML part of about `partBytes`. */
export function altChunkDocx(references: number, partBytes: number): Uint8Array {
  const rels = `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk.htm" Id="c1"/></Relationships>`;
  return zip([
    entry('[Content_Types].xml', '<Types/>'),
    entry('word/document.xml', documentXml(`${paragraph('前言')}${'<w:altChunk r:id="c1"/>'.repeat(references)}`)),
    entry('word/_rels/document.xml.rels', rels),
    entry('word/afchunk.htm', bigHtml(partBytes)),
  ]);
}

/**
 * Raw deflate data that inflates to `bytes` zero bytes, built from one fully flushed 16 MiB
 * segment repeated (a full flush ends byte-aligned with a reset dictionary) and a final empty
 * block: about 16 KB per 16 MiB, so 1 GiB costs 1 MB and a few milliseconds to make.
 */
export function zerosDeflated(bytes: number): Uint8Array {
  const SEGMENT = 16 * MB;
  if (bytes % SEGMENT !== 0) throw new Error('a multiple of 16 MiB');
  const segment = deflateRawSync(Buffer.alloc(SEGMENT, 0x20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes / SEGMENT; i++) parts.push(segment);
  parts.push(Buffer.from([0x03, 0x00])); // final fixed-Huffman block holding only end-of-block
  return new Uint8Array(Buffer.concat(parts));
}

/** A small DOCX whose document.xml inflates to 1 GiB of spaces; `declared` is the size its headers give. */
export function zipBombDocx(declared: 'honest' | 'lying'): Uint8Array {
  const GIB = 1024 * MB;
  const data = zerosDeflated(GIB);
  return zip([{ name: 'word/document.xml', data, method: 8, size: declared === 'honest' ? GIB - 1 : 4096 }]);
}

/** A DOCX with `count` entries besides its document.xml. */
export function manyEntriesDocx(count: number): Uint8Array {
  const entries: ZipEntry[] = [entry('word/document.xml', documentXml(paragraph('一、总体情况')))];
  const empty = new Uint8Array(0);
  for (let i = 0; i < count; i++) entries.push({ name: `word/media/p${i}.xml`, data: empty });
  return zip(entries);
}

/** A DOCX whose document.xml is `bytes` of one-run paragraphs (1.4 million in 49 MB, under the ZIP caps). */
export function manyElementsDocx(bytes: number): Uint8Array {
  const one = paragraph('1');
  return zip([entry('word/document.xml', documentXml(one.repeat(Math.floor(bytes / one.length))))]);
}

/** A DOCX whose one paragraph holds `chars` characters of text in one run (a 40 MB run is under the ZIP caps). */
export function longParagraphDocx(chars: number): Uint8Array {
  return zip([entry('word/document.xml', documentXml(paragraph(run('年报内容 ', chars))))]);
}

/** A DOCX whose document.xml declares nested entities (billion laughs) and uses the last. */
export function billionLaughsDocx(): Uint8Array {
  let dtd = '<!ENTITY l0 "哈哈哈哈哈哈哈哈哈哈">';
  for (let i = 1; i <= 9; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
  return zip([entry('word/document.xml', documentXml(paragraph('&l9;'), `<!DOCTYPE w:document [${dtd}]>`))]);
}

/** A DOCX whose parts declare external entities pointing at `url` (document, styles, core properties, relationships). */
export function externalEntityDocx(url: string): Uint8Array {
  const prolog = (root: string) => `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "${url}">]>`;
  return zip([
    entry('word/document.xml', documentXml(`${paragraph('&xxe;')}<w:altChunk r:id="c1"/>`, prolog('w:document'))),
    entry('word/styles.xml', `<?xml version="1.0"?>${prolog('w:styles')}<w:styles ${W_NS}>&xxe;</w:styles>`),
    entry(
      'docProps/core.xml',
      `<?xml version="1.0"?>${prolog('cp:coreProperties')}<cp:coreProperties><dc:title>&xxe;</dc:title></cp:coreProperties>`,
    ),
    entry(
      'word/_rels/document.xml.rels',
      `<?xml version="1.0"?>${prolog('Relationships')}<Relationships><Relationship Id="c1" Target="&xxe;"/></Relationships>`,
    ),
  ]);
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

/** The seed web page with its article inside `depth` nested elements. */
export function nestedHtml(depth: number, tag = 'div'): Uint8Array {
  const open = HTML.indexOf('<body>') + 6;
  const close = HTML.indexOf('</body>');
  return utf8(HTML.slice(0, open) + `<${tag}>`.repeat(depth) + HTML.slice(open, close) + `</${tag}>`.repeat(depth) + HTML.slice(close));
}

/** An HTML table of rows × columns cells, each holding a digit. */
export function manyCellsHtml(rows: number, columns: number): Uint8Array {
  const row = `<tr>${'<td>1</td>'.repeat(columns)}</tr>`;
  return utf8(`<html><head><meta charset="utf-8"></head><body><h1>一、总体情况</h1><table>${row.repeat(rows)}</table></body></html>`);
}

// ---------------------------------------------------------------------------------------------
// PDF
// ---------------------------------------------------------------------------------------------

/** A well-formed PDF of `pages` empty pages (a real page tree, not a lying /Count). */
export function manyPagesPdf(pages: number): Uint8Array {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  for (let i = 0; i < pages; i++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  return pdf(objects);
}

/** A one-page PDF with a line of text and `count` short line segments drawn (a table page draws a few hundred). */
export function manySegmentsPdf(count: number): Uint8Array {
  let ops = 'BT /F1 12 Tf 72 400 Td (annual report) Tj ET\n';
  for (let i = 0; i < count; i++) ops += `${20 + (i % 500)} ${20 + (i % 700)} m ${30 + (i % 500)} ${20 + (i % 700)} l S\n`;
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** A PDF of the given objects (1 is the catalog), with its cross-reference table. */
function pdf(objects: string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(out);
}

/** A file of test/fixtures/fuzz (the inputs the fuzzer found failing). */
export function fuzzFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, 'fuzz', name)));
}

/** The seed PDF cut at `fraction` of its length. */
export function truncatedPdf(fraction: number): Uint8Array {
  return new Uint8Array(PDF.subarray(0, Math.floor(PDF.length * fraction)));
}

/** `bytes` pseudo-random bytes (fixed seed: the same every run). */
export function randomBytes(bytes: number, seed = 18): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

/** The seed text repeated to at least `bytes` bytes. */
export function bigText(bytes: number): Uint8Array {
  return utf8(SEED.repeat(Math.ceil(bytes / Buffer.byteLength(SEED))));
}

/** A run of `unit` between `prefix` and `suffix`, `chars` characters at most in all. */
export function run(unit: string, chars: number, prefix = '', suffix = ''): string {
  return prefix + unit.repeat(Math.floor((chars - prefix.length - suffix.length) / unit.length)) + suffix;
}

/** A line of `chars` characters (a run of `unit` between `prefix` and `suffix`) inside table 三 of the seed report. */
export function runInTable(unit: string, chars: number, prefix = '', suffix = ''): Uint8Array {
  return utf8(seedWith('二、上年结转', `${run(unit, chars, prefix, suffix)}\n`));
}

/** The start of a table flattened onto one line: template anchors that make unflatten.ts cut it. */
export const FLATTENED = '一、总体情况 二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 规章 5 ';

/** An HTML page whose one table cell holds a run of `unit` between `prefix` and `suffix`, `chars` characters. */
export function runInHtmlCell(unit: string, chars: number, prefix = '', suffix = ''): Uint8Array {
  const html = HTML.replace('<td', `<td>${run(unit, chars, prefix, suffix)}</td><td`);
  return utf8(html);
}

/** A run of `unit`, `chars` characters, as the whole file (one line). */
export function singleLine(unit: string, chars: number): Uint8Array {
  return utf8(run(unit, chars));
}

/** Issue 18's long line: a 400 KB line of `1 ` where table 四's values go. */
export function longValueLine(bytes = 400 * 1024): Uint8Array {
  return utf8(seedWith('五、存在的主要问题', `${'1 '.repeat(bytes / 2)}\n\n`));
}

/** Issue 18's label line: `自然人` followed by `tabs` tabs, inside table 三. */
export function tabLabelLine(tabs = 1_600_000): Uint8Array {
  return utf8(seedWith('二、上年结转', `自然人${'\t'.repeat(tabs)}\n`));
}
