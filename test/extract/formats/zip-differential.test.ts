/**
 * The own ZIP reader (shared/extract/zip.ts) against fflate, on every DOCX fixture, on odd but valid
 * layouts of them (stored and deflated entries, extra fields, archive comments, data descriptors as
 * streaming writers leave them, Zip64, junk after the archive) and on byte-level damage
 * (docs/decisions/zip-reader.md; RELIABILITY.md, "Own readers against their libraries").
 * When both read an archive, the entries (names and bytes) are the same; when the own reader
 * refuses one, it does so with an I-UNREADABLE input finding, and fflate refuses it too, but for
 * the deliberate differences:
 *
 * 1. An entry whose deflate data is damaged (zlib reports an error, the stream ends early or runs
 *    on) or inflates to another size than the central directory declares is refused by the own
 *    reader (inflating stops at the declared size) (the declared size is what the caps are checked against before
 *    inflating: a lying entry could otherwise expand past them); fflate returns what it inflated.
 * 2. An entry whose stored (method 0) size differs from its compressed size, same reason.
 * 3. An entry whose local header does not start with its signature (PK 3 4), or whose local or
 *    central header sets the encryption flag, is refused by the own reader; fflate reads on from
 *    the offsets and ignores the flag.
 * 4. A size or offset that reaches past the end of the archive is refused by the own reader;
 *    fflate reads what is there.
 * 5. The central directory's record signatures are checked by the own reader: when the directory
 *    offset is off (bytes removed or added before it), it refuses the archive, where fflate reads
 *    garbage as entries (names made of the bytes found there).
 * 6. The caps (2,000 entries declared, 50 MB declared for the entries read) are the own reader's:
 *    an archive over them is refused before anything is inflated; fflate has none.
 * 7. CRCs are checked by neither.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { unzipSync, Zip, ZipDeflate, ZipPassThrough, type Zippable, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../../shared/extract/zip.ts';
import { InputProblem } from '../../../shared/report/errors.ts';
import { DEFAULT_SEED, DIFFERENTIAL_RUNS, DIFFERENTIAL_TIMEOUT } from '../../fuzz/generators.ts';
import { applyAll, byteMutation } from '../../fuzz/mutations.ts';

const root = join(import.meta.dirname, '..', '..', 'fixtures');
function zipFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? zipFiles(path) : /\.(docx|xlsx)$/.test(f) ? [path] : [];
  });
}
const all = zipFiles(root)
  .sort()
  .map((file) => ({ name: file.slice(root.length + 1), bytes: new Uint8Array(readFileSync(file)) }));
/** The readable archives (inputs/ holds a deliberately truncated one). */
const archives = all.filter((a) => !a.name.startsWith('formats/inputs/truncated'));

type Verdict = { entries: Record<string, string> } | { refused: string };

const digest = (bytes: Uint8Array) =>
  `${bytes.length}:${Buffer.from(bytes).toString('base64').slice(0, 64)}:${Buffer.from(bytes).toString('base64').slice(-64)}`;

function own(bytes: Uint8Array): Verdict {
  try {
    const files = readZip(bytes, () => true);
    return { entries: Object.fromEntries(Object.entries(files).map(([n, b]) => [n, digest(b)])) };
  } catch (error) {
    if (error instanceof InputProblem) return { refused: JSON.stringify(error.detail) };
    throw error;
  }
}
function theirs(bytes: Uint8Array): Verdict {
  try {
    return { entries: Object.fromEntries(Object.entries(unzipSync(bytes)).map(([n, b]) => [n, digest(b)])) };
  } catch (error) {
    return { refused: String(error) };
  }
}

/** The own reader's refusals that fflate does not share on purpose (differences 1–6). */
const deliberate = (detail: string) =>
  /inflated size|stored size|local header|encrypted|"truncated"|central directory|"reason":"(entries|size)"/.test(detail) ||
  /"reason":"(RangeError|Error)\b[^"]*(ERR_BUFFER_TOO_LARGE|unexpected end of file|invalid|incorrect|too many)/.test(detail);

