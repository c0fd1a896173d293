/**
 * Plain text → Document. Prose lines become paragraphs, section headings become headings, and
 * flattened tables (tab rows, pipe rows, one cell per line with or without blank lines or a
 * ` |` suffix, numbers run together on one line) are rebuilt into rectangular table blocks.
 */
import { maxOf } from '../report/arrays.ts';
import { looksLikeValue, splitLabelValues } from '../report/cell-text.ts';
import type { Block, Cell, Document } from '../report/model.ts';
import { decode } from './decode.ts';
import { EXTRACT_LIMITS, overLimit } from './limits.ts';
import { classify, type Line, trimCell } from './text-lines.ts';
import { unflatten } from './unflatten.ts';
import { isTitleCell, startsRow } from './vocabulary.ts';

interface Token {
  text: string;
  line: number;
  /** Whether the text is a value; read only for one-cell pipe lines (not computed for tab rows). */
  value: boolean;
  span?: boolean;
}

/** Cells of a pipe line: leading/trailing pipes dropped; empty cells after the last text are merge placeholders. */
function pipeCells(line: Line): Token[] {
  let s = line.text;
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|')) s = s.slice(0, -1);
  const parts = s.split('|', EXTRACT_LIMITS.maxColumns).map(trimCell);
  let last = parts.length - 1;
  while (last >= 0 && parts[last] === '') last--;
  return parts.map((p, i) => ({ text: p, line: line.no, value: looksLikeValue(p), span: i > last ? true : undefined }));
}

/**
 * Groups a run of table lines into rows.
 * Long on purpose: the row-building cases of flattened text (one cell per line, pipes, tabs,
 * wrapped labels) read best side by side; docs/formats.md describes them.
 */
