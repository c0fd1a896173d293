/**
 * The section-heading matcher (docs/template.md "Sections": which of the six sections a line heads, if any.
 * Used by the text extractor (a heading ends a table run) and by recognition. Pure and cheap:
 * long lines are rejected before any normalization.
 */
import { toSimplified } from './normalize.ts';
import { SECTION_HEADINGS, type SectionNumber } from './template.ts';

export interface HeadingMatch {
  number: SectionNumber;
  /** Not the canonical wording (a variant of docs/template.md "Sections", a relaxed key-word match, or a different number). */
  variant: boolean;
  /** False when the line carries no 一…六 number. */
  numbered: boolean;
}

const NUMERALS: Record<string, SectionNumber> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const NUMBERED = /^([一二三四五六])(?:\s*[、.,，:：]\s*|\s+)(.*)$/s;
const SPACE = /[\s\u00a0\u3000\ufeff\u200b]+/g;
const TRAILING_PUNCT = /[：:。.，,;；]+$/;

/** Table 三's own row labels that start with 一、…四、 (docs/template.md "Sections" pitfalls): never headings. */
const T3_ROW_STARTS = ['本年新收', '上年结转', '本年度办理结果', '本年度办理', '结转下年度'];

function strict(n: SectionNumber, s: string): boolean {
  switch (n) {
    case 1:
      return s.includes('总体情况');
    case 2:
      return s.includes('主动公开');
    case 3:
      return s.includes('申请') && (s.includes('处理') || s.includes('办理'));
    case 4:
      return s.includes('复议') && s.includes('诉讼');
    case 5:
      return s.includes('问题') && (s.includes('改进') || s.includes('整改') || s.includes('措施'));
    case 6:
      return s.includes('其他') && (s.includes('事项') || s.includes('报告'));
  }
}

/** Weaker key words accepted for a numbered heading (always a variant). */
function relaxed(n: SectionNumber, s: string): boolean {
  switch (n) {
    case 1:
      return s.includes('概述') || s.includes('工作开展情况') || s.includes('基本情况');
    case 2:
      return false;
    case 3:
      return s.includes('收到') && (s.includes('处理') || s.includes('办理'));
    case 4:
      return s.includes('复议') || s.includes('诉讼');
    case 5:
      return s.includes('存在') && (s.includes('问题') || s.includes('不足'));
    case 6:
      return s.includes('其他') && s.length <= 12;
  }
}

const CANONICAL: Record<SectionNumber, string> = {
  1: '',
  2: '',
  3: '',
  4: '',
  5: '',
  6: '',
};
for (const n of [1, 2, 3, 4, 5, 6] as const) CANONICAL[n] = SECTION_HEADINGS[n].slice(2);

/** Unnumbered headings accepted (docs/template.md "Sections" variants), compared after normalization. */
const UNNUMBERED_ENDINGS = /(情况|事项|措施)$/;

/** Lines that cannot be headings whatever follows: enumerations, numbers, table titles. */
const NEVER = /^[\s\u00a0\u3000]*(?:[(（\d０-９第【]|$)/;

function prepare(line: string): string | undefined {
  if (line.length > 80 || line.includes('|') || line.includes('\t') || NEVER.test(line)) return undefined;
  const t = toSimplified(line.normalize('NFKC')).replace(/^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000]+$/g, '');
  if (t.length === 0 || t.length > 60) return undefined;
  return t;
}

/** The section a heading line stands for, or null. */
export function matchSectionHeading(line: string): HeadingMatch | null {
  const t = prepare(line);
  if (t === undefined) return null;
  const m = NUMBERED.exec(t);
  if (m) {
    const declared = NUMERALS[m[1]!]!;
    const rest = m[2]!.replace(SPACE, '').replace(TRAILING_PUNCT, '');
    if (rest.length === 0 || rest.length > 40 || rest.includes('。')) return null;
    if (T3_ROW_STARTS.some((s) => rest.startsWith(s))) return null;
    if (strict(declared, rest)) return { number: declared, variant: rest !== CANONICAL[declared], numbered: true };
    for (const n of [1, 2, 3, 4, 5, 6] as const) {
      if (n !== declared && strict(n, rest)) return { number: n, variant: true, numbered: true };
    }
    if (relaxed(declared, rest)) return { number: declared, variant: true, numbered: true };
    return null;
  }
  // Unnumbered: a short line that is nothing but a heading (no enumeration, no sentence).
  const s = t.replace(SPACE, '').replace(TRAILING_PUNCT, '');
  if (s.length < 4 || s.length > 30 || /[。，,；;]/.test(s) || /^[(（\d[【]/.test(s)) return null;
  if (s === '总体情况') return { number: 1, variant: true, numbered: false };
  if (s === '其他事项' || s === '其他需要报告的事项' || s === '其他需要报告事项') {
    return { number: 6, variant: true, numbered: false };
  }
  if (!UNNUMBERED_ENDINGS.test(s)) return null;
  for (const n of [2, 3, 4, 5] as const) {
    if (strict(n, s) && s.length >= 8) return { number: n, variant: true, numbered: false };
  }
  return null;
}

/** Pre-2019 layout headings (概述 / 依申请公开 / 收费及减免 …): the marker word, or null. */
export function matchPreTemplateHeading(line: string): string | null {
  const t = prepare(line);
  if (t === undefined) return null;
  const m = NUMBERED.exec(t);
  if (!m) return null;
  const rest = m[2]!.replace(SPACE, '');
  if (rest.length > 40) return null;
  if (/^概述|^概况/.test(rest)) return '概述';
  if (rest.startsWith('依申请公开')) return '依申请公开';
  if (/收费(及|和|、)?减免/.test(rest)) return '收费及减免';
  return null;
}
