/**
 * PDF text items → lines (by baseline) and the pieces of a line (runs separated by wide gaps).
 * Coordinates are PDF user space (y grows upwards).
 */

import type { Source } from '../report/model.ts';

/** A block or cell location: page, x, and y measured from the top of the page. */
export function source(page: number, height: number, x: number | undefined, top: number): Source {
  return { page, ...(x !== undefined ? { x: Math.round(x * 10) / 10 } : {}), y: Math.round((height - top) * 10) / 10 };
}

export interface TextItem {
  str: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  size: number;
}

/** A table value: a number, "/" (not applicable), a dash or 无. */
export const NUMBER = /^([-+]?\d[\d,，]*(\.\d+)?|\/|[—–-]{1,2}|无)$/;
/** Text that opens a numbered item or heading: never the continuation of a paragraph or cell. */
export const STARTS_ITEM = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])/;

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;
/** Joins two pieces of one logical text: no space between CJK, one space elsewhere. */
export function joinPieces(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return CJK.test(a.slice(-1)) || CJK.test(b[0]!) ? a + b : `${a} ${b}`;
}

export interface Line {
  items: TextItem[];
  y: number;
  size: number;
  x1: number;
  x2: number;
  text: string;
}

/** Drops glyph runs painted twice at (almost) the same place — the "fake bold" of some producers. */
export function dedupe(items: TextItem[]): TextItem[] {
  // Buckets by text, then by position in 2-unit squares (a number key, not a built string: this
  // runs per glyph run). A twin lies within 1.5 units, so in the same or a neighbouring square.
  const seen = new Map<string, Map<number, TextItem[]>>();
  const cell = (x: number, y: number): number => x * 1_000_003 + y;
  const out: TextItem[] = [];
  for (const item of items) {
    const bx = Math.floor(item.x / 2);
    const by = Math.floor(item.y / 2);
    let buckets = seen.get(item.str);
    if (!buckets) seen.set(item.str, (buckets = new Map()));
    let twin = false;
    for (let dx = -1; dx <= 1 && !twin; dx++) {
      for (let dy = -1; dy <= 1 && !twin; dy++) {
        const bucket = buckets.get(cell(bx + dx, by + dy));
        if (bucket) twin = bucket.some((o) => Math.abs(o.x - item.x) < 1.5 && Math.abs(o.y - item.y) < 1.5);
      }
    }
    if (twin) continue;
    const k = cell(bx, by);
    const bucket = buckets.get(k);
    if (bucket) bucket.push(item);
    else buckets.set(k, [item]);
    out.push(item);
  }
  return out;
}

/** Items → lines by baseline, left to right; a wide gap inside a line becomes one space. */
export function toLines(items: TextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const item of sorted) {
    // Lines start in descending y, none below the item: those within reach are a suffix; the
    // item joins the first of them.
    const reach = Math.max(1.5, item.size * 0.3);
    let k = lines.length;
    while (k > 0 && lines[k - 1]![0]!.y - item.y <= reach) k--;
    const line = lines[k];
    if (line) line.push(item);
    else lines.push([item]);
  }
  return lines
    .map((l) => {
      l.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const it of l) {
        if (text !== '' && it.x - end > it.size * 0.8) text += ' ';
        text += it.str;
        end = Math.max(end, it.x + it.width);
      }
      // the size of most of the line's characters (a digit run may be set a little larger)
      const bySize = new Map<number, number>();
      for (const i of l) bySize.set(i.size, (bySize.get(i.size) ?? 0) + i.str.length);
      const size = [...bySize.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
      return { items: l, y: l[0]!.y, size, x1: l[0]!.x, x2: end, text: text.trim() };
    })
    .filter((l) => l.text !== '')
    .sort((a, b) => b.y - a.y);
}

/** Pieces of a line separated by gaps wider than one character (cells of an unruled table). */
export function pieces(line: Line): { x: number; end: number; text: string }[] {
  const out: { x: number; text: string; end: number }[] = [];
  for (const it of line.items) {
    const last = out[out.length - 1];
    if (last && it.x - last.end <= it.size) {
      last.text = joinPieces(last.text, it.str.trim());
      last.end = it.x + it.width;
    } else if (it.str.trim() !== '') out.push({ x: it.x, text: it.str.trim(), end: it.x + it.width });
  }
  return out;
}
