/**
 * Sentences of a section for the copied-text comparison (H-TEXT-COPIED): split on 。！？； and
 * line breaks, and a normalized form in which what changes every year anyway (numbers, years,
 * enumeration prefixes, punctuation, spacing, script) no longer counts.
 */
import { prose } from '../support.ts';

export interface Sentence {
  /** As written (trimmed), for quoting. */
  text: string;
  /** Normalized form, for comparing. */
  norm: string;
}

const SPLIT = /[。！？；!?;\n\r]+/;
const ENUMERATION =
  /^(?:[（(]?[一二三四五六七八九十]+[）)、.]|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]?|[（(]?\d+[）)、.]|[①-⑳])+/;
const NUMBER = /\d+(?:[.,，]\d+)*/g;
/** Everything but CJK ideographs, Latin letters and the number placeholder. */
const NOT_WORD = /[^\p{Script=Han}A-Za-z#]/gu;

/** The comparable form of one sentence. */
export function normalizeSentence(text: string): string {
  return prose(text).replace(/\s+/g, '').replace(ENUMERATION, '').replace(NUMBER, '#').replace(NOT_WORD, '').replace(/#+/g, '#');
}

/** The sentences of a text, in order, with their normalized forms (empty ones dropped). */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const part of text.split(SPLIT)) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const norm = normalizeSentence(trimmed);
    if (norm) out.push({ text: trimmed, norm });
  }
  return out;
}

/** A sentence for quoting in a message: cut at `max` characters. */
export function quote(text: string, max = 60): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}……`;
}
