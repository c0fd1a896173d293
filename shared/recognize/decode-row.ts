/**
 * Reading one template row's values: the value tokens captured after its label, decoded onto the
 * row's known number of cells. The readings a token sequence allows are enumerated — the tokens
 * as they stand, surplus blank tokens trimmed, visible blank tokens as blank cells, digit runs
 * split into cells — and a reading is accepted only when it is the only one; an arithmetic
 * identity of the row (a row total) may choose between readings that the layout leaves open, and
 * the cells it chose say so. Otherwise the row's cells stay absent and the decision says why
 * (docs/template.md "Reading a cell"; the families in test/fixtures/corpus/README.md).
 */
import { isBlankText } from '../report/cell-text.ts';
import type { Cell } from '../report/model.ts';

/** A value token of a row: its cell, and whether it is a placeholder (padding of a merged cell). */
export interface RowToken {
  cell: Cell;
  /** Padding after the row's last text (a pipe row's trailing `||`): a blank cell or nothing. */
  placeholder?: boolean;
}

/** How a reading came about. */
export type ReadingKind = 'as-is' | 'trimmed' | 'blanks' | 'split' | 'identity' | 'cut' | 'uniform';

export type RowDecision =
  | { kind: 'read'; cells: Cell[]; by: ReadingKind }
  /** No value token at all. */
  | { kind: 'empty' }
  /**
   * Several readings fit (or none): the cells stay absent; `reason` says why, in Chinese.
   * `readings`: the digit splits still open (after the row's identity), for a decision across rows.
   */
  | { kind: 'ambiguous'; cause: 'surplus' | 'split' | 'merged' | 'fewer'; reason: string; readings?: Cell[][] };

export interface RowOptions {
  /** The row is the last thing in the text (cut): fewer values are read in order. */
  isLast?: boolean;
  /** An identity of the row's numbers (e.g. the six applicants add up to 总计) that may choose between readings. */
  identity?: (numbers: readonly number[]) => boolean;
}

const DIGIT_RUN = /^\d{2,}$/;
const MAX_READINGS = 5000;

const blank = (like: Cell): Cell => ({ text: '', ...(like.source ? { source: like.source } : {}) });

/** Every way to cut `digits` into `parts` numbers without leading zeros (a lone `0` is a number). */
export function digitSplits(digits: string, parts: number, limit = MAX_READINGS): string[][] {
  const out: string[][] = [];
  const walk = (start: number, left: number, acc: string[]) => {
    if (out.length >= limit) return;
    if (left === 1) {
      const rest = digits.slice(start);
      if (rest.length > 0 && (rest === '0' || rest[0] !== '0')) out.push([...acc, rest]);
      return;
    }
    for (let end = start + 1; end <= digits.length - (left - 1); end++) {
      const part = digits.slice(start, end);
      if (part.length > 1 && part[0] === '0') break;
      walk(end, left - 1, [...acc, part]);
    }
  };
  walk(0, parts, []);
  return out;
}

/** Readings that split digit-run tokens into more cells so that the row has `n` cells. */
function splitReadings(values: readonly Cell[], n: number): Cell[][] {
  const extra = n - values.length;
  const runs = values.map((c, i) => (DIGIT_RUN.test(c.text.trim()) ? i : -1)).filter((i) => i >= 0);
  if (extra <= 0 || runs.length === 0) return [];
  const out: Cell[][] = [];
  // Distribute the extra cells over the runs: each run k becomes 1 + e_k cells.
  const distribute = (k: number, left: number, acc: Cell[][]) => {
    if (out.length >= MAX_READINGS) return;
    if (k === values.length) {
      if (left === 0) out.push(acc.flat());
      return;
    }
    const cell = values[k]!;
    if (!runs.includes(k)) return distribute(k + 1, left, [...acc, [cell]]);
    const digits = cell.text.trim();
    for (let e = 0; e <= Math.min(left, digits.length - 1); e++) {
      for (const parts of digitSplits(digits, e + 1)) {
        distribute(k + 1, left - e, [...acc, parts.map((text) => ({ ...cell, text }))]);
      }
    }
  };
  distribute(0, extra, []);
  return out;
}

