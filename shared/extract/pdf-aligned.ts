/**
 * Tables without ruling lines: runs of lines whose pieces stand apart (wide gaps) and that carry
 * numbers. Columns come from the "rivers" of white space between the pieces of the number rows;
 * every number row or header row is a row of the table, and one-piece lines in between (labels
 * wrapped inside their cell) join the nearest row in their column.
 */
import type { Cell } from '../report/model.ts';
import type { PageGeometry, PlacedBlock } from './pdf-layout.ts';
import { type Line, NUMBER, joinPieces, pieces, source } from './pdf-text.ts';

/** At most this many one-piece lines in a row inside a table. */
const MAX_FRAGMENTS = 3;
const FRAGMENT_MAX_CHARS = 20;

interface Info {
  line: Line;
  pieces: { x: number; end: number; text: string }[];
  numbers: number;
}

/** Column boundaries (x) from the white space between the pieces of the number rows. */
function boundaries(rows: Info[]): number[] {
  const spans: [number, number][] = [];
  for (const r of rows) {
    const words = r.pieces.filter((p) => !NUMBER.test(p.text));
    for (const p of r.pieces) if (NUMBER.test(p.text) || words.length >= 2) spans.push([p.x, p.end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const cuts = merged.slice(1).map(([a], i) => (merged[i]![1] + a) / 2);
  // labels written left of the first number column get a column of their own
  const firstNumber = Math.min(...rows.flatMap((r) => r.pieces.filter((p) => NUMBER.test(p.text)).map((p) => p.x)));
  const labelsLeft = rows.some((r) => r.pieces.some((p) => !NUMBER.test(p.text) && p.end < firstNumber));
  if (labelsLeft && Number.isFinite(firstNumber) && !cuts.some((c) => c <= firstNumber && c > firstNumber - 20)) {
    const labelEnd = Math.max(...rows.flatMap((r) => r.pieces.filter((p) => p.end < firstNumber).map((p) => p.end)));
    cuts.push((labelEnd + firstNumber) / 2);
    cuts.sort((a, b) => a - b);
  }
  return cuts;
}

function build(region: Info[], geo: PageGeometry): PlacedBlock {
  const data = region.filter((r) => r.numbers >= 1 && (r.pieces.length >= 2 || r.numbers >= 2));
  const cuts = boundaries(data.length > 0 ? data : region);
  const width = cuts.length + 1;
  const column = (p: { x: number; end: number }): number => {
    const center = (p.x + p.end) / 2;
    let c = 0;
    while (c < cuts.length && center > cuts[c]!) c++;
    return c;
  };
  // rows: number lines; header lines before them; other lines with several pieces only when they
  // stand a full line apart from the number lines (a label wrapped in its cell sits closer)
  const numeric = region.filter((r) => r.numbers >= 1);
  const firstNumber = numeric[0]?.line.y ?? -Infinity;
  const distance = (r: Info): number => Math.min(...numeric.map((n) => Math.abs(n.line.y - r.line.y)));
  const anchors = region.filter(
    (r) => r.numbers >= 1 || (r.pieces.length >= 2 && (r.line.y > firstNumber || distance(r) >= r.line.size * 1.3)),
  );
  const rows = anchors.map((r) => ({ top: r.line.y, size: r.line.size, texts: Array.from({ length: width }, () => '') }));
  // every line writes into the nearest row (its own, for anchors; wrapped label lines join a neighbour)
  for (const info of region) {
    const row = rows.reduce((best, r) => (Math.abs(r.top - info.line.y) < Math.abs(best.top - info.line.y) ? r : best), rows[0]!);
    for (const p of info.pieces) {
      const c = column(p);
      row.texts[c] = joinPieces(row.texts[c]!, p.text);
    }
  }
  const lefts = [region[0]!.pieces[0]?.x ?? 0, ...cuts];
  const grid: Cell[][] = rows.map((r) =>
    r.texts.map((text, c) => ({ text, source: source(geo.page, geo.height, lefts[c], r.top + r.size) })),
  );
  const top = region[0]!.line.y + region[0]!.line.size;
  return { block: { kind: 'table', rows: grid, source: source(geo.page, geo.height, lefts[0], top) }, top };
}

/** Finds the unruled tables among the lines; returns them and the lines that are not in a table. */
export function alignedTables(lines: Line[], geo: PageGeometry): { blocks: PlacedBlock[]; lines: Line[] } {
  const info: Info[] = lines.map((line) => {
    const p = pieces(line);
    return { line, pieces: p, numbers: p.filter((x) => NUMBER.test(x.text)).length };
  });
  const blocks: PlacedBlock[] = [];
  const used = new Set<Line>();
  let i = 0;
  while (i < info.length) {
    if (info[i]!.pieces.length < 2) {
      i++;
      continue;
    }
    const size = info[i]!.line.size;
    let j = i;
    let last = i;
    while (j + 1 < info.length) {
      const next = info[j + 1]!;
      if (Math.abs(next.line.size - size) > 0.6 || info[j]!.line.y - next.line.y > size * 3) break;
      if (next.pieces.length >= 2) last = ++j;
      else if (next.line.text.length <= FRAGMENT_MAX_CHARS && j + 1 - last <= MAX_FRAGMENTS) j++;
      else break;
    }
    const region = info.slice(i, last + 1);
    const tabular = region.filter((r) => r.pieces.length >= 2).length;
    const numbers = region.reduce((n, r) => n + r.numbers, 0);
    if (tabular >= 3 && numbers >= 4) {
      blocks.push(build(region, geo));
      for (const r of region) used.add(r.line);
      i = last + 1;
    } else i++;
  }
  return { blocks, lines: lines.filter((l) => !used.has(l)) };
}
