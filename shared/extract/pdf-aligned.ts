/**
 * Tables without ruling lines: runs of lines whose pieces stand apart (wide gaps) and that carry
 * numbers. Columns come from the "rivers" of white space between the pieces of the number rows;
 * every number row or header row is a row of the table, and so is a title line across the number
 * columns. A label wrapped over several lines of its cell goes whole into the row it stands
 * beside; other one-piece lines join the nearest row. A column used only by values centered under
 * a two-column header is folded into its neighbours. A table cut by a page break keeps the
 * columns of its first part (pdf.ts asks for its other parts again on them: `recut`), and a part
 * too small for a table of its own at the top or bottom of a page is `tentative`.
 */
import { maxOf, minOf } from '../report/arrays.ts';
import type { Cell } from '../report/model.ts';
import type { AlignedColumns, PageGeometry, PlacedBlock } from './pdf-layout.ts';
import { joinPieces, type Line, NUMBER, pieces, STARTS_ITEM, source } from './pdf-text.ts';

/** At most this many one-piece lines in a row inside a table. */
const MAX_FRAGMENTS = 3;
const FRAGMENT_MAX_CHARS = 20;

type Piece = { x: number; end: number; text: string; line: Info };
interface Info {
  line: Line;
  pieces: Piece[];
  numbers: number;
}

/**
 * The label cells left of the number columns, as chains of pieces top to bottom: a piece goes on
 * in the next line of its column when it reaches the column's right boundary (the text wrapped)
 * and the next piece does not start a numbered item.
 */
function labelChains(region: Info[], cuts: number[], numberColumn: number, column: (x: number) => number): Piece[][] {
  const chains: Piece[][] = [];
  const open = new Map<number, Piece[]>();
  for (const info of region) {
    const size = info.line.size;
    for (const p of info.pieces) {
      const c = column((p.x + p.end) / 2);
      if (c >= numberColumn || NUMBER.test(p.text)) continue;
      const chain = open.get(c);
      const last = chain?.[chain.length - 1];
      if (chain && last && last.line.line.y - info.line.y <= size * 1.5 && last.end >= cuts[c]! - size * 1.5 && !STARTS_ITEM.test(p.text)) {
        chain.push(p);
      } else {
        const fresh = [p];
        chains.push(fresh);
        open.set(c, fresh);
      }
    }
  }
  return chains;
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
  const firstNumber = minOf(rows.flatMap((r) => r.pieces.filter((p) => NUMBER.test(p.text)).map((p) => p.x)));
  const labelsLeft = rows.some((r) => r.pieces.some((p) => !NUMBER.test(p.text) && p.end < firstNumber));
  if (labelsLeft && Number.isFinite(firstNumber) && !cuts.some((c) => c <= firstNumber && c > firstNumber - 20)) {
    const labelEnd = maxOf(rows.flatMap((r) => r.pieces.filter((p) => p.end < firstNumber).map((p) => p.end)));
    cuts.push((labelEnd + firstNumber) / 2);
    cuts.sort((a, b) => a - b);
  }
  return cuts;
}

/** The number rows fit the cuts: no number straddles a cut, no two pieces of a row share a column. */
function fits(data: Info[], cuts: number[], column: (p: { x: number; end: number }) => number): boolean {
  return data.every((r) => {
    const columns = r.pieces.map(column);
    const straddles = r.pieces.some((p) => NUMBER.test(p.text) && cuts.some((c) => p.x < c && p.end > c));
    return !straddles && columns.every((c, i) => i === 0 || c > columns[i - 1]!);
  });
}

/**
 * The table of one region; `given` columns (of the same table's part on the page before or after)
 * are used when the region's rows fit them, else undefined. `fromBefore`: the part goes on from
 * the page before.
 * Long on purpose: column finding, row building and the continued-table fit are one pass over the
 * region's items.
 */
