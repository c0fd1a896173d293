/**
 * Normalization for matching (docs/template.md "Reading a cell". Applied to labels and prose for matching only; the
 * original text is always kept for display.
 */

import { hasTraditional, toSimplified } from './traditional.ts';

export { hasTraditional, toSimplified };

const WHITESPACE = /[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
const QUOTES = /[“”„‟「」『』"'‘’]/g;

/**
 * A label for matching: NFKC (full-width digits and punctuation → ASCII), traditional →
 * simplified, all whitespace removed, quotes unified to ", enumeration separators unified
 * (`1．` `1、` `1 .` → `1.`).
 */
const labelCache = new Map<string, string>();

export function normalizeLabel(text: string): string {
  // Kept (issue 17, measured in BENCHMARKS.md notes): the one memo left in recognition. Labels
  // repeat within and across reports and the OpenCC pass is the costly part; without it
  // checkBytes lost ~45 %. Bounded, and the function is pure.
  let n = labelCache.get(text);
  if (n === undefined) {
    n = normalizeLabelUncached(text);
    if (labelCache.size > 20000) labelCache.clear();
    labelCache.set(text, n);
  }
  return n;
}

function normalizeLabelUncached(text: string): string {
  return (
    toSimplified(text.normalize('NFKC'))
      .replace(WHITESPACE, '')
      .replace(QUOTES, '"')
      // Commas and enumeration commas inside a label are one mark (`逾期不补正, 行政机关` = `逾期不补正、行政机关`).
      .replace(/(?<!^\d+)[,，、]/g, '、')
      .replace(/^(\d+)[.、,．]/, '$1.')
      .replace(/[【〔]/g, '[')
      .replace(/[】〕]/g, ']')
  );
}

/** A label with a trailing parenthetical annotation removed: `现行有效件数(历史累计)` → `现行有效件数`. */
export function stripAnnotation(label: string): string {
  const stripped = label.replace(/\([^()]*\)$/, '');
  return stripped.length > 0 ? stripped : label;
}

/**
 * Prose for matching: NFKC, traditional → simplified, NBSP and other odd spaces → ordinary
 * space, runs of spaces collapsed. Line breaks are kept.
 */
export function normalizeProse(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ')
    .replace(/[ \t]+/g, ' ');
}
