/**
 * One fast-check arbitrary per format: a fuzz case is either random bytes behind the format's
 * signature, or a repository report with a few mutations (lines, cells, labels, tags; for DOCX
 * also the package's entries; for PDF its streams, xref and object syntax; then raw bytes).
 */
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { unzipSync, type Zippable, zipSync } from 'fflate';
import { BASES, type Format } from './corpus.ts';
import { markupMutation } from './markup.ts';
import { applyAll, byteMutation, fraction, type Mutation, replaceMatch, textMutation } from './mutations.ts';

/** The seed of a run unless --seed is given: a run repeats. */
export const DEFAULT_SEED = 20261206;

/** Cases per differential property in npm test; DIFFERENTIAL_RUNS=5000 npx vitest run test/extract/formats runs a deeper pass. */
export const DIFFERENTIAL_RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 200);
/** A hang guard for a differential property, generous for the deeper pass. */
export const DIFFERENTIAL_TIMEOUT = 60_000 + DIFFERENTIAL_RUNS * 100;

export interface FuzzCase {
  format: Format;
  /** The fixture mutated, or "random". */
  base: string;
  /** What was done to it. */
  steps: string[];
  bytes: Uint8Array;
}

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

/** A text codec that gives back the same bytes: UTF-8 when the bytes are UTF-8, else Latin-1 (GBK pages keep their bytes). */
function codec(bytes: Uint8Array): { decode: () => string; encode: (s: string) => Uint8Array } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { decode: () => text, encode: (s) => new TextEncoder().encode(s) };
  } catch {
    return { decode: () => latin1(bytes), encode: fromLatin1 };
  }
}

const base = (format: Format) => fc.constantFrom(...BASES[format]);
const some = <T>(arb: fc.Arbitrary<Mutation<T>>, max: number) => fc.array(arb, { minLength: 1, maxLength: max });
/** None three times out of four: raw byte damage mostly makes a file unreadable, which hides the layers below. */
const rarely = <T>(arb: fc.Arbitrary<Mutation<T>>, max: number) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: some(arb, max) });

function random(format: Format, signature: string): fc.Arbitrary<FuzzCase> {
  return fc.uint8Array({ maxLength: 8192 }).map((tail) => ({
    format,
    base: 'random',
    steps: [`${JSON.stringify(signature)} + ${tail.length} random bytes`],
    bytes: new Uint8Array(Buffer.concat([Buffer.from(signature, 'latin1'), tail])),
  }));
}

/** A base whose text is mutated, then (maybe) its bytes. */
function textual(format: Format, stringMutation: fc.Arbitrary<Mutation<string>>, max: number): fc.Arbitrary<FuzzCase> {
  return fc.tuple(base(format), some(stringMutation, max), rarely(byteMutation, 1)).map(([b, ms, bs]) => {
    const { decode, encode } = codec(b.bytes);
    const bytes = applyAll(encode(applyAll(decode(), ms)), bs);
    return { format, base: b.name, steps: [...ms, ...bs].map((m) => m.step), bytes };
  });
}

// --- DOCX: the package's entries -------------------------------------------------------------

type Package = Record<string, Uint8Array>;
const entryAt = (p: Package, f: number) => Object.keys(p)[Math.floor(f * Object.keys(p).length)];

/** Mutations of one XML part's text and tags. */
function xmlMutation(): fc.Arbitrary<Mutation<Package>> {
  return fc
    .tuple(
      fc.constantFrom('word/document.xml', 'word/document.xml', 'word/styles.xml', '[Content_Types].xml', 'word/_rels/document.xml.rels'),
      some(fc.oneof(textMutation, markupMutation), 4),
    )
    .map(([name, ms]) => ({
      step: `${name}: ${ms.map((m) => m.step).join('; ')}`,
      apply: (p: Package) => (p[name] ? { ...p, [name]: new TextEncoder().encode(applyAll(new TextDecoder().decode(p[name]), ms)) } : p),
    }));
}

const packageMutation: fc.Arbitrary<Mutation<Package>> = fc.oneof(
  { weight: 4, arbitrary: xmlMutation() },
  fc.tuple(fraction, fc.uint8Array({ maxLength: 256 })).map(([f, v]) => ({
    step: `entry #${f} replaced by ${v.length} random bytes`,
    apply: (p: Package) => ({ ...p, [entryAt(p, f)!]: v }),
  })),
  fraction.map((f) => ({
    step: `entry #${f} dropped`,
    apply: (p: Package) => Object.fromEntries(Object.entries(p).filter(([n]) => n !== entryAt(p, f))),
  })),
  fc
    .tuple(
      fraction,
      fc.constantFrom('WORD/DOCUMENT.XML', 'word\\document.xml', '../word/document.xml', '/word/document.xml', 'word/document.xml ', ''),
    )
    .map(([f, name]) => ({
      step: `entry #${f} renamed ${JSON.stringify(name)}`,
      apply: (p: Package) => {
        const old = entryAt(p, f)!;
        return Object.fromEntries(Object.entries(p).map(([n, v]) => [n === old ? name : n, v]));
      },
    })),
  fc.array(fc.nat(), { minLength: 30, maxLength: 30 }).map((keys) => ({
    step: 'entries reordered',
    apply: (p: Package) =>
      Object.fromEntries(
        Object.entries(p)
          .map((e, i) => ({ e, k: keys[i % keys.length]! }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.e),
      ),
  })),
);

const zipLayout = fc.record({
  level: fc.constantFrom(0 as const, 1 as const, 6 as const, 9 as const),
  comment: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
  extra: fc.boolean(),
});

function docx(): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(base('docx'), some(packageMutation, 3), zipLayout, fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, some(byteMutation, 2)))
    .map(([b, ms, layout, bs]) => {
      const entries = applyAll(unzipSync(b.bytes), ms);
      const zippable: Zippable = {};
      for (const [name, data] of Object.entries(entries)) {
        // an extra field of an unknown id (readers must step over it)
        zippable[name] = [data, { level: layout.level, ...(layout.extra ? { extra: { 51966: new Uint8Array([1, 2, 3]) } } : {}) }];
      }
      const zipped = zipSync(zippable, layout.comment === undefined ? {} : { comment: layout.comment });
      const steps = [
        ...ms.map((m) => m.step),
        `zipped level ${layout.level}${layout.extra ? ' + extra field' : ''}${layout.comment ? ' + comment' : ''}`,
        ...bs.map((m) => m.step),
      ];
      return { format: 'docx' as const, base: b.name, steps, bytes: applyAll(zipped, bs) };
    });
}