function agree(bytes: Uint8Array, label: string): void {
  const mine = own(bytes);
  const lib = theirs(bytes);
  if ('refused' in mine) {
    if (!deliberate(mine.refused)) expect('refused' in lib, `${label}: own reader refused (${mine.refused}), fflate reads it`).toBe(true);
    return;
  }
  expect(lib, `${label}: own reader read it`).toEqual(mine);
}

/** The archive's entries written again in another layout. */
function relayout(
  bytes: Uint8Array,
  layout: { level: 0 | 6 | 9; streamed: boolean; comment: string; extra: boolean; junk: number },
): Uint8Array {
  const entries = unzipSync(bytes);
  let out: Uint8Array;
  if (layout.streamed) {
    // the streaming writer leaves sizes and CRCs to data descriptors after each entry (flag bit 3)
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    for (const [name, data] of Object.entries(entries)) {
      const file = layout.level === 0 ? new ZipPassThrough(name) : new ZipDeflate(name, { level: layout.level });
      zip.add(file);
      file.push(data, true);
    }
    zip.end();
    out = Buffer.concat(chunks);
  } else {
    const zippable: Zippable = {};
    for (const [name, data] of Object.entries(entries)) {
      zippable[name] = [
        data,
        { level: layout.level, ...(layout.extra ? { extra: { 30837: new Uint8Array([1, 4, 0, 0, 0, 0, 4, 0, 0, 0, 0]) } } : {}) },
      ];
    }
    out = zipSync(zippable, layout.comment ? { comment: layout.comment } : {});
  }
  return layout.junk > 0 ? Buffer.concat([out, new Uint8Array(layout.junk).fill(0x20)]) : out;
}

const layouts = fc.record({
  level: fc.constantFrom(0 as const, 6 as const, 9 as const),
  streamed: fc.boolean(),
  comment: fc.constantFrom('', 'PK\u0005\u0006', 'x'.repeat(200)),
  extra: fc.boolean(),
  junk: fc.constantFrom(0, 0, 1, 100),
});

describe('readZip agrees with fflate', () => {
  it('finds the archives', () => expect(archives.length).toBeGreaterThanOrEqual(8));

  it.each(all.map((a) => [a.name, a.bytes]))('%s', (name, bytes) => {
    expect('entries' in own(bytes), `${name} is read`).toBe(!name.includes('truncated'));
    agree(bytes, name);
  });

  it(
    'on odd but valid layouts: both read every one, with the same entries',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...archives.keys()), layouts, (index, layout) => {
          const archive = archives[index]!;
          const bytes = relayout(archive.bytes, layout);
          const label = `${archive.name} ${JSON.stringify(layout)}`;
          expect('entries' in own(bytes), label).toBe(true);
          agree(bytes, label);
        }),
        { seed: DEFAULT_SEED, numRuns: Math.ceil(DIFFERENTIAL_RUNS / 4) },
      );
    },
    DIFFERENTIAL_TIMEOUT,
  );

  it(
    'on damaged archives (bytes overwritten, deleted, repeated, truncated)',
    () => {
      let read = 0;
      fc.assert(
        fc.property(
          fc.constantFrom(...archives.keys()),
          layouts,
          fc.array(byteMutation, { minLength: 1, maxLength: 3 }),
          (index, layout, ms) => {
            const archive = archives[index]!;
            const bytes = applyAll(relayout(archive.bytes, layout), ms);
            if ('entries' in own(bytes)) read++;
            agree(bytes, `${archive.name} ${JSON.stringify(layout)}: ${ms.map((m) => m.step).join(' | ')}`);
          },
        ),
        { seed: DEFAULT_SEED, numRuns: DIFFERENTIAL_RUNS },
      );
      // some damage leaves an archive readable (in an entry's data, a comment): entries are compared, not only refusals
      expect(read).toBeGreaterThan(0);
    },
    DIFFERENTIAL_TIMEOUT,
  );
});
