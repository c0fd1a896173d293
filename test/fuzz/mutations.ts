/**
 * Mutations as fast-check arbitraries. Each yields a step (a short description, printed with a
 * failing case) and a pure function applied to the input. Positions are fractions of the input,
 * so one mutation applies to any base. Inserted runs stay short (a few hundred characters): the
 * long-line and long-tab-run defects of issue 18 are covered by the resource-limit tests.
 */
import fc from 'fast-check';

export interface Mutation<T> {
  step: string;
  apply: (input: T) => T;
}

/** A position in [0, 1). */
export const fraction = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);
export const at = (f: number, length: number) => Math.floor(f * length);
export const mutation = <T>(step: string, apply: (input: T) => T): Mutation<T> => ({ step, apply });

/** Applies the mutations in order; the steps say what was done. */
export function applyAll<T>(input: T, mutations: readonly Mutation<T>[]): T {
  return mutations.reduce((x, m) => m.apply(x), input);
}

// --- lines ---------------------------------------------------------------------------------------

function onLines(f: number, count: number, edit: (lines: string[], from: number, n: number) => void) {
  return (s: string) => {
    const lines = s.split('\n');
    edit(lines, at(f, lines.length), Math.min(count, lines.length));
    return lines.join('\n');
  };
}

const lineMutations: fc.Arbitrary<Mutation<string>>[] = [
  fc.tuple(fraction, fc.integer({ min: 1, max: 20 })).map(([f, n]) =>
    mutation(
      `delete ${n} lines @${f}`,
      onLines(f, n, (l, from, k) => l.splice(from, k)),
    ),
  ),
  fc.tuple(fraction, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 3 })).map(([f, n, times]) =>
    mutation(
      `duplicate ${n} lines ×${times} @${f}`,
      onLines(f, n, (l, from, k) => l.splice(from, 0, ...Array.from({ length: times }, () => l.slice(from, from + k)).flat())),
    ),
  ),
  fc.tuple(fraction, fc.array(fc.nat(), { minLength: 2, maxLength: 30 })).map(([f, keys]) =>
    mutation(
      `shuffle ${keys.length} lines @${f}`,
      onLines(f, keys.length, (l, from, k) => {
        const segment = l.slice(from, from + k).map((line, i) => ({ line, key: keys[i]! }));
        segment.sort((a, b) => a.key - b.key);
        l.splice(from, segment.length, ...segment.map((x) => x.line));
      }),
    ),
  ),
  fc.tuple(fraction, fc.integer({ min: 2, max: 50 })).map(([f, n]) =>
    mutation(
      `join ${n} lines @${f}`,
      onLines(f, n, (l, from, k) => l.splice(from, k, l.slice(from, from + k).join(''))),
    ),
  ),
];

// --- characters, cells and labels ------------------------------------------------------------

const SEPARATORS = ['\t', '|', '｜', '（', '）', '　', ' ', '\r', '\r\n', '\u0000', '\ufeff', '\u200b', '&nbsp;', '—', '-', '：', '\n\n'];
const VALUES = [
  '',
  '0',
  '-1',
  '—',
  '/',
  '无',
  '１２',
  '1.5',
  '1,234',
  '1e9',
  '99999999999999999999',
  '0x10',
  'NaN',
  '12 34',
  '十二',
  '(3)',
  '%',
];
const LABELS = [
  '合计',
  '总计',
  '自然人',
  '法人或其他组织',
  '本年新收政府信息公开申请数量',
  '三、收到和处理政府信息公开申请情况',
  '予以公开',
  '其他',
  '一',
  '（一）',
  '2021年',
  '',
];
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...SEPARATORS), maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), maxLength: 12 }),
  fc.constantFrom(...VALUES, ...LABELS),
);

