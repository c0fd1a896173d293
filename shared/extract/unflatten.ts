/**
 * Tables flattened onto one line of text (a crawler's dump of a page, a pasted table whose line
 * breaks were lost: `规章000行政规范性文件8855698第二十条第（五）项信息内容…`, or a pipe table run
 * together: `规章 | | | | 行政规范性文件 | 4 | 0 | 4 | 第二十条第(五)项 | …`) are cut back into
 * lines before the template's row labels, sub-table titles and section headings, so that the
 * table rebuilding of text.ts sees one row per line. Only lines that carry the shape of a table
 * (a sub-table title, the table-三 note, or the 信息内容 header) are cut; prose is left alone. A
 * short line that is a template row label glued to one run of digits (`规章000`) gets a space
 * after the label; cutting the run into cells is the decoder's (shared/recognize/decode-row.ts).
 */
import { pushAll } from '../report/arrays.ts';
import { normalizeLabel } from '../report/normalize.ts';
import { matchSectionHeading } from '../report/sections.ts';
import { EDITIONS, SECTION_HEADINGS, T2, T3_GROUP_LABELS, T3_ROWS } from '../report/template.ts';

const MIN_LENGTH = 80;
const SHAPE = /第二十条第|本列数据的勾稽关系|信息内容/;

/** Row-start labels, normalized (NFKC: ASCII parentheses, punctuation), longest first. */
const LABELS: string[] = (() => {
  const set = new Set<string>(['信息内容', '三、本年度办理结果', '其他主动公开文件']);
  for (const ed of EDITIONS) {
    for (const sub of T2[ed]) for (const r of sub.rows) for (const l of [r.label, ...(r.aliases ?? [])]) set.add(normalizeLabel(l));
    for (const r of T3_ROWS[ed]) set.add(normalizeLabel(r.label));
  }
  for (const l of Object.values(T3_GROUP_LABELS)) set.add(normalizeLabel(l));
  return [...set].sort((a, b) => b.length - a.length);
})();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Each label with a pattern that allows spaces between its characters. */
const LOOSE: [string, RegExp][] = LABELS.map((l) => [l, new RegExp([...l].map(escapeRegExp).join('\\s*'), 'g')]);

