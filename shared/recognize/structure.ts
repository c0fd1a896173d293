/**
 * Section headings and section texts (docs/template.md "Sections": every heading match outside tables, and a
 * table's title row that is a section heading; one section per number (first occurrence, later
 * duplicates add their prose to it), the preamble.
 */
import { isBlankText } from '../report/cell-text.ts';
import type { Block, Cell, Recognition, Section, Source, TableBlock } from '../report/model.ts';
import { type HeadingMatch, matchPreTemplateHeading, matchSectionHeading } from '../report/sections.ts';

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

/**
 * The cell of a table's first row when that row is one merged cell (other cells blank at most):
 * the section heading typed as the table's title row (`二、主动公开政府信息情况` spanning the
 * columns), which people read as the heading.
 */
function tableTitleRow(t: TableBlock): Cell | undefined {
  const first = t.rows[0];
  const cell = first?.[0];
  if (!cell || cell.span || isBlankText(cell.text)) return undefined;
  return first.every((c) => c === cell || (c.span ? c.text === cell.text || isBlankText(c.text) : isBlankText(c.text))) ? cell : undefined;
}

export function readStructure(blocks: readonly Block[]): Structure {
  const headings: Recognition['headings'] = [];
  const headingBlocks: number[] = [];
  const byNumber = new Map<number, { section: Section; parts: string[] }>();
  const order: number[] = [];
  const sectionOf: (number | null)[] = new Array<number | null>(blocks.length).fill(null);
  const preTemplateMarkers: string[] = [];
  let current: number | null = null;
  let firstHeading = -1;
  const addHeading = (i: number, m: HeadingMatch, first: string, rest: string, source: Source): void => {
    if (firstHeading < 0) firstHeading = i;
    const text = first.trim();
    headings.push({ number: m.number, text, source, variant: m.variant, numbered: m.numbered });
    headingBlocks.push(i);
    current = m.number;
    if (!byNumber.has(m.number)) {
      byNumber.set(m.number, {
        section: { number: m.number, heading: text, text: '', source, variant: m.variant, numbered: m.numbered },
        parts: [],
      });
      order.push(m.number);
    }
    if (rest.length > 0) byNumber.get(m.number)!.parts.push(rest);
  };
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
        addHeading(i, m, first, rest, b.source);
        sectionOf[i] = current;
        return;
      }
      if (current !== null) byNumber.get(current)!.parts.push(b.text.trim());
    } else if (b.kind === 'table') {
      const title = tableTitleRow(b);
      const m = title === undefined ? null : matchSectionHeading(title.text);
      // Only a section not headed yet: a title row repeating the heading above it is no duplicate.
      if (title && m && !byNumber.has(m.number)) addHeading(i, m, title.text, '', title.source ?? b.source);
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
