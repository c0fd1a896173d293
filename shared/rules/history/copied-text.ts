/**
 * The copied-text measure behind H-TEXT-COPIED: which of this year's sentences of sections 一
 * and 五 (boilerplate left out) repeat a sentence of the previous year's sections 一 and 五,
 * exactly or almost (numbers and years never count as a difference). docs/history.md shows how
 * the thresholds were chosen on the corpus.
 */
import type { Report } from '../../report/model.ts';
import { section } from '../support.ts';
import { type BoilerplateIndex, isTemplateSentence } from './boilerplate.ts';
import { type Sentence, sentencesOf } from './sentences.ts';

/** The sections compared: 一 总体情况 and 五 存在的主要问题及改进情况. */
export const COMPARED_SECTIONS = [1, 5] as const;
/** Two sentences are "almost" the same at this bigram Dice similarity (normalized forms). */
export const NEAR_DUPLICATE = 0.75;
/** Fire at or above this share of copied sentences (docs/history.md). */
export const COPIED_SHARE_THRESHOLD = 0.5;
/** … and only with at least this many copied sentences (a two-sentence section proves nothing). */
export const MIN_COPIED_SENTENCES = 3;

export interface CopiedText {
  /** This year's compared sentences after leaving boilerplate out. */
  eligible: Sentence[];
  /** Those that repeat a previous-year sentence. */
  copied: Sentence[];
  /** copied / eligible (0 when nothing is eligible). */
  share: number;
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const g = text.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

interface Indexed {
  norm: string;
  grams: Map<string, number>;
  size: number;
}

function indexed(norm: string): Indexed {
  return { norm, grams: bigrams(norm), size: Math.max(0, norm.length - 1) };
}

/** Dice coefficient of two bigram multisets. */
function dice(a: Indexed, b: Indexed): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.grams.size <= b.grams.size ? [a.grams, b.grams] : [b.grams, a.grams];
  for (const [g, n] of small) common += Math.min(n, large.get(g) ?? 0);
  return (2 * common) / (a.size + b.size);
}

/** The compared sentences of a report (sections 一 and 五 that were found). */
export function comparedSentences(report: Report): Sentence[] {
  return COMPARED_SECTIONS.flatMap((n) => {
    const s = section(report, n);
    return s ? sentencesOf(s.text) : [];
  });
}

/** Measures how much of `report`'s sections 一 and 五 repeats `previous`'s. */
export function copiedText(report: Report, previous: Report, boilerplate?: BoilerplateIndex): CopiedText {
  const before = comparedSentences(previous);
  const exact = new Set(before.map((s) => s.norm));
  const near = before.map((s) => indexed(s.norm));
  const eligible = comparedSentences(report).filter(
    (s) => !isTemplateSentence(s.norm) && !(boilerplate?.has(s.norm, report.agency) ?? false),
  );
  const copied = eligible.filter((s) => {
    if (exact.has(s.norm)) return true;
    const x = indexed(s.norm);
    // Dice ≥ t needs the lengths within a factor t / (2 − t): skip hopeless pairs cheaply.
    const ratio = NEAR_DUPLICATE / (2 - NEAR_DUPLICATE);
    return near.some((y) => Math.min(x.size, y.size) >= ratio * Math.max(x.size, y.size) && dice(x, y) >= NEAR_DUPLICATE);
  });
  return { eligible, copied, share: eligible.length === 0 ? 0 : copied.length / eligible.length };
}

/**
 * The sentences of a report worth indexing: the compared sentences (sections 一 and 五) that the
 * built-in list does not already treat as boilerplate, each once.
 */
export function indexedSentences(report: Report): string[] {
  return [...new Set(comparedSentences(report).map((s) => s.norm))].filter((norm) => !isTemplateSentence(norm));
}

/**
 * The sentences whose boilerplate status can change H-TEXT-COPIED's verdict or message: none
 * when fewer than MIN_COPIED_SENTENCES repeat the previous report even with no boilerplate known
 * (leaving sentences out only lowers that count, so the rule stays silent); else every indexed
 * sentence (leaving one out changes the share). What a stored index needs to be asked about.
 */
export function boilerplateLookups(report: Report, previous: Report): string[] {
  return copiedText(report, previous).copied.length < MIN_COPIED_SENTENCES ? [] : indexedSentences(report);
}
