/**
 * Unambiguous quantities stated in prose and the table cells they must equal (docs/rules.md,
 * T-NUM-TEXT-TABLE). Patterns run over normalized prose (NFKC: full-width ，；： become , ; :)
 * and allow spaces between digits and Chinese (`12 件`). Phrases that mix two outcomes
 * (予以公开及部分公开) are compared with the matching sum. A phrase that may mean more than one
 * thing (受理: the requests newly received, or those plus the ones carried over) carries every
 * plausible reading and is flagged only when it matches none; 办理 stays skipped as too vague.
 * A count in 条 without the word 申请 is of information items, not requests (countsInformation).
 */
import { type Edition, T3_ROWS, t3Key, t4Key } from '../../report/template.ts';

/** A gap of at most n characters that crosses no clause boundary, digit or conjunction. */
const gap = (n: number) => `[^。;,、:!?\\d及和与或]{0,${n}}?`;
const UNIT = '\\s*(?:件|个|条|项|起|宗|次)';
const NUM = '(\\d+)';
const AND = '(?:及|和|与|、|或)';
const HINTS = [
  '收到',
  '受理',
  '新收',
  '上年结转',
  '结转',
  '办结',
  '答复',
  '予以公开',
  '部分公开',
  '不予公开',
  '无法提供',
  '不予处理',
  '行政复议',
  '行政诉讼',
  '规范性文件',
];

export interface Quantity {
  /** What the prose talks about, in Chinese, for the message. */
  name: string;
  /** Words of which one must occur for the pattern to match (a cheap pre-filter). */
  hints: readonly string[];
  pattern: RegExp;
  /** The plausible readings: each a set of cells whose (lenient) sum the stated number may equal. */
  readings(edition: Edition): Reading[];
}

export interface Reading {
  /** The reading in Chinese, for the message (e.g. 新收申请与上年结转之和). */
  name: string;
  keys: string[];
}

const rowsOf = (edition: Edition, group: string) =>
  T3_ROWS[edition]
    .map((r) => r.key)
    .filter((k) => k.startsWith(`${group}.`))
    .map((k) => t3Key(k, 'total'));

/** A quantity with one reading. */
const q = (name: string, source: string, keys: (edition: Edition) => string[]): Quantity =>
  qs(name, source, (edition) => [{ name, keys: keys(edition) }]);

const qs = (name: string, source: string, readings: (edition: Edition) => Reading[]): Quantity => ({
  name,
  hints: HINTS.filter((h) => source.includes(h)),
  pattern: new RegExp(source, 'g'),
  readings,
});

const RECEIVED = t3Key('new_received', 'total');
const CARRIED = t3Key('carried_over', 'total');
const RECEIVED_OR_HANDLED: Reading[] = [
  { name: '本年新收申请', keys: [RECEIVED] },
  { name: '本年新收与上年结转之和', keys: [RECEIVED, CARRIED] },
];