function buildRows(run: Line[]): Token[][] {
  const rows: Token[][] = [];
  const separated = pipeSeparated(run);
  /**
   * What the last line that was not empty left, where it changes how a pipe line reads: a lone
   * `|`; a label with a ` |` suffix whose row is open (`规章 |`); a pipe row that may go on with
   * lone `|` lines (`一、本年新收… | 25 |`, the last row in `rows`).
   */
  let prev: 'lone' | 'suffix-label' | 'open-row' | 'other' = 'other';
  let cur: Token[] | null = null;
  let curHasValues = false;
  const flush = (): void => {
    if (cur && cur.length > 0) rows.push(cur);
    cur = null;
    curHasValues = false;
  };
  const pushValue = (t: Token): void => {
    if (!cur) cur = [];
    cur.push(t);
    curHasValues = true;
  };
  const blank = (line: Line): void => pushValue({ text: '', line: line.no, value: false });
  const pushLabel = (t: Token): void => {
    if (isTitleCell(t.text)) {
      flush();
      rows.push([t]);
      return;
    }
    if (cur && (curHasValues || startsRow(t.text))) flush();
    if (!cur) cur = [];
    cur.push(t);
  };
  for (const line of run) {
    const before = prev;
    if (line.kind !== 'empty') prev = line.kind === 'pipe' && line.text === '|' ? 'lone' : 'other';
    switch (line.kind) {
      case 'empty':
        break;
      case 'tab': {
        flush();
        rows.push(line.raw.split('\t', EXTRACT_LIMITS.maxColumns).map((p) => ({ text: trimCell(p), line: line.no, value: false })));
        break;
      }
      case 'pipe': {
        const cells = pipeCells(line);
        const filled = cells.filter((c) => !c.span);
        if (filled.length === 0) {
          // Pipes only. A lone `|` inside a labelled row is one of its blank cells (a separator
          // after the row's last cell becomes a surplus blank, which reading the row trims);
          // anywhere else (between tables, under a title) a line of separators or placeholders.
          if (prev === 'lone') {
            // A pipe row's first cells, then its blanks a lone `|` line each: the row goes on.
            if (!cur && before === 'open-row') {
              cur = rows.pop()!.filter((t) => !t.span);
              curHasValues = true;
            }
            // Where a lone `|` follows every cell (`pipeSeparated`), only a second one in a row is a blank.
            if (cur && (!separated || before === 'lone')) blank(line);
          } else if (before === 'suffix-label' && cur && /^\|[\s\u00a0]+\|[\s|]*$/.test(line.text)) {
            // `| ||` under a label with a ` |` suffix: a blank last cell, then the row's merged remainder.
            blank(line);
            flush();
          }
          break;
        }
        const only = filled[0];
        const pipes = line.text.split('|').length - 1;
        if (only && filled.length === 1 && !line.text.startsWith('|') && /^[^|]*\|[\s|]*$/.test(line.text) && (only.value || pipes <= 3)) {
          // One cell per line with a ` |` suffix; more pipes after a row's last cell (`0 | ||`,
          // `对外公开总数量 | |`) end the row. A label with more (`规章 | | | |`) is a pipe row.
          if (only.value || only.text === '') pushValue(only);
          else pushLabel(only);
          if (pipes > 1) flush();
          else if (cur && !curHasValues) prev = 'suffix-label';
          break;
        }
        if (before === 'lone' && cur && line.text.startsWith('|') && filled.every((c) => c.value)) {
          // A row written a cell per line, blanks as lone `|` lines, its last cell as `| 25 |`:
          // every line closes one cell, so the leading `|` closes one more blank.
          blank(line);
          for (const c of filled) pushValue(c);
          flush();
          break;
        }
        if (before === 'suffix-label' && cur && filled.some((c) => c.value) && filled.every((c) => c.value || c.text === '')) {
          // A row's label on a line of its own with a ` |` suffix (`规章 |`), its values on the next
          // (`0 | 0 | 0 |`): one row. Not after a bare label line: converters that set labels and
          // values apart (markdown `| 1 | 0 |` rows under loose label lines) keep them out of order.
          for (const c of filled) pushValue(c);
          flush();
          break;
        }
        flush();
        rows.push(cells);
        if (!line.text.startsWith('|') && /\|\s*$/.test(line.text) && filled.at(-1)?.value) prev = 'open-row';
        break;
      }
      case 'numbers':
        for (const p of line.numbers!) pushValue({ text: p, line: line.no, value: true });
        break;
      case 'value':
        pushValue({ text: line.text, line: line.no, value: true });
        break;
      case 'labelvalues': {
        const { label, values } = splitLabelValues(line.text)!;
        pushLabel({ text: label, line: line.no, value: false });
        for (const v of values) pushValue({ text: v, line: line.no, value: true });
        break;
      }
      case 'blankcell':
        blank(line);
        break;
      default:
        pushLabel({ text: line.text, line: line.no, value: false });
    }
  }
  flush();
  return rows;
}

/**
 * One cell per line with a lone `|` line after every cell (`规章`, `|`, `0`, `|`, `0`, `|`): no cell
 * carries a pipe of its own (`规章 |`), no value line stands next to another cell's line without a
 * `|` between them (header words wrapped onto two lines may), and there are several `|` lines.
 * Then the `|` lines separate cells; elsewhere a lone `|` is itself a blank cell (`35`, `6`, `|`,
 * `0`: docs/formats.md).
 */
function pipeSeparated(run: Line[]): boolean {
  const isValue = (l: Line): boolean => l.kind === 'value' || l.kind === 'numbers' || l.kind === 'blankcell';
  let lone = 0;
  let prev: Line | undefined;
  for (const line of run) {
    if (line.kind === 'empty') continue;
    if (line.kind === 'pipe' && /^\|+$/.test(line.text)) {
      // `||`, `|||||`: a row's merged remainder, a separator too
      if (line.text === '|') lone++;
      prev = undefined;
      continue;
    }
    if (line.kind === 'pipe' || (prev && (isValue(prev) || isValue(line)))) return false;
    prev = line;
  }
  return lone >= 4;
}

