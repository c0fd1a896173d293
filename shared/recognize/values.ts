/**
 * The value parser of docs/template.md "Reading a cell": one numeric cell's text → a value (number, null for blank, "/"
 * for not applicable) and the remarks the P-* rules read. Unparseable text → no value.
 */
import { STRAY_MARKS } from '../report/cell-text.ts';
import type { CellIssue, CellValue } from '../report/model.ts';

export interface ValueContext {
  /** A 2019 本年增/减 cell: signs and 增/减 words are part of the value. */
  delta?: boolean;
  /** A money cell (may carry decimals). */
  money?: boolean;
  /** The unit the column is in (万元 for 2021 fees; from the header for procurement). */
  columnUnit?: string;
  /** A 2019 prev/decisions cell: a signed number there is a probable column shift. */
  shiftSensitive?: boolean;
}

export interface ParsedValue {
  /** Absent when the text cannot be read (unparseable). */
  value?: CellValue;
  issues: { issue: CellIssue['issue']; unit?: string }[];
}

const ODD_SPACE = /(?:\s|\u00a0|\u200b|\u200c|\u200d|\u2060|\ufeff|\u3000)+/g;
const NOT_APPLICABLE = new Set(['/', '-', '—', '–', '——', '－', '─', '无', 'N/A', 'n/a', '不适用', '\\']);
const UNIT = /(万元|元|件|项|个|条|次|%)$/;
const COUNT_UNITS = new Set(['件', '项', '个', '条', '次']);
const SIGNED = /^(\+|-|−|增加|增|减少|减|--|−−|\+-|-\+|\+\+)(?=\d)/;
const THOUSANDS = /^\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$/;
const PLAIN = /^\d+(?:\.\d+)?$/;

function round(n: number): number {
  return Math.round(n * 1e8) / 1e8;
}

const SIMPLE = /^\s*(\d+)\s*$/;

export function parseCellValue(raw: string, ctx: ValueContext = {}): ParsedValue {
  const simple = SIMPLE.exec(raw);
  if (simple) return { value: Number(simple[1]), issues: [] };
  const bare = raw.trim().replace(STRAY_MARKS, '');
  if (bare !== raw.trim() && bare !== '') {
    // `? 0`, `0*`: the number without the stray mark; the raw text stays in the cell's source.
    const parsed = parseCellValue(bare, ctx);
    return { ...parsed, issues: [...parsed.issues, { issue: 'stray' }] };
  }
  const issues: ParsedValue['issues'] = [];
  const nfkc = raw.normalize('NFKC');
  // Digits separated by spaces inside one cell are two numbers, not one.
  if (/\d[\s\u00a0\u3000]+\d/.test(nfkc.trim())) return { issues: [{ issue: 'unparseable' }] };
  let s = nfkc.replace(ODD_SPACE, '');
  // String#trim removes the same characters as /^[\s]+|[\s]+$/g, without its quadratic backtracking on inner runs
  const trimmed = raw.trim();
  // Full-width digits or whitespace inside the value (edge whitespace is not a remark).
  let normalized = s !== trimmed;
  if (s.length === 0) return { value: null, issues };
  if (NOT_APPLICABLE.has(s)) return { value: '/', issues };

  let unit: string | undefined;
  const u = UNIT.exec(s);
  if (u) {
    unit = u[1];
    s = s.slice(0, -unit!.length);
  }

  let sign = 1;
  let signed = false;
  const m = SIGNED.exec(s);
  if (m) {
    signed = true;
    const token = m[1]!;
    s = s.slice(token.length);
    if (token === '--' || token === '−−' || token === '+-' || token === '-+') {
      sign = -1;
      issues.push({ issue: 'delta-ambiguous' });
    } else if (token === '++') {
      issues.push({ issue: 'delta-ambiguous' });
    } else if (token === '-' || token === '−' || token === '减' || token === '减少') sign = -1;
  }

  if (THOUSANDS.test(s)) {
    s = s.replace(/[,，]/g, '');
    normalized = true;
  }
  if (!PLAIN.test(s)) return { issues: [{ issue: 'unparseable' }] };
  // `减0` / `-0` is zero, not negative zero (which compares unequal to 0 in deep equality).
  let value = sign * Number(s) || 0;

  if (signed && !ctx.delta && ctx.shiftSensitive) issues.push({ issue: 'shifted' });
  if (!Number.isInteger(value) && !ctx.money) issues.push({ issue: 'noninteger' });

  if (unit !== undefined) {
    if (unit === '%') issues.push({ issue: 'unit-conflict', unit });
    else if (COUNT_UNITS.has(unit)) {
      issues.push({ issue: ctx.money ? 'unit-conflict' : 'unit-embedded', unit });
    } else if (!ctx.money) {
      issues.push({ issue: 'unit-conflict', unit });
    } else if (ctx.columnUnit === '万元' && unit === '元') {
      value = round(value / 10000);
      issues.push({ issue: 'unit-embedded', unit });
    } else if (ctx.columnUnit === '元' && unit === '万元') {
      value = round(value * 10000);
      issues.push({ issue: 'unit-embedded', unit });
    } else {
      issues.push({ issue: 'unit-embedded', unit });
    }
  }
  if (normalized) issues.push({ issue: 'normalized' });
  return { value, issues };
}
