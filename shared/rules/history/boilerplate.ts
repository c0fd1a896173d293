/**
 * Boilerplate for the copied-text comparison: sentences that many reports share (template
 * phrases, quotations of the regulation, the period statement), which say nothing about whether
 * an agency copied its own previous report.
 *
 * Two sources: a BoilerplateIndex built from the sentences of many agencies' reports of the same
 * year (a sentence seen in ≥ k other agencies' reports is boilerplate; the pipeline or
 * revalidate can build it), and, always, a small built-in list of template phrases plus very
 * short sentences (headings such as （三）政府信息管理).
 */
import { normalizeAgency } from '../../report/agency.ts';
import type { Sentence } from './sentences.ts';

/** Normalized sentences shorter than this are boilerplate (sub-headings, 无, 不适用 …). */
export const MIN_SENTENCE_CHARS = 12;

/**
 * Phrases (normalized: no punctuation, numbers as #) whose sentences are template text in
 * every report: the principle of the regulation, citations of the regulation and the format
 * notice, the statistical period, the download and contact lines, the year's political formula.
 */
const TEMPLATE_PHRASES: readonly string[] = [
  '以公开为常态不公开为例外',
  '中华人民共和国政府信息公开条例',
  '政府信息公开工作年度报告格式',
  '国办公开办函',
  '国务院令第#号',
  '统计期限',
  '#月#日至#月#日',
  '#月#日起至',
  '电子版',
  '如对本报告有任何疑问',
  '联系电话',
  '公正公平合法便民',
  '知情权参与权表达权和监督权',
  '知情权参与权和监督权',
  // The political formula most reports of a year open with (党的二十大精神 …).
  '习近平新时代中国特色社会主义思想',
];

/**
 * The template's own vocabulary (section and aspect names). A sentence that is little else —
 * a sub-heading such as （四）政府信息公开平台建设方面 — says nothing of the agency's own.
 */
const TEMPLATE_VOCABULARY =
  /政府信息公开|政府信息|政务公开|主动公开|依申请公开|信息管理|平台建设|监督保障|总体情况|存在的主要问题|改进情况|情况|方面|工作|的|和|及/g;
/** Content characters a sentence must keep beyond the template vocabulary. */
const MIN_OWN_CHARS = 4;

/** True for a sentence that any report might contain: too short, a template phrase, or a sub-heading. */
export function isTemplateSentence(norm: string): boolean {
  if (norm.length < MIN_SENTENCE_CHARS) return true;
  if (TEMPLATE_PHRASES.some((p) => norm.includes(p))) return true;
  return norm.replace(TEMPLATE_VOCABULARY, '').length < MIN_OWN_CHARS;
}

/** The sentences of one agency's report for the index (normalized forms). */
export interface IndexedReport {
  agency: string | null;
  sentences: readonly Pick<Sentence, 'norm'>[];
}

/** Normalized sentence → the agencies (normalized names) whose reports contain it. */
export class BoilerplateIndex {
  private readonly seen = new Map<string, Set<string>>();

  /** @param minOtherAgencies k: a sentence is boilerplate when ≥ k other agencies wrote it. */
  constructor(readonly minOtherAgencies = 2) {}

  add(report: IndexedReport): this {
    if (!report.agency) return this;
    const agency = normalizeAgency(report.agency);
    for (const s of report.sentences) {
      let set = this.seen.get(s.norm);
      if (!set) this.seen.set(s.norm, (set = new Set()));
      set.add(agency);
    }
    return this;
  }

  /** Whether the sentence was seen in ≥ k agencies' reports other than `agency`'s. */
  has(norm: string, agency: string | null): boolean {
    const set = this.seen.get(norm);
    if (!set) return false;
    const own = agency !== null && set.has(normalizeAgency(agency)) ? 1 : 0;
    return set.size - own >= this.minOtherAgencies;
  }

  get size(): number {
    return this.seen.size;
  }
}

/** An index over many agencies' reports of one year. */
export function buildBoilerplateIndex(reports: Iterable<IndexedReport>, minOtherAgencies = 2): BoilerplateIndex {
  const index = new BoilerplateIndex(minOtherAgencies);
  for (const r of reports) index.add(r);
  return index;
}