function toTable(run: Line[]): Block | undefined {
  const rows = buildRows(run);
  if (rows.length === 0) return undefined;
  // every row is padded to the widest: a row of 200,000 numbers would make each row as wide
  const width = Math.min(maxOf(rows.map((r) => r.length)), EXTRACT_LIMITS.maxColumns);
  const grid: Cell[][] = rows.map((row) => {
    const r = row.length > width ? row.slice(0, width) : row;
    const cells: Cell[] = r.map((t) =>
      t.span ? { text: t.text, span: true, placeholder: true, source: { line: t.line } } : { text: t.text, source: { line: t.line } },
    );
    const lastLine = r[r.length - 1]!.line;
    while (cells.length < width) cells.push({ text: '', span: true, source: { line: lastLine } });
    return cells;
  });
  return { kind: 'table', rows: grid, source: { line: run[0]!.no } };
}

function proseBlock(line: Line): Block | undefined {
  if (line.kind === 'empty' || line.kind === 'blankcell') return undefined;
  if (line.kind === 'heading') return { kind: 'heading', text: line.text, level: 1, source: { line: line.no } };
  return { kind: 'paragraph', text: line.text, source: { line: line.no } };
}

/** Lines that may continue a table run once it has started. */
function continuesRun(line: Line): boolean {
  return line.kind !== 'heading' && line.kind !== 'prose';
}

/** The cells a classified line may make (a prose line counts one). */
function cellsOf(line: Line): number {
  if (line.numbers) return line.numbers.length;
  if (line.kind !== 'tab' && line.kind !== 'pipe') return 1;
  let n = 1;
  const separator = line.kind === 'tab' ? '\t' : '|';
  for (let at = line.raw.indexOf(separator); at !== -1 && n < EXTRACT_LIMITS.maxColumns; at = line.raw.indexOf(separator, at + 1)) n++;
  return n;
}

/**
 * The classified lines of a text, within the caps on lines, line length and cells (limits.ts). A
 * table flattened onto one line is cut back into rows first (unflatten.ts); its pieces keep the
 * line's number.
 */
function linesOf(text: string): Line[] {
  const { maxLines, maxLineChars, maxCells } = EXTRACT_LIMITS;
  const raw = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  if (raw.length > maxLines) throw overLimit('lines', raw.length, maxLines);
  const lines: Line[] = [];
  let cells = 0;
  raw.forEach((r, i) => {
    if (r.length > maxLineChars) throw overLimit('lineChars', r.length, maxLineChars);
    for (const piece of unflatten(r)) {
      const line = classify(piece, i + 1);
      cells += cellsOf(line);
      if (cells > maxCells) throw overLimit('cells', cells, maxCells);
      lines.push(line);
    }
  });
  return lines;
}

/** Text → Document (format 'text'). Reusable by extractors that end up with plain lines. */
export function textToDocument(text: string): Document {
  const lines = linesOf(text);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.strong) {
      const b = proseBlock(line);
      if (b) blocks.push(b);
      i++;
      continue;
    }
    // A table run: from a strong line while lines look like cells.
    let j = i;
    let lastStrong = i;
    while (j < lines.length && continuesRun(lines[j]!)) {
      const l = lines[j]!;
      if (l.strong || l.kind === 'value' || l.kind === 'blankcell') lastStrong = j;
      j++;
    }
    // At the end of the text the run is cut: keep everything. Otherwise weak trailing lines are prose.
    const end = j >= lines.length ? j - 1 : lastStrong;
    const table = toTable(lines.slice(i, end + 1));
    if (table) blocks.push(table);
    for (let k = end + 1; k < j; k++) {
      const b = proseBlock(lines[k]!);
      if (b) blocks.push(b);
    }
    i = j;
  }
  return { format: 'text', blocks, notices: [] };
}

/**
 * Plain-text bytes → Document. `transform` rewrites the decoded text first (extract() removes
 * injected pinyin with it). Throws InputProblem (I-EMPTY, I-BINARY).
 */
export function extractText(bytes: Uint8Array, transform: (text: string) => string = (t) => t): Document {
  const { text, encoding } = decode(bytes);
  const doc = textToDocument(transform(text));
  doc.encoding = encoding;
  if (encoding !== 'utf-8') doc.notices.push({ code: 'encoding', message: `文本编码：${encoding}` });
  return doc;
}