/** Replaces the k-th match of `pattern` (k a fraction of the matches) with `by`. */
export function replaceMatch(pattern: RegExp, f: number, by: (old: string) => string) {
  return (s: string) => {
    const matches = [...s.matchAll(pattern)];
    const m = matches[at(f, matches.length)];
    if (!m || m.index === undefined) return s;
    return s.slice(0, m.index) + by(m[0]) + s.slice(m.index + m[0].length);
  };
}

const charMutations: fc.Arbitrary<Mutation<string>>[] = [
  fraction.map((f) => mutation(`truncate @${f}`, (s: string) => s.slice(0, at(f, s.length)))),
  fc
    .tuple(fraction, text)
    .map(([f, t]) =>
      mutation(`insert ${JSON.stringify(t)} @${f}`, (s: string) => s.slice(0, at(f, s.length)) + t + s.slice(at(f, s.length))),
    ),
  fc
    .tuple(fraction, fc.integer({ min: 1, max: 200 }))
    .map(([f, n]) => mutation(`delete ${n} chars @${f}`, (s: string) => s.slice(0, at(f, s.length)) + s.slice(at(f, s.length) + n))),
  fc.tuple(fraction, text).map(([f, t]) =>
    mutation(
      `cell #${f} → ${JSON.stringify(t)}`,
      replaceMatch(/\d+/g, f, () => t),
    ),
  ),
  fc.tuple(fraction, text).map(([f, t]) =>
    mutation(
      `label #${f} → ${JSON.stringify(t)}`,
      replaceMatch(/[\u4e00-\u9fff]+/g, f, () => t),
    ),
  ),
  fraction.map((f) =>
    mutation(
      `label #${f} cut in half`,
      replaceMatch(/[\u4e00-\u9fff]{2,}/g, f, (old) => old.slice(0, old.length >> 1)),
    ),
  ),
];

/** Cells and labels replaced by other values and labels (no markup characters): what a report's author gets wrong. */
export const valueMutation: fc.Arbitrary<Mutation<string>> = fc.constantFrom(...VALUES, ...LABELS).chain((t) =>
  fraction.chain((f) =>
    fc.constantFrom(
      mutation(
        `cell #${f} → ${JSON.stringify(t)}`,
        replaceMatch(/\d+/g, f, () => t),
      ),
      mutation(
        `label #${f} → ${JSON.stringify(t)}`,
        replaceMatch(/[\u4e00-\u9fff]+/g, f, () => t),
      ),
    ),
  ),
);

/** Line, character, cell and label mutations of a text. */
export const textMutation: fc.Arbitrary<Mutation<string>> = fc.oneof(...lineMutations, ...charMutations);

// --- bytes -----------------------------------------------------------------------------------

/** Byte-level damage: overwritten, deleted or repeated runs, truncation. */
export const byteMutation: fc.Arbitrary<Mutation<Uint8Array>> = fc.oneof(
  fraction.map((f) => mutation<Uint8Array>(`truncate bytes @${f}`, (b: Uint8Array) => b.slice(0, at(f, b.length)))),
  fc.tuple(fraction, fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([f, v]) =>
    mutation<Uint8Array>(`overwrite ${v.length} bytes @${f}`, (b: Uint8Array) => {
      const out = b.slice();
      out.set(v.subarray(0, Math.max(0, out.length - at(f, out.length))), at(f, out.length));
      return out;
    }),
  ),
  fc.tuple(fraction, fc.integer({ min: 1, max: 512 })).map(([f, n]) =>
    mutation<Uint8Array>(`delete ${n} bytes @${f}`, (b: Uint8Array) => {
      const i = at(f, b.length);
      return Buffer.concat([b.subarray(0, i), b.subarray(i + n)]);
    }),
  ),
  fc.tuple(fraction, fc.integer({ min: 1, max: 512 })).map(([f, n]) =>
    mutation<Uint8Array>(`repeat ${n} bytes @${f}`, (b: Uint8Array) => {
      const i = at(f, b.length);
      return Buffer.concat([b.subarray(0, i + n), b.subarray(i)]);
    }),
  ),
);
