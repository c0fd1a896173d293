/**
 * Document → Report. Format-agnostic: reads only Document blocks (headings, paragraphs, table
 * grids, images), whatever extractor made them.
 */
import { InputProblem } from '../report/errors.ts';
import type { Document, Recognition, Report, TableFinding, UploadMetadata } from '../report/model.ts';
import { decideEdition, findMarkers } from './edition.ts';
import { mapT2 } from './map-t2.ts';
import { mapT3 } from './map-t3.ts';
import { mapT4 } from './map-t4.ts';
import { type Accumulator, applyUnfilled } from './mapping.ts';
import { agencyFromPreamble, issuerKindOf, proseYear, readHead, readPeriod, readPublishedAt } from './metadata.ts';
import { scanTables } from './scan.ts';
import { readStructure } from './structure.ts';

const TABLE_ORDER = ['t2.1', 't2.5', 't2.6', 't2.8', 't2.9', 't3', 't4'];

export function recognize(document: Document, metadata?: UploadMetadata): Report {
  const blocks = document.blocks;
  const structure = readStructure(blocks);
  const head = readHead(document, structure.firstHeading);

  // Preamble: prose before section 一 (before the first heading when 一 is missing), title lines excluded.
  const firstOne = structure.headings.findIndex((h) => h.number === 1);
  const preambleEnd = firstOne >= 0 ? structure.headingBlocks[firstOne]! : structure.firstHeading;
  const titleSet = new Set(head.titleBlocks);
  const preambleParts: string[] = [];
  const beforeTwo: { text: string; source: (typeof blocks)[number]['source'] }[] = [];
  let reachedTwo = false;
  blocks.forEach((b, i) => {
    if (b.kind !== 'paragraph' && b.kind !== 'heading') return;
    if ((preambleEnd < 0 || i < preambleEnd) && !titleSet.has(i)) preambleParts.push(b.text.trim());
    if (structure.sectionOf[i] !== null && structure.sectionOf[i]! >= 2) reachedTwo = true;
    if (!reachedTwo) beforeTwo.push({ text: b.text, source: b.source });
  });
  const preamble = preambleParts.join('\n');

  const { captures, sectionsWithTables } = scanTables(blocks, (i) => structure.sectionOf[i] ?? null);

  const period = readPeriod(beforeTwo);
  const years: Recognition['years'] = {};
  if (head.titleYear !== undefined) years.title = head.titleYear;
  if (period?.from.year !== undefined) years.period = period.from.year;
  if (metadata?.year !== undefined) years.metadata = metadata.year;
  let year = years.title ?? years.period ?? years.metadata ?? null;
  if (year === null) {
    const opening = [preamble, ...structure.sections.filter((s) => s.number === 1).map((s) => s.text)];
    const y = proseYear(opening);
    if (y !== undefined) {
      years.prose = y;
      year = y;
    }
  }

  const decision = decideEdition(findMarkers(captures), year);
  const acc: Accumulator = { cells: {}, sources: {}, issues: [], variants: [], rowIssues: [] };
  const tables: TableFinding[] = [];
  if (decision.edition) {
    const ed = decision.edition;
    for (const c of captures) {
      tables.push(c.id === 't3' ? mapT3(c, ed, acc) : c.id === 't4' ? mapT4(c, ed, acc) : mapT2(c, ed, acc));
    }
    applyUnfilled(acc);
    tables.sort((a, b) => TABLE_ORDER.indexOf(a.id) - TABLE_ORDER.indexOf(b.id));
  }

  const imageSections: number[] = [];
  blocks.forEach((b, i) => {
    const s = structure.sectionOf[i];
    if (b.kind === 'image' && s != null && !sectionsWithTables.has(s) && !imageSections.includes(s)) imageSections.push(s);
  });

  const preTemplateLayout = tables.length === 0 && (structure.preTemplateMarkers.length >= 2 || (year !== null && year <= 2018));

  if (structure.headings.length === 0 && captures.length === 0 && head.title === null && !preTemplateLayout) {
    throw new InputProblem('I-NOT-A-REPORT', '未识别出政府信息公开工作年度报告的标题、章节或统计表，文件可能不是年度报告。');
  }

  const agency = head.agency ?? agencyFromPreamble(preamble) ?? metadata?.agency ?? null;
  const recognition: Recognition = {
    headings: structure.headings,
    editionMarkers: decision.markers,
    editionBasis: preTemplateLayout ? 'none' : decision.basis,
    preTemplateLayout,
    years,
    preamble,
    tables,
    imageSections,
    labelVariants: acc.variants,
    cellIssues: acc.issues,
    rowIssues: acc.rowIssues,
  };
  if (period) recognition.period = period;
  return {
    // A pre-2019 report has no template edition: its layout predates both.
    edition: preTemplateLayout ? null : decision.edition,
    year,
    agency,
    title: head.title,
    issuerKind: issuerKindOf(agency, metadata),
    publishedAt: readPublishedAt(document, metadata),
    sections: structure.sections,
    cells: acc.cells,
    cellSources: acc.sources,
    recognition,
  };
}