const numbersOf = (cells: readonly Cell[]): number[] | undefined => {
  const out: number[] = [];
  for (const c of cells) {
    const t = c.text.trim();
    if (t === '') out.push(0);
    else if (/^\d+$/.test(t)) out.push(Number(t));
    else return undefined;
  }
  return out;
};

/**
 * Decodes a row's value tokens onto `n` cells.
 * @param tokens - the tokens after the row's label, in order
 * @param n - how many cells the template row has (in the columns being read)
 */
export function decodeRow(tokens: readonly RowToken[], n: number, options: RowOptions = {}): RowDecision {
  const values = tokens.filter((t) => !t.placeholder).map((t) => t.cell);
  const all = tokens.map((t) => t.cell);
  if (all.every((c) => isBlankText(c.text))) {
    // Visible blank cells (lone separators): blank cells, when there are as many as the row has.
    if (all.length === 0) return { kind: 'empty' };
    if (all.length === n || (values.length === n && n > 0)) return { kind: 'read', cells: all.slice(0, n).map(blank), by: 'blanks' };
    return all.length > n ? { kind: 'read', cells: Array.from({ length: n }, () => blank(all[0]!)), by: 'blanks' } : { kind: 'empty' };
  }
  if (values.length === n) return { kind: 'read', cells: values, by: 'as-is' };
  if (values.length > n) {
    const trimmed = trim(values, n);
    if (trimmed) return { kind: 'read', cells: trimmed, by: 'trimmed' };
    // The text's last row, full, then one token more where the text is cut: the start of the next
    // row's label (`2` of `2.其他法律…`), not a cell of this one.
    if (options.isLast && values.length === n + 1) return { kind: 'read', cells: values.slice(0, n), by: 'cut' };
    // More values than cells, all the same number (`行政处罚 | 0 | 0 | 0` under one column): whichever
    // of them the cells hold, they hold that number.
    if (values.every((c) => c.text.trim() === values[0]!.text.trim()) && /^\d+$/.test(values[0]!.text.trim())) {
      return { kind: 'read', cells: values.slice(0, n), by: 'uniform' };
    }
    return { kind: 'ambiguous', cause: 'surplus', reason: `有 ${values.length} 个数值，多于 ${n} 栏` };
  }
  // Fewer values than cells. Placeholders after the values make up the row: they are blank cells.
  if (all.length === n) return { kind: 'read', cells: all.map((c) => (isBlankText(c.text) ? blank(c) : c)), by: 'blanks' };
  const splits = splitReadings(values, n);
  if (splits.length === 1) return { kind: 'read', cells: splits[0]!, by: 'split' };
  let open = splits;
  if (splits.length > 1 && options.identity) {
    open = splits.filter((cells) => {
      const nums = numbersOf(cells);
      return nums !== undefined && options.identity!(nums);
    });
    if (open.length === 1) return { kind: 'read', cells: open[0]!, by: 'identity' };
  }
  if (splits.length > 1) {
    const reason = `数字连在一起（${values.map((v) => v.text.trim()).join(' ')}），拆分为 ${n} 个数值的方式不止一种`;
    return { kind: 'ambiguous', cause: 'split', reason, ...(open.length > 1 ? { readings: open } : {}) };
  }
  if (options.isLast) return { kind: 'read', cells: values, by: 'cut' };
  if (values.length === 1 && all.length > n)
    return { kind: 'ambiguous', cause: 'merged', reason: '该行为合并单元格，只有一个数值，无法确定属于哪一栏' };
  return { kind: 'ambiguous', cause: 'fewer', reason: `只有 ${values.length} 个数值，少于 ${n} 栏，无法确定哪一栏空缺` };
}

/** Surplus blank cells trimmed from the right, then the left, down to `n`; undefined when values are left over. */
function trim(values: readonly Cell[], n: number): Cell[] | undefined {
  let lo = 0;
  let hi = values.length;
  while (hi - lo > n && isBlankText(values[hi - 1]!.text)) hi--;
  while (hi - lo > n && isBlankText(values[lo]!.text)) lo++;
  return hi - lo === n ? values.slice(lo, hi) : undefined;
}
