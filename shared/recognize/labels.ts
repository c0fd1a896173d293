/**
 * Matching labels of the Document's table cells onto the template (docs/template.md "Reading a cell": rows of table 二
 * and 三, columns by their position in the concatenated header text.
 */
import { minOf, pushAll } from '../report/arrays.ts';
import { normalizeLabel, stripAnnotation, toSimplified } from '../report/normalize.ts';
import { type Column, EDITIONS, type Edition, T2, T3_GROUP_LABELS, T3_ROWS, type T3Group, type TableId } from '../report/template.ts';

/** A label without its enumeration prefix: `(一)予以公开` → `予以公开`, `1.属于…` → `属于…`. */
export function bare(n: string): string {
  return n.replace(/^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+\.)/, '');
}

/** True when the raw text differs from the canonical label beyond punctuation width (spaces, script). */
export function isVariantText(raw: string, canonical: string): boolean {
  return unify(raw) !== unify(canonical);
}
function unify(text: string): string {
  // Whitespace is never a difference (a cell's line wrap splits `商业 企业`, `本年新 制作数量`),
  // nor is the script (a Traditional mirror's 申請人 is the template's 申请人).
  return toSimplified(text.normalize('NFKC'))
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”"]/g, '"')
    .replace(/^(\d+)\s*[、.]\s*/, '$1.')
    .replace(/^(\([一二三四五六七八九十]+\))\s+/, '$1');
}

export type Via = 'exact' | 'normalized' | 'alias' | 'partial' | 'misspelled';

export interface RowMatch {
  key: string;
  canonical: string;
  via: Via;
}

interface Candidate {
  key: string;
  canonical: string;
  forms: { n: string; alias: boolean }[];
}

function forms(label: string, aliases: readonly string[] = []): { n: string; alias: boolean }[] {
  const out: { n: string; alias: boolean }[] = [];
  for (const [l, alias] of [[label, false] as const, ...aliases.map((a) => [a, true] as const)]) {
    const n = normalizeLabel(l);
    out.push({ n, alias });
    const s = stripAnnotation(n);
    if (s !== n) out.push({ n: s, alias });
  }
  return out;
}

function matchIn(cands: readonly Candidate[], raw: string): RowMatch | undefined {
  const n = normalizeLabel(raw);
  const s = stripAnnotation(n);
  for (const c of cands) {
    for (const f of c.forms) {
      if (f.n === n || f.n === s) {
        const via: Via = f.alias ? 'alias' : isVariantText(raw, c.canonical) ? 'normalized' : 'exact';
        return { key: c.key, canonical: c.canonical, via };
      }
    }
  }
  const b = bare(s);
  if (b.length >= 4) {
    for (const c of cands) if (c.forms.some((f) => bare(f.n) === b)) return { key: c.key, canonical: c.canonical, via: 'partial' };
  }
  // Truncated or wrapped labels: containment, accepted when exactly one row fits.
  if (s.length >= 4) {
    let hit: Candidate | undefined;
    let count = 0;
    for (const c of cands) {
      if (c.forms.some((f) => f.n.startsWith(s) || (s.startsWith(f.n) && f.n.length >= 4))) {
        if (hit !== c) count++;
        hit = c;
      }
    }
    if (hit && count === 1) return { key: hit.key, canonical: hit.canonical, via: 'partial' };
  }
  return misspelled(cands, s);
}

const ENUMERATOR = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+\.)/;

/** Levenshtein distance (labels are short: a plain table). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

/**
 * A misspelled or garbled label (`2.其他法律行政止公开`): the row with the same enumerator whose
 * label is nearest, when it is near (a third of the label at most) and no other row is as near.
 */
function misspelled(cands: readonly Candidate[], s: string): RowMatch | undefined {
  const prefix = ENUMERATOR.exec(s)?.[0];
  const b = bare(s);
  if (!prefix) return oneCharOff(cands, b);
  if (b.length < 4) return undefined;
  const scored = cands
    .filter((c) => c.forms.some((f) => !f.alias && f.n.startsWith(prefix)))
    .map((c) => ({ c, d: minOf(c.forms.filter((f) => f.n.startsWith(prefix)).map((f) => distance(bare(f.n), b))) }))
    .sort((x, y) => x.d - y.d);
  const best = scored[0];
  if (!best || best.d > Math.floor(b.length / 3) || (scored[1] && scored[1].d - best.d < 2)) return undefined;
  return { key: best.c.key, canonical: best.c.canonical, via: 'misspelled' };
}

/**
 * A label without an enumerator printed with one character wrong (`行政事业型收费`): the one row
 * whose label (five characters or more) differs from it in exactly one character.
 */
function oneCharOff(cands: readonly Candidate[], b: string): RowMatch | undefined {
  if (b.length < 5) return undefined;
  const near = cands.filter((c) =>
    c.forms.some((f) => {
      const l = bare(f.n);
      return l.length === b.length && distance(l, b) === 1;
    }),
  );
  return near.length === 1 ? { key: near[0]!.key, canonical: near[0]!.canonical, via: 'misspelled' } : undefined;
}

// ---- table 二 -------------------------------------------------------------------------------

const T2_ROWS = new Map<TableId, { edition: Edition; cands: Candidate[] }[]>();
for (const ed of EDITIONS) {
  for (const sub of T2[ed]) {
    const list = T2_ROWS.get(sub.id) ?? [];
    list.push({ edition: ed, cands: sub.rows.map((r) => ({ key: r.key, canonical: r.label, forms: forms(r.label, r.aliases) })) });
    T2_ROWS.set(sub.id, list);
  }
}

