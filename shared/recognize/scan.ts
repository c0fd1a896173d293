/**
 * First pass over the Document's table blocks, edition-agnostic: which rows belong to which
 * template table (sub-table titles, the table-三 note and row labels, table-四 labels or its run
 * of 15 numbers), split into header rows and data rows.
 */
import { isBlankText, looksLikeValue } from '../report/cell-text.ts';
import type { Block, Cell, Source } from '../report/model.ts';
import { normalizeLabel, stripAnnotation } from '../report/normalize.ts';
import { EDITIONS, T2, type TableId } from '../report/template.ts';
import type { RowToken } from './decode-row.ts';
import { matchT3Row } from './labels.ts';

export interface RowView {
  /** Cells that are not span copies, in order. */
  cells: Cell[];
  /** The whole row of the grid, span copies included (cell i is in grid column i). */
  grid: Cell[];
  /** Indices (into cells) of label cells: not blank, not value-like. */
  labels: number[];
  /** Cells after the last label (all cells when there is no label). */
  values: Cell[];
  /** At least one value-like (non-blank) cell among `values`. */
  hasValues: boolean;
  /** The value tokens for decoding: `values`, with the placeholders written among and after them (decode-row.ts). */
  tokens: RowToken[];
  section: number | null;
  source: Source;
  /** The last row of the document, which ends inside this table (the text is cut). */
  isLast: boolean;
  /** t3RowLabel's answer once asked (null: none); absent until then. */
  t3Label?: string | null;
}

export interface Capture {
  id: TableId;
  section: number | null;
  source: Source;
  /** Rows after the title row, in order (header and data: mapping tells them apart). */
  rows: RowView[];
  cut: boolean;
}

const T2_TITLE = /^第二十条第\(?([一二三四五六七八九十]+)\)?/;
const T2_IDS: Record<string, TableId> = { 一: 't2.1', 五: 't2.5', 六: 't2.6', 八: 't2.8', 九: 't2.9' };
/** Table-二 row labels (both editions) → their sub-table, for tables whose title rows were lost. */
const T2_ROW_TABLE = new Map<string, TableId>();
for (const ed of EDITIONS) {
  for (const sub of T2[ed]) {
    for (const r of sub.rows) for (const l of [r.label, ...(r.aliases ?? [])]) T2_ROW_TABLE.set(stripAnnotation(normalizeLabel(l)), sub.id);
  }
}

const T4_LABELS = new Set(['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', '结果纠正']);

function view(row: Cell[], section: number | null, fallback: Source): RowView {
  const cells = row.filter((c) => !c.span);
  const labels: number[] = [];
  cells.forEach((c, i) => {
    if (!isBlankText(c.text) && !looksLikeValue(c.text)) labels.push(i);
  });
  const last = labels.length > 0 ? labels[labels.length - 1]! : -1;
  const values = cells.slice(last + 1);
  // Grid cells after the last label: the values, and the placeholders written among/after them.
  const from = last >= 0 ? row.indexOf(cells[last]!) + 1 : 0;
  const tokens: RowToken[] = [];
  for (const cell of row.slice(from)) {
    if (!cell.span) tokens.push({ cell });
    else if (cell.placeholder) tokens.push({ cell, placeholder: true });
  }
  return {
    cells,
    grid: row,
    labels,
    values,
    tokens,
    hasValues: values.some((c) => !isBlankText(c.text)),
    section,
    source: cells[0]?.source ?? row[0]?.source ?? fallback,
    isLast: false,
    t3Label: undefined,
  };
}

export function labelTexts(r: RowView): string[] {
  return r.labels.map((i) => r.cells[i]!.text);
}

/** The table-三 row label of a row, if any of its label cells (last first) is one. */
export function t3RowLabel(r: RowView): string | undefined {
  // Asked several times per row (scan, edition markers, mapping): computed once per row.
  if (r.t3Label === undefined) r.t3Label = t3RowLabelUncached(r) ?? null;
  return r.t3Label ?? undefined;
}