// --- PDF: streams, xref, object syntax -------------------------------------------------------

/** Overwrites part of the k-th region between `open` and `close`. */
function inRegion(step: string, open: RegExp, close: string, f: number, g: number, fill: Uint8Array): Mutation<Uint8Array> {
  return {
    step,
    apply: (b) => {
      const s = latin1(b);
      const starts = [...s.matchAll(open)].map((m) => m.index! + m[0].length);
      const start = starts[Math.floor(f * starts.length)];
      if (start === undefined) return b;
      const end = s.indexOf(close, start);
      const from = start + Math.floor(g * Math.max(0, (end === -1 ? s.length : end) - start));
      const out = b.slice();
      out.set(fill.subarray(0, Math.max(0, out.length - from)), from);
      return out;
    },
  };
}

const pdfText = (step: string, edit: (s: string) => string): Mutation<Uint8Array> => ({ step, apply: (b) => fromLatin1(edit(latin1(b))) });
const number = fc.oneof(fc.nat(), fc.constantFrom(-1, 0, 99_999_999, 100_000));

const pdfMutation: fc.Arbitrary<Mutation<Uint8Array>> = fc.oneof(
  fc
    .tuple(fraction, fraction, fc.uint8Array({ minLength: 1, maxLength: 64 }))
    .map(([f, g, v]) => inRegion(`stream #${f} overwritten @${g}`, /stream\r?\n/g, 'endstream', f, g, v)),
  fc
    .tuple(fraction, fraction, fc.uint8Array({ minLength: 1, maxLength: 64 }))
    .map(([f, g, v]) => inRegion(`xref #${f} overwritten @${g}`, /\bxref\b/g, 'trailer', f, g, v)),
  number.map((n) => pdfText(`startxref → ${n}`, (s) => s.replace(/startxref\s+\d+/g, `startxref\n${n}`))),
  fc.constant(pdfText('xref tables removed', (s) => s.replace(/\bxref\b[\s\S]*?trailer/g, 'trailer'))),
  fc
    .tuple(fraction, number)
    .map(([f, n]) => pdfText(`/Length #${f} → ${n}`, (s) => replaceMatch(/\/Length \d+/g, f, () => `/Length ${n}`)(s))),
  fc
    .tuple(fraction, number)
    .map(([f, n]) => pdfText(`/Count #${f} → ${n}`, (s) => replaceMatch(/\/Count \d+/g, f, () => `/Count ${n}`)(s))),
  fc
    .tuple(fraction, fc.constantFrom('', 'obj', 'endobj', 'R', '<<', '>>', '[', ']', '/Type /Page', 'null'))
    .map(([f, t]) =>
      pdfText(`keyword #${f} → ${JSON.stringify(t)}`, (s) =>
        replaceMatch(/\b(endobj|endstream|obj|stream|trailer)\b|<<|>>/g, f, () => t)(s),
      ),
    ),
);

function pdf(): fc.Arbitrary<FuzzCase> {
  return fc.tuple(base('pdf'), some(fc.oneof(pdfMutation, pdfMutation, byteMutation), 3)).map(([b, ms]) => ({
    format: 'pdf' as const,
    base: b.name,
    steps: ms.map((m) => m.step),
    bytes: applyAll(b.bytes, ms),
  }));
}

/** The fuzz cases of each format. */
export const CASES: Record<Format, fc.Arbitrary<FuzzCase>> = {
  text: fc.oneof({ weight: 1, arbitrary: random('text', '') }, { weight: 8, arbitrary: textual('text', textMutation, 4) }),
  html: fc.oneof(
    { weight: 1, arbitrary: random('html', '<html>') },
    { weight: 8, arbitrary: textual('html', fc.oneof(textMutation, markupMutation, markupMutation), 5) },
  ),
  docx: fc.oneof({ weight: 1, arbitrary: random('docx', 'PK\u0003\u0004') }, { weight: 8, arbitrary: docx() }),
  pdf: fc.oneof({ weight: 1, arbitrary: random('pdf', '%PDF-1.7\n') }, { weight: 8, arbitrary: pdf() }),
};