export const QUANTITIES: readonly Quantity[] = [
  q('新收的政府信息公开申请', `新收到?${gap(20)}申请${gap(10)}${NUM}${UNIT}`, () => [RECEIVED]),
  // 收到 and 受理 are written both for the year's new requests and for those plus the carried-over.
  qs('收到的政府信息公开申请', `(?<!新)收到${gap(20)}申请${gap(10)}${NUM}${UNIT}`, () => RECEIVED_OR_HANDLED),
  qs(
    '受理的政府信息公开申请',
    `(?<!不予)受理(?![^。;,]{0,20}?(?:复议|诉讼|举报|投诉))${gap(20)}申请${gap(10)}${NUM}${UNIT}`,
    () => RECEIVED_OR_HANDLED,
  ),
  q('上年结转的申请', `上年结转${gap(15)}${NUM}${UNIT}`, () => [CARRIED]),
  q('结转下年度继续办理的申请', `结转(?:至|到)?下一?年${gap(15)}${NUM}${UNIT}`, () => [t3Key('carried_forward', 'total')]),
  q('办结（答复）的申请', `(?<!延期|逾期|按期|按时|公开|处理|办理|提供)(?:办结|答复)${gap(15)}${NUM}${UNIT}`, () => [
    t3Key('total_processed', 'total'),
  ]),
  q('予以公开', `(?<!部分|${AND})予以公开(?!${AND})${gap(6)}${NUM}${UNIT}`, () => [t3Key('granted', 'total')]),
  q('部分公开', `(?<!予以公开${AND})部分公开(?!${AND})${gap(6)}${NUM}${UNIT}`, () => [t3Key('partial', 'total')]),
  q('予以公开和部分公开', `予以公开${AND}部分公开${gap(6)}${NUM}${UNIT}`, () => [t3Key('granted', 'total'), t3Key('partial', 'total')]),
  q('不予公开', `不予公开${gap(6)}${NUM}${UNIT}`, (ed) => rowsOf(ed, 'denied')),
  q('无法提供', `无法提供${gap(6)}${NUM}${UNIT}`, (ed) => rowsOf(ed, 'unable')),
  q('不予处理', `不予处理${gap(6)}${NUM}${UNIT}`, (ed) => rowsOf(ed, 'rejected')),
  q('行政复议', `行政复议${gap(10)}${NUM}${UNIT}`, () => [t4Key('review', 'total')]),
  q('行政诉讼', `行政诉讼${gap(10)}${NUM}${UNIT}`, () => [t4Key('litigation_direct', 'total'), t4Key('litigation_after_review', 'total')]),
  q('制发的行政规范性文件', `(?:制发|印发|出台)${gap(4)}(?:行政)?规范性文件${gap(4)}${NUM}\\s*件`, () => ['s2.normative.issued']),
  q('废止的行政规范性文件', `废止${gap(4)}(?:行政)?规范性文件${gap(4)}${NUM}\\s*件`, () => ['s2.normative.repealed']),
];

/** Words just before a match that make the number about another year or a comparison. */
const OTHER_TIME = /去年|上一年|同比|较上年|比上年|上年度/;

export interface Mention {
  quantity: Quantity;
  stated: number;
  text: string;
}

/** Every mention of a known quantity in the prose that refers to the report year. */
/**
 * Items of information (`不予公开96条`, `不予公开信息数137条`: how the year's documents were
 * classed, 主动公开 / 依申请公开 / 不予公开), not requests: counted in 条 without the word 申请.
 * Requests are counted in 件 (`不予公开3件`), or in 条 where the phrase says 申请 (`收到申请2条`).
 */
function countsInformation(phrase: string): boolean {
  return /条$/.test(phrase) && !phrase.includes('申请') && !/行政复议|行政诉讼/.test(phrase);
}

export function mentions(text: string, year: number | null): Mention[] {
  const out: Mention[] = [];
  // Each hint is searched for once, not once per quantity that lists it.
  const present = new Set(HINTS.filter((h) => text.includes(h)));
  for (const quantity of QUANTITIES) {
    if (!quantity.hints.some((h) => present.has(h))) continue;
    quantity.pattern.lastIndex = 0;
    for (const m of text.matchAll(quantity.pattern)) {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (OTHER_TIME.test(before)) continue;
      const years = [...before.matchAll(/(\d{4})\s*年/g)].map((y) => Number(y[1]));
      if (year !== null && years.some((y) => y !== year)) continue;
      if (countsInformation(m[0])) continue;
      out.push({ quantity, stated: Number(m[1]), text: m[0] });
    }
  }
  return out;
}

export interface Comparison {
  mention: Mention;
  /** Each reading with the table's sum for it. */
  sums: { reading: Reading; sum: number }[];
  /** True when the stated number equals the sum of at least one reading. */
  matches: boolean;
}

/**
 * The mention set against the table, or undefined when a cell of any reading is not a number
 * (an absent or unreadable cell is already a finding of its own; the comparison waits for it).
 */
export function compare(mention: Mention, edition: Edition, cells: Readonly<Record<string, unknown>>): Comparison | undefined {
  const sums: Comparison['sums'] = [];
  for (const reading of mention.quantity.readings(edition)) {
    let sum = 0;
    for (const k of reading.keys) {
      const v = cells[k];
      if (typeof v !== 'number') return undefined;
      sum += v;
    }
    sums.push({ reading, sum });
  }
  return { mention, sums, matches: sums.some((s) => s.sum === mention.stated) };
}
