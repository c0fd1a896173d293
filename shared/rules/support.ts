/**
 * Small helpers shared by the rules: reading sections and cells of a Report, the lenient
 * arithmetic reading of a cell (docs/template.md "Reading a cell", prose normalization for the text rules.
 */
import type { CellValue, Report, Section } from '../report/model.ts';
import { normalizeProse } from '../report/normalize.ts';
import { type Edition, templateCellKeys } from '../report/template.ts';

/** The section with that number, if it was found. */
export function section(report: Report, n: number): Section | undefined {
  return report.sections.find((s) => s.number === n);
}

/** A cell as it was read; `undefined` when the cell is not in the document. */
export function cell(report: Report, key: string): CellValue | undefined {
  return Object.hasOwn(report.cells, key) ? report.cells[key] : undefined;
}

/** Lenient reading (docs/template.md "Reading a cell": blank and "/" count as 0; absent stays undefined. */
export function lenient(value: CellValue | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '/') return 0;
  return value;
}

/** A number cell's value, or undefined for blank, "/" and absent. */
export function numeric(value: CellValue | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** Sum of cells read leniently; undefined when any operand is absent (not assessable). */
export function lenientSum(cells: Readonly<Record<string, CellValue>>, keys: readonly string[]): number | undefined {
  let sum = 0;
  for (const key of keys) {
    const v = lenient(Object.hasOwn(cells, key) ? cells[key] : undefined);
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

/** The edition, when known and template rules apply. */
export function editionOf(report: Report): Edition | null {
  return report.edition;
}

/** Prose normalized for matching (NFKC, traditional → simplified, spaces collapsed). Cached per string. */
// Kept (issue 17): a dozen text rules normalize the same sections; without it checkBytes lost ~40 %.
const proseCache = new Map<string, string>();
export function prose(text: string): string {
  let out = proseCache.get(text);
  if (out === undefined) {
    out = normalizeProse(text);
    if (proseCache.size > 500) proseCache.clear();
    proseCache.set(text, out);
  }
  return out;
}

/** Normalized text of one section, or undefined when the section is missing. */
export function sectionProse(report: Report, n: number): string | undefined {
  const s = section(report, n);
  return s === undefined ? undefined : prose(s.text);
}

/** Normalized text of every section, joined (the report's prose). */
export function allProse(report: Report): string {
  return report.sections.map((s) => prose(s.text)).join('\n');
}

/** Formats a number for a message (no float noise). */
export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10000) / 10000);
}

/** Chinese numerals used for counts of parts ("六部分"). */
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
export function parseSmallNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 1) return CN_DIGITS[text];
  return undefined;
}

const TEMPLATE_KEY_SETS: Partial<Record<Edition, ReadonlySet<string>>> = {};
/** The template cell keys of an edition as a set (cached). */
export function templateKeySet(edition: Edition): ReadonlySet<string> {
  return (TEMPLATE_KEY_SETS[edition] ??= new Set(templateCellKeys(edition)));
}

export interface CellScan {
  blank: string[];
  na: string[];
  negative: string[];
  nonInteger: string[];
}

/**
 * One pass over the report's template cells, listing the blank, "/", negative and non-integer
 * ones in the report's order.
 */
export function scanCells(report: Report): CellScan {
  const scan: CellScan = { blank: [], na: [], negative: [], nonInteger: [] };
  const edition = report.edition;
  if (edition !== null) {
    const keys = templateKeySet(edition);
    const cells = report.cells;
    for (const key of Object.keys(cells)) {
      const v = cells[key];
      if (typeof v === 'number' && v >= 0 && Number.isInteger(v)) continue;
      if (v === null) {
        if (keys.has(key)) scan.blank.push(key);
      } else if (v === '/') {
        if (keys.has(key)) scan.na.push(key);
      } else if (v !== undefined && (v < 0 || !Number.isInteger(v)) && keys.has(key)) {
        if (v < 0) scan.negative.push(key);
        if (!Number.isInteger(v)) scan.nonInteger.push(key);
      }
    }
  }
  return scan;
}
