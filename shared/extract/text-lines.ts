/**
 * The lines of plain text, classified: what each line may be in a flattened table (a tab row, a
 * pipe row, a value, numbers run together, a label followed by values, a label) or outside one (a
 * heading, prose, nothing). text.ts groups them into tables and paragraphs.
 */
import { looksLikeValue, splitLabelValues, splitNumberRun } from '../report/cell-text.ts';
import { matchSectionHeading } from '../report/sections.ts';
import { isSpace } from './grid.ts';
import { isTableLabel, startsRow } from './vocabulary.ts';

export type Kind = 'empty' | 'blankcell' | 'tab' | 'pipe' | 'value' | 'numbers' | 'heading' | 'labelvalues' | 'label' | 'prose';

export interface Line {
  no: number;
  raw: string;
  text: string;
  kind: Kind;
  /** Certainly a table line (may start a table run). */
  strong: boolean;
  /** The numbers of a `numbers` line. */
  numbers?: string[];
}

const MAX_LABEL = 48;
const T4_HEADER_START = /^行政复议\s*行政诉讼/;

/**
 * Table 四's header words run together: `行政复议 行政诉讼 … 结果维持 … 结果纠正`. Found with indexOf:
 * the regular expression /^行政复议\s*行政诉讼.*结果维持.*结果纠正/ backtracks quadratically on a long
 * line holding 结果维持 many times (30,000 characters: 0.2 s; 1 MB: minutes).
 */
function isT4Header(text: string): boolean {
  const start = T4_HEADER_START.exec(text);
  if (!start) return false;
  const kept = text.indexOf('结果维持', start[0].length);
  return kept !== -1 && text.indexOf('结果纠正', kept + 4) !== -1;
}

export function trimCell(text: string): string {
  // String#trim covers NBSP, U+3000 and U+FEFF; zero-width spaces are rare. A loop, not
  // /^[\s\u200b]+|[\s\u200b]+$/g: that backtracks quadratically over a long inner run of spaces.
  const t = text.trim();
  if (!t.includes('\u200b')) return t;
  let from = 0;
  let to = t.length;
  while (from < to && isSpace(t.charCodeAt(from))) from++;
  while (to > from && isSpace(t.charCodeAt(to - 1))) to--;
  return t.slice(from, to);
}

/** Markdown heading markers (`## 三、…`): the heading is the text after them. */
const MD_HEADING = /^#{1,6}\s+/;
/** A markdown table's rule line (`|---|:---:|`): not a row. */
const MD_RULE = /^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/;

/**
 * Numbers with spaces inside are one value (`1 523`), unless the digits start with a zero
 * (`0 00 0 0 0 00`): no number is written so, it is a run of cells with some separators lost.
 */
function spacedZeros(text: string): boolean {
  return /\s/.test(text.trim()) && /^0\d/.test(text.replace(/[\s\u00a0\u3000]+/g, ''));
}

/**
 * A template row label followed by a long note in parentheses (Hubei's table 二: `规范性文件(行政机关
 * 制定发布的决定、公告…一般情况下属于规范性文件)`): a label however long the note.
 */
function annotatedLabel(text: string): boolean {
  const m = /^([^(（]{2,20})[(（].*[)）]$/s.exec(text);
  return m !== null && isTableLabel(m[1]!.trim());
}

export function classify(raw: string, no: number): Line {
  const text = trimCell(raw).replace(MD_HEADING, '');
  const line: Line = { no, raw, text, kind: 'prose', strong: false };
  if (raw.length === 0 || MD_RULE.test(text)) line.kind = 'empty';
  else if (text.length === 0) line.kind = 'blankcell';
  else if (raw.includes('\t')) {
    line.kind = 'tab';
    line.strong = true;
  } else if (text.includes('|')) {
    line.kind = 'pipe';
    line.strong = true;
  } else if (looksLikeValue(text) && !spacedZeros(text)) line.kind = 'value';
  else if ((line.numbers = splitNumberRun(text))) {
    line.kind = 'numbers';
    line.strong = true;
  } else if (matchSectionHeading(text)) line.kind = 'heading';
  else if (isT4Header(text) && !/[。；;]/.test(text)) {
    // Table 四's header words run together (`行政复议行政诉讼结果维持结果纠正…`): a table line.
    line.kind = 'label';
    line.strong = true;
  } else if (text.length <= MAX_LABEL + 60 && !/[。；;]/.test(text) && splitLabelValues(text)) {
    // `行政许可 21 +19 40`: a row of PDF text.
    line.kind = 'labelvalues';
    const { label } = splitLabelValues(text)!;
    line.strong = isTableLabel(label) || startsRow(label);
  } else if ((text.length <= MAX_LABEL && !/[。；;]/.test(text)) || annotatedLabel(text)) {
    line.kind = 'label';
    // Several template labels on one line (`行政复议 行政诉讼`, PDF text) are table text too.
    line.strong = isTableLabel(text) || (/\s/.test(text) && text.split(/[\s\u00a0\u3000]+/).every(isTableLabel));
  }
  return line;
}