function t3RowLabelUncached(r: RowView): string | undefined {
  for (let k = r.labels.length - 1; k >= 0; k--) {
    const t = r.cells[r.labels[k]!]!.text;
    const whole = matchT3Row(t);
    if (whole && whole.via !== 'partial') return t;
    // Group and row labels in one cell (`三、本年度办理结果 (一)予以公开`, PDF text): the tail,
    // before a partial match of the whole (which would take `（六）其他处理 1.…` for （六）).
    const parts = t.trim().split(/[\s\u00a0\u3000]+/);
    for (let i = 1; i < parts.length; i++) {
      const tail = parts.slice(i).join(' ');
      if (matchT3Row(tail)) return tail;
    }
    if (whole) return t;
  }
  if (r.labels.length > 1) {
    const joined = labelTexts(r).join('');
    if (matchT3Row(joined)) return joined;
  }
  return undefined;
}

export interface ScanResult {
  captures: Capture[];
  /** Sections that hold table rows. */
  sectionsWithTables: Set<number>;
}

/** Walks all table blocks in order; `sectionAt(blockIndex)` gives the section a block is under. */
export function scanTables(blocks: readonly Block[], sectionAt: (index: number) => number | null): ScanResult {
  const captures: Capture[] = [];
  const byId = new Map<TableId, Capture>();
  const sectionsWithTables = new Set<number>();
  let cur: Capture | undefined;
  let lastSection: number | null = null;
  let lastBlock = blocks.length - 1;
  while (lastBlock >= 0 && blocks[lastBlock]!.kind === 'image') lastBlock--;

  const open = (id: TableId, r: RowView): Capture => {
    let c = byId.get(id);
    if (!c) {
      c = { id, section: r.section, source: r.source, rows: [], cut: false };
      byId.set(id, c);
      captures.push(c);
    }
    cur = c;
    return c;
  };

  blocks.forEach((block, bi) => {
    if (block.kind !== 'table') return;
    const section = sectionAt(bi);
    block.rows.forEach((row, ri) => {
      const r = view(row, section, block.source);
      if (r.cells.length === 0) return;
      if (bi === lastBlock && ri === block.rows.length - 1) r.isLast = true;
      if (section !== null) sectionsWithTables.add(section);
      // A table does not run on into the next section (a 信息处理费 table in 六 is not table 四).
      if (cur && section !== null && section !== lastSection) cur = undefined;
      lastSection = section;
      const labels = labelTexts(r).map(normalizeLabel);
      const title = labels.length > 0 ? T2_TITLE.exec(labels[0]!) : null;
      if (title) {
        const id = T2_IDS[title[1]!];
        if (id) open(id, r);
        else cur = undefined;
        if (r.isLast && cur) cur.cut = true;
        return;
      }
      if (labels.some((l) => l.includes('勾稽关系') || l.startsWith('(本列数据') || l === '申请人情况')) {
        if (cur?.id !== 't3') open('t3', r);
      } else if (cur?.id !== 't4') {
        const t4Label = labels.some((l) => T4_LABELS.has(l) || l.startsWith('行政复议行政诉讼') || l.startsWith('结果维持结果纠正'));
        const t4Numbers = labels.length === 0 && r.values.filter((c) => !isBlankText(c.text)).length >= 15;
        if (t4Label || t4Numbers || section === 4) open('t4', r);
        else if (cur?.id !== 't3' && t3RowLabel(r) !== undefined) open('t3', r);
        else if (cur === undefined || cur.id.startsWith('t2')) {
          // A table-二 row of another sub-table: its title row was lost.
          const last = labels.length > 0 ? T2_ROW_TABLE.get(stripAnnotation(labels[labels.length - 1]!)) : undefined;
          if (last && last !== cur?.id && (cur !== undefined || section === 2)) open(last, r);
        }
      }
      if (!cur) return;
      cur.rows.push(r);
      if (r.isLast) cur.cut = true;
    });
  });
  return { captures, sectionsWithTables };
}