function build(region: Info[], geo: PageGeometry, given?: AlignedColumns, fromBefore = false): PlacedBlock | undefined {
  const data = region.filter((r) => r.numbers >= 1 && (r.pieces.length >= 2 || r.numbers >= 2));
  const cuts = given?.cuts ?? boundaries(data.length > 0 ? data : region);
  const width = cuts.length + 1;
  const column = (x: number): number => {
    let c = 0;
    while (c < cuts.length && x > cuts[c]!) c++;
    return c;
  };
  // header lines only (the head of a table going on on the next page): no two pieces of a line in one column
  const fitting = data.length > 0 ? data : region.filter((r) => r.numbers === 0);
  if (given && (fitting.length === 0 || !fits(fitting, cuts, (p) => column((p.x + p.end) / 2)))) return undefined;
  // rows: number lines; header lines before them; other lines with several pieces only when they
  // stand a full line apart from the number lines (a label wrapped in its cell sits closer), and
  // so do one-piece lines across a column boundary (a title row over the columns, 第二十条第（五）项)
  const numeric = region.filter((r) => r.numbers >= 1);
  const firstNumber = numeric[0]?.line.y ?? -Infinity;
  const distance = (r: Info): number => minOf(numeric.map((n) => Math.abs(n.line.y - r.line.y)));
  // label columns: left of the first number (the page before's, for a part continued from there)
  const labels = given?.labels ?? column(minOf(data.flatMap((r) => r.pieces.filter((p) => NUMBER.test(p.text)).map((p) => p.x))));
  const across = (r: Info): boolean =>
    r.pieces.length === 1 && cuts.some((c, k) => k >= labels && r.pieces[0]!.x < c - 1 && r.pieces[0]!.end > c + 1);
  const chains = labelChains(region, cuts, labels, column);
  const continued = new Set(chains.flatMap((chain) => chain.slice(1).map((p) => p.line)));
  const anchors = region.filter(
    (r) =>
      r.numbers >= 1 ||
      ((r.pieces.length >= 2 || across(r)) && (r.line.y > firstNumber || (distance(r) >= r.line.size * 1.3 && !continued.has(r)))),
  );
  const isAnchor = new Set(anchors);
  const rows = anchors.map((r) => ({ top: r.line.y, size: r.line.size, texts: Array.from({ length: width }, () => '') }));
  const nearest = (y: number, among = rows): (typeof rows)[number] =>
    among.reduce((best, r) => (Math.abs(r.top - y) < Math.abs(best.top - y) ? r : best), among[0]!);
  // a label wrapped over several lines goes whole into the row it stands beside (the row whose
  // line lies within it, nearest its middle); other pieces go into the nearest row
  const target = new Map<Piece, (typeof rows)[number]>();
  for (const chain of chains) {
    if (chain.length < 2) continue;
    // lines of a header each make their own row: only a label beside at most one row goes whole
    if (new Set(chain.flatMap((p) => (isAnchor.has(p.line) ? [p.line] : []))).size > 1) continue;
    const [high, low] = [chain[0]!.line.line.y, chain[chain.length - 1]!.line.line.y];
    const margin = chain[0]!.line.line.size * 0.6;
    const beside = rows.filter((r) => r.top <= high + margin && r.top >= low - margin);
    const row = nearest((high + low) / 2, beside.length > 0 ? beside : rows);
    for (const p of chain) target.set(p, row);
  }
  // continued from the page before: a label at the top of the page that goes on from there (it
  // starts no item and stands above the first row) belongs to the last row of that page
  const carry = Array.from({ length: width }, () => '');
  const carried = new Set<Piece>();
  for (const chain of fromBefore ? chains : []) {
    const head = chain[0]!;
    const low = chain[chain.length - 1]!.line.line.y;
    if (head.line !== region[0] || STARTS_ITEM.test(head.text) || isAnchor.has(head.line) || low < rows[0]!.top + head.line.line.size * 0.6)
      continue;
    for (const p of chain) carried.add(p);
    const c = column((head.x + head.end) / 2);
    carry[c] = chain.reduce((text, p) => joinPieces(text, p.text), carry[c]!);
  }
  for (const info of region) {
    for (const p of info.pieces) {
      if (carried.has(p)) continue;
      const row = target.get(p) ?? nearest(info.line.y);
      const c = column((p.x + p.end) / 2);
      row.texts[c] = joinPieces(row.texts[c]!, p.text);
    }
  }
  const between =
    given?.between ??
    betweenColumns(
      rows.map((r) => r.texts),
      labels,
    );
  const lefts = [region[0]!.pieces[0]?.x ?? 0, ...cuts].filter((_, c) => !between.includes(c));
  const grid: Cell[][] = rows.map((r) =>
    collapse(r.texts, between).map((cell, c) => ({ ...cell, source: source(geo.page, geo.height, lefts[c], r.top + r.size) })),
  );
  const top = region[0]!.line.y + region[0]!.line.size;
  const carryRow = collapse(carry, between).map((c) => (c.span ? '' : c.text));
  return {
    block: { kind: 'table', rows: grid, source: source(geo.page, geo.height, lefts[0], top) },
    top,
    aligned: { cuts, labels, between },
    ...(given ? {} : { recut: (other: AlignedColumns, goesOn: boolean) => build(region, geo, other, goesOn) }),
    ...(carryRow.some((t) => t !== '') ? { carry: carryRow } : {}),
  };
}

