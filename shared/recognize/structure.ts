/**
 * Section headings and section texts (spec §2.2): every heading match outside tables, one
 * section per number (first occurrence, later duplicates add their prose to it), the preamble.
 */
import type { Block, Recognition, Section } from '../report/model.ts';
import { matchPreTemplateHeading, matchSectionHeading } from '../report/sections.ts';

export interface Structure {
  headings: Recognition['headings'];
  /** Block index of each heading in `headings`. */
  headingBlocks: number[];
  sections: Section[];
  /** For each block index: the section it is under (null before the first heading). */
  sectionOf: (number | null)[];
  /** Index of the first section heading block, -1 if none. */
  firstHeading: number;
  /** Pre-2019 layout headings found (概述, 依申请公开, 收费及减免). */
  preTemplateMarkers: string[];
}

/** Cheap pre-check before the pre-2019 heading matcher. */
const PRE_WORDS = /概述|概况|依申请|减免/;

export function readStructure(blocks: readonly Block[]): Structure {
  const headings: Recognition['headings'] = [];
  const headingBlocks: number[] = [];
  const byNumber = new Map<number, { section: Section; parts: string[] }>();
  const order: number[] = [];
  const sectionOf: (number | null)[] = new Array<number | null>(blocks.length).fill(null);
  const preTemplateMarkers: string[] = [];
  let current: number | null = null;
  let firstHeading = -1;
  blocks.forEach((b, i) => {
    if (b.kind === 'heading' || b.kind === 'paragraph') {
      // A block may hold several lines (a paragraph with line breaks): the heading is its first line.
      const nl = b.text.indexOf('\n');
      const first = nl < 0 ? b.text : b.text.slice(0, nl);
      const rest = nl < 0 ? '' : b.text.slice(nl + 1).trim();
      const m = first.length <= 80 ? matchSectionHeading(first) : null;
      const pre = first.length <= 80 && PRE_WORDS.test(first) ? matchPreTemplateHeading(first) : null;
      if (pre && !preTemplateMarkers.includes(pre)) preTemplateMarkers.push(pre);
      if (m) {
        if (firstHeading < 0) firstHeading = i;
        const text = first.trim();
        headings.push({ number: m.number, text, source: b.source, variant: m.variant, numbered: m.numbered });
        headingBlocks.push(i);
        current = m.number;
        if (!byNumber.has(m.number)) {
          byNumber.set(m.number, {
            section: { number: m.number, heading: text, text: '', source: b.source, variant: m.variant, numbered: m.numbered },
            parts: [],
          });
          order.push(m.number);
        }
        if (rest.length > 0) byNumber.get(m.number)!.parts.push(rest);
        sectionOf[i] = current;
        return;
      }
      if (current !== null) byNumber.get(current)!.parts.push(b.text.trim());
    }
    sectionOf[i] = current;
  });
  const sections = order.map((n) => {
    const s = byNumber.get(n)!;
    s.section.text = s.parts.filter((p) => p.length > 0).join('\n');
    return s.section;
  });
  return { headings, headingBlocks, sections, sectionOf, firstHeading, preTemplateMarkers };
}
