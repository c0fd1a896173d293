/**
 * The shape of a table cell's text: a value (number, signed delta, N/A mark, number with a unit)
 * or a label. Shared by the extractors (to rebuild flattened tables) and recognition (to split a
 * row into its label cells and its value cells). Shape only: parsing is recognize/values.ts.
 */

const SPACES = /[\s\u00a0\u3000\ufeff\u200b]+/g;
const NUMBER = /^(?:[+\-−]{1,2}|增加?|减少?)?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?(?:件|项|个|条|次|元|万元|%)?$/;
const NOT_APPLICABLE = /^(?:\/|-|—|–|——|－|─|无|N\/A|不适用)$/i;

/** Text without any whitespace (NBSP and full-width spaces included). */
export function squeeze(text: string): string {
  return text.replace(SPACES, '');
}

/** True when the cell text is blank: empty or only whitespace (NBSP included). */
const BLANK = /^[\s\u00a0\u3000\ufeff\u200b]*$/;
export function isBlankText(text: string): boolean {
  return BLANK.test(text); // same as squeeze(text).length === 0, without building a string
}

const DIGITS = /^\s*\d+\s*$/;
/** Characters a value may start with besides digits, signs and spaces. */
const VALUE_START = new Set(['增', '减', '无', '不', 'N', 'n', '/', '-', '—', '–', '－', '─', '+', '−', '＋', '／', '\\']);

/**
 * Marks that stray into a value cell without being part of it: a lost no-break space shown as
 * `?` or `�` before the number, a footnote star after it. Never a digit.
 */
export const STRAY_MARKS = /^[?？\ufffd*＊※]+[\s\u00a0\u3000]*(?=[\d０-９+\-−])|(?<=[\d０-９])[\s\u00a0\u3000]*[*＊※]+$/g;

/** True when the text is a value: blank excluded. */
export function looksLikeValue(text: string): boolean {
  if (text.length > 24) return false;
  if (DIGITS.test(text)) return true;
  if (/^[?？\ufffd*＊※]/.test(text.trimStart()) || /[*＊※]$/.test(text.trimEnd())) {
    const bare = text.trim().replace(STRAY_MARKS, '');
    return bare !== text.trim() && bare !== '' && looksLikeValue(bare);
  }
  const first = text.trimStart().charAt(0);
  if (first === '' || (first.charCodeAt(0) > 0x2e80 && !VALUE_START.has(first) && (first < '０' || first > '９'))) return false;
  const s = squeeze(text.normalize('NFKC'));
  if (s.length === 0) return false;
  return NUMBER.test(s) || NOT_APPLICABLE.test(s);
}

/** A value cell or a blank cell (both are read as values by position). */
export function isValueOrBlank(text: string): boolean {
  return isBlankText(text) || looksLikeValue(text);
}

/** Several numbers on one line separated by spaces (PDF text of a flattened row): the numbers. */
const FIRST_WORD = /^[^\s\u00a0\u3000]*/;

export function splitNumberRun(text: string): string[] | undefined {
  const trimmed = text.trim();
  // Most lines are prose: reject on the first word before splitting the whole line.
  if (!looksLikeValue(FIRST_WORD.exec(trimmed)![0])) return undefined;
  const parts = trimmed.split(/[\s\u00a0\u3000]+/);
  if (parts.length < 2) return undefined;
  for (const p of parts) if (!looksLikeValue(p)) return undefined;
  return parts;
}

/**
 * A label followed by numbers on one line (`行政许可 21 +19 40`, PDF text): the label and the
 * numbers, or undefined.
 */
export function splitLabelValues(text: string): { label: string; values: string[] } | undefined {
  const parts = text.trim().split(/[\s\u00a0\u3000]+/);
  if (parts.length < 2) return undefined;
  let k = parts.length;
  while (k > 0 && looksLikeValue(parts[k - 1]!)) k--;
  if (k === parts.length || k === 0) return undefined;
  return { label: parts.slice(0, k).join(' '), values: parts.slice(k) };
}