/** Anchors that are patterns: sub-table titles, the table-三 note, table 四's header, section headings. */
const PATTERNS = [
  /第二十条第\s*\(\s*[一二三四五六七八九十]+\s*\)\s*项/g,
  /\(本列数据的勾稽关系/g,
  /行政复议\s*行政诉讼/g,
  /[一二三四五六]、\s*(?:总体情况|主动公开|收到和处理|政府信息公开行政|因政府信息公开|存在的主要问题|政府信息公开工作存在|其他需要报告)/g,
];

const QUOTE = /["'“”‘’「」『』]/;

/**
 * The line with each UTF-16 unit normalized on its own where that keeps its length, so that
 * indexes stay aligned: NFKC, quotes as `"`, an enumerator's `、` or `．` after a digit as `.`
 * and other commas as `、` (what normalizeLabel does to labels, but spaces kept).
 */
function aligned(line: string): string {
  let out = '';
  for (const ch of line) {
    const n = QUOTE.test(ch) ? '"' : ch.normalize('NFKC');
    out += n.length === ch.length ? n : ch;
  }
  return out.replace(/(\d)[、,．](?=\D)/g, '$1.').replace(/(?<!\d)[,，]/g, '、');
}

/** The canonical section headings, normalized: a heading anchor is cut off its text when it is one of these. */
const HEADINGS = Object.values(SECTION_HEADINGS).map((h) => normalizeLabel(h));

const TABLES_START = /二、\s*主动公开|第二十条第/;
const TABLES_END = /[五六]、\s*(?:存在的主要问题|政府信息公开工作存在|其他需要报告)/;

/**
 * Where anchors start (sorted; a label inside another anchor's match is skipped). Row labels
 * count only between the first table (section 二 or a sub-table title) and section 五: in the
 * prose, 规范性文件 or 信息内容 are words.
 */
function anchors(normalized: string): number[] {
  const spans: { at: number; end: number }[] = [];
  for (const re of PATTERNS) for (const m of normalized.matchAll(re)) spans.push({ at: m.index, end: m.index + m[0].length });
  const start = TABLES_START.exec(normalized)?.index ?? normalized.length;
  const endMatch = TABLES_END.exec(normalized.slice(start));
  const end = endMatch ? start + endMatch.index : normalized.length;
  const region = normalized.slice(start, end);
  for (const [label, loose] of LOOSE) {
    for (let at = region.indexOf(label); at >= 0; at = region.indexOf(label, at + 1))
      spans.push({ at: start + at, end: start + at + label.length });
    // The same label with spaces inside (a line wrap in a cell: `三、本年度办 理结果`).
    if (/\s/.test(region))
      for (const m of region.matchAll(loose)) if (/\s/.test(m[0])) spans.push({ at: start + m.index, end: start + m.index + m[0].length });
  }
  spans.sort((a, b) => a.at - b.at || b.end - a.end);
  const out: number[] = [];
  let reach = -1;
  for (const s of spans) {
    if (s.at < reach) continue;
    out.push(s.at);
    reach = s.end;
  }
  return out;
}

const NUMBER = /^[+\-−]?\d+(?:\.\d+)?$/;
const SPACE = /\s/;

/**
 * The label and the run of at least ten space-separated numbers that ends the text, or undefined:
 * what /^(.*?\S)\s+((?:[+\-−]?\d+(?:\.\d+)?\s+){9,}[+\-−]?\d+(?:\.\d+)?)\s*$/ matches, read from
 * the end token by token. That expression backtracks quadratically on a long line of numbers
 * ending in something else (100,000 characters: 34 s).
 */
function trailingNumbers(text: string): [string, string] | undefined {
  const body = text.trimEnd();
  let labelEnd = body.length;
  let first = body.length;
  let count = 0;
  while (labelEnd > 0) {
    let from = labelEnd;
    while (from > 0 && !SPACE.test(body[from - 1]!)) from--;
    if (!NUMBER.test(body.slice(from, labelEnd))) break;
    let before = from;
    while (before > 0 && SPACE.test(body[before - 1]!)) before--;
    if (before === 0 || before === from) break; // the label: nothing, or no space, before this number
    count++;
    first = from;
    labelEnd = before;
  }
  return count >= 10 ? [body.slice(0, labelEnd), body.slice(first)] : undefined;
}
/** After a row label: its value, then a numbered part of the text (`(二)…`, `（二）…`). */
const NEXT_PART = /^(\s*-?\d+(?:\.\d+)?)\s*([(（][一二三四五六七八九十]+[)）].*)$/s;

/**
 * Inside a row's piece, where a numbered row starts although its label is not the template's word
 * for word (`…00000002.其他法律和行政法规禁止公开0000000`, `（六）其他处理1.申请人…不再受理…`):
 * before a digit, a dot and a Chinese character, anywhere but at the piece's start.
 */
const NEXT_NUMBERED_ROW = /(?<=.)(?=[1-9]\.\p{Script=Han})/u;
/** Such a row: its numbered label, then its run of digits. */
const NUMBERED_ROW_RUN = /^([1-9]\.\D+?)(\d+)$/u;

/** A long run of digits glued to table 四's header words (its 15 values without spaces), and what follows it. */
const TRAILING_RUN = /^(.*?\D)(\d{10,})\s*([一二三四五六七八九十]、.*)?$/s;

/** The text with a space after its label (ending at `labelEnd`) when digits follow it directly (`规章000`). */
function apart(text: string, labelEnd: number): string {
  return /^\d/.test(text.slice(labelEnd)) ? `${text.slice(0, labelEnd)} ${text.slice(labelEnd)}` : text;
}

/** A piece: the label glued to its digits gets a space; a long run of numbers at the end goes on a line of its own. */
function tidy(piece: string, labelEnd: number | undefined): string[] {
  const text = labelEnd === undefined ? piece : apart(piece, labelEnd);
  // The last row of a table, its number, then the text's next numbered part (`行政事业性收费5949.09(二)主动公开…`).
  const after = labelEnd === undefined ? null : NEXT_PART.exec(text.slice(labelEnd));
  if (after) return [text.slice(0, labelEnd! + after[1]!.length), after[2]!];
  const numbers = trailingNumbers(text);
  if (numbers) return numbers;
  // The run may be followed by a part of the text's own (`…总计000000000000000五、信息处理费收取情况…`).
  const m = /结果维持.*结果维持/.test(text) ? TRAILING_RUN.exec(text) : null;
  return m ? [m[1]!.trimEnd(), m[2]!, ...(m[3] ? [m[3]] : [])] : [text];
}

/** Where a section heading's own words may end (`…及改进措施`, `…及明年工作计划`, `…与行政诉讼情况`). */
const HEADING_END = /(?:情况|事项|措施|计划)/g;

/**
 * The length of a numbered section heading in its own words that the text runs on from
 * (`五、存在的主要问题及改进措施今年以来，…`): the shortest start of the piece that ends in one
 * of HEADING_END's words and that the heading matcher accepts, or undefined.
 */
function variantHeadingEnd(piece: string): number | undefined {
  if (!/^[一二三四五六]、/.test(piece)) return undefined;
  for (const m of piece.slice(0, 45).matchAll(HEADING_END)) {
    const end = m.index + m[0].length;
    if (matchSectionHeading(piece.slice(0, end))) return end;
  }
  return undefined;
}

/** A row on a line of its own whose label is glued to one run of digits (`规章000`): a space between them. */
function unglued(line: string): string {
  if (!/\p{Script=Han}\d+\s*$/u.test(line)) return line;
  const normalized = aligned(line);
  const start = normalized.length - normalized.trimStart().length;
  const label = LABELS.find((l) => normalized.startsWith(l, start) && /^\d+\s*$/.test(normalized.slice(start + l.length)));
  return label ? apart(line, start + label.length) : line;
}

/**
 * The lines a raw line becomes: itself, or its pieces cut before every template anchor.
 * @param line - one line of decoded text
 */
export function unflatten(line: string): string[] {
  if (line.length < MIN_LENGTH) return [unglued(line)];
  const normalized = aligned(line);
  if (!SHAPE.test(normalized)) return [line];
  const at = anchors(normalized);
  if (at.length < 3) return [line];
  const cuts = [0, ...at.filter((a) => a > 0), line.length];
  const out: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    let piece = line.slice(cuts[i], cuts[i + 1]);
    // An enumerator typed twice (`…0000000三三、本年度办理结果`): the first belongs to neither piece.
    const next = line.slice(cuts[i + 1], cuts[i + 1]! + 2);
    if (/\d[一二三四五六七八九十]$/.test(piece) && next === `${piece.at(-1)}、`) piece = piece.slice(0, -1);
    if (piece.trim() === '') continue;
    const heading = HEADINGS.find((h) => normalized.startsWith(h, cuts[i]!))?.length ?? variantHeadingEnd(piece);
    if (heading && piece.length > heading) {
      out.push(piece.slice(0, heading));
      pushAll(out, tidy(piece.slice(heading).trim(), undefined));
      continue;
    }
    const label = LABELS.find((l) => normalized.startsWith(l, cuts[i]!));
    if (!label) {
      pushAll(out, tidy(piece.trimEnd(), undefined));
      continue;
    }
    const [first, ...more] = piece.trimEnd().split(NEXT_NUMBERED_ROW);
    pushAll(out, tidy(first!, label.length));
    for (const row of more) out.push(row.replace(NUMBERED_ROW_RUN, '$1 $2'));
  }
  return out;
}
