/**
 * Builders of the items of one version (docs/data-model.md): section text parts, cells by
 * section, recognition evidence, findings and resolved findings; and the way back to the model.
 */
import { pushAll } from '../../report/arrays.ts';
import { type Finding, type Report, ReportSchema } from '../../report/model.ts';
import {
  type CellsItem,
  CellsItemSchema,
  type FindingItem,
  keys,
  RecognitionItemSchema,
  type ResolvedItem,
  SECTION_PART_CHARS,
  type SectionItem,
  SectionItemSchema,
  seqOf,
  type VersionItem,
} from './items.ts';

/** A finding of the version being written, with its relation to the previous version. */
export interface ChangedFinding {
  finding: Finding;
  change: 'new' | 'unchanged';
}

/** Everything the pipeline knows about one processed object version. */
export type VersionRecord = Omit<VersionItem, 'pk' | 'sk' | 'type'>;

// ---------------------------------------------------------------------------------------------

/** Section text parts, cells by section group, and the recognition evidence of a Report. */
export function reportItems(partition: string, report: Report): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (const section of report.sections) {
    const parts = splitText(section.text, SECTION_PART_CHARS);
    parts.forEach((text, part) => {
      const item: SectionItem = {
        pk: partition,
        sk: keys.section(section.number, part),
        type: 'section',
        number: section.number,
        heading: section.heading,
        part,
        parts: parts.length,
        text,
        variant: section.variant,
        numbered: section.numbered,
        ...(section.source ? { source: section.source } : {}),
      };
      items.push(item);
    });
  }
  const groups = new Map<string, CellsItem>();
  for (const [key, value] of Object.entries(report.cells)) {
    const group = key.split('.')[0] ?? key;
    let item = groups.get(group);
    if (!item) {
      item = { pk: partition, sk: keys.cells(group), type: 'cells', group, cells: {}, sources: {} };
      groups.set(group, item);
    }
    item.cells[key] = value;
    const origin = report.cellSources[key];
    if (origin) item.sources[key] = origin;
  }
  pushAll(items, groups.values());
  items.push({
    pk: partition,
    sk: keys.recognition,
    type: 'recognition',
    recognition: report.recognition,
    issuerKind: report.issuerKind,
    publishedAt: report.publishedAt,
  });
  return items;
}

/** Splits text into parts of at most `max` characters, at a line break when there is one. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf('\n', max);
    const at = cut > max / 2 ? cut + 1 : max;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  parts.push(rest);
  return parts;
}

export function joinSections(items: SectionItem[]): Report['sections'] {
  const byNumber = new Map<number, SectionItem[]>();
  for (const item of items) byNumber.set(item.number, [...(byNumber.get(item.number) ?? []), item]);
  return [...byNumber.values()].map((parts) => {
    parts.sort((a, b) => a.part - b.part);
    const first = parts[0]!;
    return {
      number: first.number,
      heading: first.heading,
      text: parts.map((p) => p.text).join(''),
      variant: first.variant,
      numbered: first.numbered,
      ...(first.source ? { source: first.source } : {}),
    };
  });
}

/** What a Report takes from its version record (or from the report item, which copies them). */
export type ReportFields = Pick<VersionItem, 'edition' | 'year' | 'agency' | 'title' | 'publishedAt'>;

/** The Report of a version from its items (any order); undefined without a recognition item. */
export function reportFromItems(version: ReportFields, items: readonly Record<string, unknown>[]): Report | undefined {
  const recognition = items.find((i) => i.type === 'recognition');
  if (!recognition) return undefined;
  const rec = RecognitionItemSchema.parse(recognition);
  const sections = items.filter((i) => i.type === 'section').map((i) => SectionItemSchema.parse(i));
  const cells = items.filter((i) => i.type === 'cells').map((i) => CellsItemSchema.parse(i));
  return ReportSchema.parse({
    edition: version.edition,
    year: version.year,
    agency: version.agency,
    title: version.title,
    issuerKind: rec.issuerKind,
    publishedAt: version.publishedAt,
    sections: joinSections(sections),
    cells: cells.reduce((all, c) => Object.assign(all, c.cells), {}),
    cellSources: cells.reduce((all, c) => Object.assign(all, c.sources), {}),
    recognition: rec.recognition,
  });
}

export function findingItem(partition: string, v: VersionRecord, f: ChangedFinding, index: number): FindingItem {
  const seq = seqOf(index);
  return {
    ...f.finding,
    pk: partition,
    sk: keys.finding(seq),
    type: 'finding',
    seq,
    reportId: v.reportId,
    versionId: v.versionId,
    agency: v.agency,
    year: v.year,
    change: f.change,
    gsi3pk: keys.ruleIndex(f.finding.ruleId, v.year),
    gsi3sk: keys.ruleSort(v.reportId, seq),
  };
}

export function resolvedItem(partition: string, v: VersionRecord, f: Finding, index: number): ResolvedItem {
  const seq = seqOf(index);
  return {
    ...f,
    pk: partition,
    sk: keys.resolved(seq),
    type: 'resolved',
    seq,
    reportId: v.reportId,
    versionId: v.versionId,
    agency: v.agency,
    year: v.year,
    change: 'resolved',
    resolvedIn: v.versionId,
    fromVersionId: v.previousVersionId ?? '',
  };
}

/** A stored finding back to the model's Finding. */
export function toFinding(item: FindingItem | ResolvedItem): Finding {
  const f: Finding = { ruleId: item.ruleId, severity: item.severity, category: item.category, message: item.message };
  if (item.cells) f.cells = item.cells;
  if (item.expected !== undefined) f.expected = item.expected;
  if (item.actual !== undefined) f.actual = item.actual;
  if (item.suspect !== undefined) f.suspect = item.suspect;
  if (item.source) f.source = item.source;
  return f;
}