/** A table-二 row label in a sub-table: the edition's row, or (with `otherEdition`) the other edition's. */
export function matchT2Row(id: TableId, edition: Edition, raw: string): (RowMatch & { otherEdition: boolean }) | undefined {
  const list = T2_ROWS.get(id) ?? [];
  const own = list.find((l) => l.edition === edition);
  const m = own ? matchIn(own.cands, raw) : undefined;
  if (m) return { ...m, otherEdition: false };
  for (const l of list) {
    if (l.edition === edition) continue;
    const o = matchIn(l.cands, raw);
    if (o) return { ...o, otherEdition: true };
  }
  return undefined;
}

// ---- table 三 -------------------------------------------------------------------------------

const T3_CANDS: Record<Edition, Candidate[]> = {
  '2019': T3_ROWS['2019'].map((r) => ({ key: r.key, canonical: r.label, forms: forms(r.label, r.aliases) })),
  '2021': T3_ROWS['2021'].map((r) => ({ key: r.key, canonical: r.label, forms: forms(r.label, r.aliases) })),
};
const T3_ALL: Candidate[] = [...T3_CANDS['2021'], ...T3_CANDS['2019'].filter((c) => c.key === 'other')];
const GROUPS: { group: T3Group; n: string }[] = (Object.entries(T3_GROUP_LABELS) as [T3Group, string][]).map(([group, l]) => ({
  group,
  n: normalizeLabel(l),
}));

/** A table-三 data row (either edition; `other` is the 2019 single row （六）其他处理). */
const t3Cache = new Map<string, RowMatch | null>();
export function matchT3Row(raw: string): RowMatch | undefined {
  let hit = t3Cache.get(raw);
  if (hit === undefined) {
    hit = matchIn(T3_ALL, raw) ?? null;
    if (t3Cache.size > 20000) t3Cache.clear();
    t3Cache.set(raw, hit);
  }
  return hit ?? undefined;
}

/** A table-三 group label （三）不予公开 … （六）其他处理 (spaces and split cells tolerated). */
export function matchT3Group(raw: string): T3Group | undefined {
  const n = normalizeLabel(raw);
  for (const g of GROUPS) if (g.n === n || (bare(n) === bare(g.n) && bare(n).length >= 4)) return g.group;
  return undefined;
}

/** Table 三 row labels by edition, for C-ROW-MISSING-style bookkeeping. */
export function t3RowKeys(edition: Edition): string[] {
  return T3_CANDS[edition].map((c) => c.key);
}

// ---- columns --------------------------------------------------------------------------------

export interface HeaderCell {
  raw: string;
  n: string;
}

export interface ColumnHit {
  key: string;
  label: string;
  /** Position in the concatenated header text. */
  at: number;
  end: number;
  /** Set when found only through an alias or across split cells/spaces. */
  found?: string;
}

/** Finds template columns in the header cells (concatenated, so split words still match). */
export function findColumns(columns: readonly Column[], header: readonly HeaderCell[], text: string): ColumnHit[] {
  const hits: ColumnHit[] = [];
  for (const c of columns) {
    let best: { at: number; len: number; alias: boolean } | undefined;
    for (const f of forms(c.label, c.aliases)) {
      let at = text.indexOf(f.n);
      while (at !== -1 && hits.some((h) => at < h.end && at + f.n.length > h.at)) at = text.indexOf(f.n, at + 1);
      if (at !== -1 && (!best || f.n.length > best.len)) best = { at, len: f.n.length, alias: f.alias };
    }
    if (!best) continue;
    const hit: ColumnHit = { key: c.key, label: c.label, at: best.at, end: best.at + best.len };
    const piece = text.slice(hit.at, hit.end);
    const single = header.find((h) => h.n === piece || stripAnnotation(h.n) === piece);
    if (best.alias) hit.found = single?.raw ?? piece;
    else if (!single) {
      // The cells the match runs across (split header words).
      const pieces: string[] = [];
      let pos = 0;
      for (const h of header) {
        const end = pos + h.n.length;
        if (end > hit.at && pos < hit.end) pieces.push(h.raw);
        pos = end;
      }
      // Split only by whitespace or cell breaks (a line wrap), the label is the template's own.
      if (pieces.length > 0 && isVariantText(pieces.join(''), c.label)) hit.found = pieces.join(' ');
    } else if (isVariantText(single.raw, c.label) && isVariantText(single.raw, stripAnnotation(normalizeLabel(c.label)))) {
      hit.found = single.raw;
    }
    hits.push(hit);
  }
  for (const c of columns) if (!hits.some((h) => h.key === c.key)) pushAll(hits, misspelledColumn(c, text, hits));
  return hits.sort((a, b) => a.at - b.at);
}

/**
 * A column whose label is printed with one character wrong (`先行有效件数`, `本年废纸件数`): the
 * one place in the header, outside the columns found, that differs from the label (five
 * characters or more) in exactly one character. Anything else: not found.
 */
function misspelledColumn(c: Column, text: string, hits: readonly ColumnHit[]): ColumnHit[] {
  const label = normalizeLabel(c.label);
  if (label.length < 5) return [];
  const places: number[] = [];
  for (let at = 0; at + label.length <= text.length; at++) {
    if (hits.some((h) => at < h.end && at + label.length > h.at)) continue;
    if (distance(text.slice(at, at + label.length), label) === 1) places.push(at);
  }
  if (places.length !== 1) return [];
  const at = places[0]!;
  return [{ key: c.key, label: c.label, at, end: at + label.length, found: text.slice(at, at + label.length) }];
}