/**
 * Columns that only cells spanning two columns use (a value centered under a header over two
 * columns, as in table 二's 第二十条第（八）项 of the 2019 template): no row has text both in such a
 * column and in a neighbour, and both neighbours hold more rows' text.
 */
function betweenColumns(texts: string[][], labels: number): number[] {
  const width = texts[0]?.length ?? 0;
  const count = (c: number): number => texts.filter((t) => t[c] !== '').length;
  const out: number[] = [];
  for (let c = Math.max(labels + 1, 1); c + 1 < width; c++) {
    const mine = texts.filter((t) => t[c] !== '');
    if (mine.length === 0 || mine.some((t) => t[c - 1] !== '' || t[c + 1] !== '')) continue;
    if (count(c - 1) > mine.length && count(c + 1) > mine.length && !out.includes(c - 1)) out.push(c);
  }
  return out;
}

/** A row without its between columns: their text goes to the left neighbour, copied to the right one. */
function collapse(texts: string[], between: number[]): { text: string; span?: true }[] {
  const out: { text: string; span?: true }[] = [];
  texts.forEach((own, c) => {
    if (between.includes(c)) return;
    const right = between.includes(c + 1) ? texts[c + 1]! : '';
    const left = between.includes(c - 1) ? texts[c - 1]! : '';
    if (left !== '' && own === '') out.push({ text: out[out.length - 1]?.text ?? left, span: true });
    else out.push({ text: joinPieces(own, right) });
  });
  return out;
}

/**
 * Lines at the page's edge (`lines`, next to the table's line `next`) that are all short one-piece
 * lines of the table's size, each a line apart from the next.
 */
function edgeFragments(lines: Info[], next: Info, size: number): boolean {
  const all = [...lines, next].sort((a, b) => b.line.y - a.line.y);
  return (
    lines.length <= MAX_FRAGMENTS &&
    lines.every((r) => r.pieces.length === 1 && r.line.text.length <= FRAGMENT_MAX_CHARS && Math.abs(r.line.size - size) <= 0.6) &&
    all.every((r, k) => k === 0 || all[k - 1]!.line.y - r.line.y <= size * 1.5)
  );
}

/** Finds the unruled tables among the lines; returns them and the lines that are not in a table. */
export function alignedTables(lines: Line[], geo: PageGeometry): { blocks: PlacedBlock[]; lines: Line[] } {
  const info: Info[] = lines.map((line) => {
    const info: Info = { line, pieces: [], numbers: 0 };
    info.pieces = pieces(line).map((p) => ({ ...p, line: info }));
    info.numbers = info.pieces.filter((x) => NUMBER.test(x.text)).length;
    return info;
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
    // short one-piece lines right above its first row are its own (header or title lines, a
    // label wrapped over the page break at the top of the page), and so are those below its last
    // row at the bottom of the page
    let first = i;
    while (
      first > 0 &&
      i - first < MAX_FRAGMENTS &&
      !used.has(info[first - 1]!.line) &&
      edgeFragments([info[first - 1]!], info[first]!, size)
    )
      first--;
    if (last + 1 < info.length && edgeFragments(info.slice(last + 1), info[last]!, size)) last = info.length - 1;
    const region = info.slice(first, last + 1);
    const tabular = region.filter((r) => r.pieces.length >= 2).length;
    const numbers = region.reduce((n, r) => n + r.numbers, 0);
    // too few rows for a table of its own at the top (bottom) of the page: perhaps the end (head)
    // of a table cut by the page break (pdf.ts keeps it as text unless the pages' parts join)
    const top = first === 0 && tabular >= 1 && numbers >= 1;
    const bottom = last === info.length - 1 && tabular >= 2;
    const whole = tabular >= 3 && numbers >= 4;
    if (whole || top || bottom) {
      const block = build(region, geo)!;
      blocks.push(whole ? block : { ...block, tentative: { lines: region.map((r) => r.line), top, bottom } });
      for (const r of region) used.add(r.line);
      i = last + 1;
    } else i++;
  }
  return { blocks, lines: lines.filter((l) => !used.has(l)) };
}
