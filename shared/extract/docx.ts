/**
 * DOCX → Document. The package is unzipped with caps (zip.ts); word/document.xml is parsed by our
 * strict XML reader (xml.ts: no DTD, no custom entities), which steps over the subtrees nothing
 * here reads (run properties, section and table properties, deleted text, field codes).
 * Paragraphs with heading styles (or an outline level) become headings; tables become grids with
 * w:gridSpan and w:vMerge expanded (grid.ts). `source.line` is the 1-based paragraph ordinal in
 * document order, counting the paragraphs inside tables and text boxes.
 *
 * Word markup read as a reader sees the document: tracked insertions (w:ins) and moves' new place
 * (w:moveTo) are text, deletions (w:del, w:delText) and moves' old place (w:moveFrom) are not;
 * field codes (w:instrText) are not text, field results are; mc:AlternateContent gives its first
 * mc:Choice (else its mc:Fallback), never both; hyperlinks, smart tags, custom XML and content
 * controls (w:sdt at block, row, cell and run level) are read through.
 *
 * Length (~370 lines): one walk over the document's elements, whose cases share the paragraph,
 * table and cap state of that walk; the pieces that stand alone are already apart (docx-chunks.ts
 * for altChunk parts, grid.ts, xml.ts, zip.ts).
 */
import { pushAll } from '../report/arrays.ts';
import { InputProblem } from '../report/errors.ts';
import type { Block, Document } from '../report/model.ts';
import { type AltChunk, withAltChunks } from './docx-chunks.ts';
import { cleanText, expandGrid, type SpanCell, trimGrid } from './grid.ts';
import { EXTRACT_LIMITS, overLimit } from './limits.ts';
import { parseXml, type XmlElement, XmlError } from './xml.ts';
import { readZip } from './zip.ts';

const DOCUMENT = 'word/document.xml';
const STYLES = 'word/styles.xml';
const CORE = 'docProps/core.xml';

/**
 * Subtrees never read, dropped while parsing: formatting (a third of a typical document.xml),
 * bookkeeping, and what is not text to a reader. w:del and w:ins also occur as empty revision
 * marks inside properties: dropping the w:del mark of a deleted table row is harmless, its text is
 * in w:delText.
 */
const SKIP = new Set([
  'w:rPr',
  'w:sectPr',
  'w:tblPr',
  'w:tblPrEx',
  'w:tblGrid',
  'w:tcBorders',
  'w:tcW',
  'w:tcMar',
  'w:shd',
  'w:vAlign',
  'w:noWrap',
  'w:jc',
  'w:spacing',
  'w:ind',
  'w:numPr',
  'w:pBdr',
  'w:tabs',
  'w:keepNext',
  'w:keepLines',
  'w:widowControl',
  'w:snapToGrid',
  'w:adjustRightInd',
  'w:textAlignment',
  'w:cantSplit',
  'w:trHeight',
  'w:tblHeader',
  'w:proofErr',
  'w:bookmarkStart',
  'w:bookmarkEnd',
  'w:lastRenderedPageBreak',
  'w:sdtPr',
  'w:sdtEndPr',
  'w:del',
  'w:delText',
  'w:delInstrText',
  'w:moveFrom',
  'w:instrText',
  'w:rt',
  'w:commentRangeStart',
  'w:commentRangeEnd',
  'w:permStart',
  'w:permEnd',
]);
const STYLE_SKIP = new Set(['w:rPr', 'w:tblPr', 'w:tcPr', 'w:trPr', 'w:docDefaults', 'w:latentStyles', 'w:rsid']);

function val(el: XmlElement | undefined): string | undefined {
  return el?.attr('w:val');
}
/** Children named `name`, looking through content controls and custom XML (row/cell level). */
function through(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    else if (c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') through(c, name, out);
  }
  return out;
}
/** The branch of an mc:AlternateContent that is read: the first Choice, else the Fallback. */
function alternative(el: XmlElement): XmlElement | undefined {
  return el.child('mc:Choice') ?? el.child('mc:Fallback');
}
/** Text box contents (w:txbxContent) inside a drawing, VML picture or object, outermost first. */
function textBoxes(el: XmlElement, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'w:txbxContent') out.push(c);
    else if (c.name === 'mc:AlternateContent') {
      const branch = alternative(c);
      if (branch) textBoxes(branch, out);
    } else textBoxes(c, out);
  }
  return out;
}
/**
 * w:sym: a character of a symbol font. Code points in the private use area (F000–F0FF, Symbol and
 * Wingdings glyphs: check marks, bullets) mean nothing outside that font and are dropped.
 */
function symbol(el: XmlElement): string {
  const code = parseInt(el.attr('w:char') ?? '', 16);
  if (!Number.isFinite(code) || code < 0x20 || code > 0x10ffff || (code >= 0xe000 && code <= 0xf8ff)) return '';
  if (code >= 0xd800 && code <= 0xdfff) return '';
  return String.fromCodePoint(code);
}

/** Heading level of each paragraph style id (style names "heading N" / "标题 N", "Title", outline levels). */
function headingStyles(bytes: Uint8Array | undefined): Map<string, number> {
  const levels = new Map<string, number>();
  if (!bytes) return levels;
  try {
    for (const style of through(parseXml(bytes, { skip: STYLE_SKIP }), 'w:style')) {
      const id = style.attr('w:styleId');
      if (!id) continue;
      const name = (val(style.child('w:name')) ?? '').toLowerCase();
      const outline = val(style.child('w:pPr')?.child('w:outlineLvl'));
      const m = /^(?:heading|标题)\s*(\d)$/.exec(name);
      if (m) levels.set(id, Number(m[1]));
      else if (name === 'title') levels.set(id, 1);
      else if (outline !== undefined && Number(outline) < 6) levels.set(id, Number(outline) + 1);
    }
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    levels.clear(); // unreadable styles: no heading styles, the text is still there
  }
  return levels;
}

function coreTitle(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes) return undefined;
  try {
    const text = cleanText(parseXml(bytes).child('dc:title')?.text() ?? '');
    return text || undefined;
  } catch (error) {
    if (error instanceof XmlError) return undefined;
    throw error;
  }
}

interface Paragraph {
  text: string;
  images: number;
  line: number;
  level?: number;
  /** Text boxes anchored in the paragraph. */
  boxes: XmlElement[];
}

class DocxReader {
  readonly blocks: Block[] = [];
  /** Embedded parts of other formats (w:altChunk), read afterwards (docx-chunks.ts). */
  readonly chunks: AltChunk[] = [];
  private ordinal = 0;
  constructor(private readonly styles: Map<string, number>) {}

  /** The text of the runs under `el` (w:t; tabs and breaks as spaces); drawings and text boxes collected. */
  private inline(el: XmlElement, out: Paragraph): void {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      switch (c.name) {
        case 'w:t':
        case 'm:t': // text of an equation (Office Math)
          for (const t of c.children) if (typeof t === 'string') out.text += t;
          if (out.text.length > EXTRACT_LIMITS.maxLineChars) throw overLimit('lineChars', out.text.length, EXTRACT_LIMITS.maxLineChars);
          break;
        case 'w:tab':
        case 'w:ptab':
        case 'w:br':
        case 'w:cr':
          out.text += ' ';
          break;
        case 'w:noBreakHyphen':
          out.text += '-';
          break;
        case 'w:softHyphen': // shown only where a line breaks
        case 'w:pPr':
        case 'w:fldChar':
          break;
        case 'w:sym':
          out.text += symbol(c);
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object': {
          const boxes = textBoxes(c);
          if (boxes.length > 0) pushAll(out.boxes, boxes);
          else out.images++;
          break;
        }
        case 'mc:AlternateContent': {
          const branch = alternative(c);
          if (branch) this.inline(branch, out);
          break;
        }
        default: // w:r, w:hyperlink, w:smartTag, w:customXml, w:sdt(Content), w:fldSimple, w:ins, w:moveTo…
          this.inline(c, out);
      }
    }
  }

  private paragraph(p: XmlElement): Paragraph {
    const out: Paragraph = { text: '', images: 0, line: ++this.ordinal, boxes: [] };
    this.inline(p, out);
    const pPr = p.child('w:pPr');
    const style = val(pPr?.child('w:pStyle'));
    const outline = val(pPr?.child('w:outlineLvl'));
    let level = style !== undefined ? this.styles.get(style) : undefined;
    if (level === undefined && outline !== undefined && Number(outline) < 6) level = Number(outline) + 1;
    out.text = cleanText(out.text);
    if (level) out.level = level;
    return out;
  }

  /** Paragraph texts of a cell (nested tables and text boxes flattened), with the first paragraph's ordinal. */
  private cellContent(tc: XmlElement): { text: string; line: number } {
    const acc = { texts: [] as string[], line: 0 };
    this.cellVisit(tc, acc);
    return { text: acc.texts.join(' '), line: acc.line || this.ordinal };
  }

  private cellVisit(el: XmlElement, acc: { texts: string[]; line: number }): void {
    for (const child of el.children) {
      if (typeof child === 'string' || child.name === 'w:tcPr') continue;
      if (child.name === 'w:p') {
        const p = this.paragraph(child);
        if (acc.line === 0) acc.line = p.line;
        if (p.text) acc.texts.push(p.text);
        for (const box of p.boxes) this.cellVisit(box, acc);
      } else if (child.name === 'mc:AlternateContent') {
        const branch = alternative(child);
        if (branch) this.cellVisit(branch, acc);
      } else this.cellVisit(child, acc);
    }
  }

  private table(tbl: XmlElement): void {
    type Placed = SpanCell & { col: number; merge?: 'restart' | 'continue' };
    const rows: Placed[][] = [];
    let firstLine = 0;
    for (const tr of through(tbl, 'w:tr')) {
      const trPr = tr.child('w:trPr');
      let col = 0;
      const row: Placed[] = [];
      const before = Math.max(0, Number(val(trPr?.child('w:gridBefore')) ?? 0) || 0);
      if (before > 0) row.push({ text: '', colspan: before, pad: true, col });
      col += before;
      for (const tc of through(tr, 'w:tc')) {
        const tcPr = tc.child('w:tcPr');
        const colspan = Math.max(1, Number(val(tcPr?.child('w:gridSpan')) ?? 1) || 1);
        const hMerge = tcPr?.child('w:hMerge');
        const previous = row[row.length - 1];
        if (hMerge && val(hMerge) !== 'restart' && previous && !previous.pad) {
          // legacy horizontal merge: the cell belongs to the one on its left
          previous.colspan = (previous.colspan ?? 1) + colspan;
          this.cellContent(tc);
          col += colspan;
          continue;
        }
        const vMerge = tcPr?.child('w:vMerge');
        const content = this.cellContent(tc);
        if (firstLine === 0) firstLine = content.line;
        const merge = vMerge ? (val(vMerge) === 'restart' ? 'restart' : 'continue') : undefined;
        row.push({ text: content.text, colspan, col, source: { line: content.line }, ...(merge ? { merge } : {}) });
        col += colspan;
      }
      const after = Math.max(0, Number(val(trPr?.child('w:gridAfter')) ?? 0) || 0);
      if (after > 0) row.push({ text: '', colspan: after, pad: true, col });
      rows.push(row);
    }
    // A continuation with no merged cell directly above (malformed, or a restart left out) starts
    // a merge of its own: it stays a cell, and continuations below it join it.
    rows.forEach((row, r) => {
      for (const cell of row) {
        if (cell.merge === 'continue' && !rows[r - 1]?.some((p) => p.col === cell.col && p.merge !== undefined)) cell.merge = 'restart';
      }
    });
    // vMerge → rowspan on the restarting cell; continuation cells disappear (expandGrid copies).
    rows.forEach((row, r) => {
      for (const cell of row) {
        if (cell.merge !== 'restart') continue;
        let span = 1;
        while (rows[r + span]?.some((c) => c.col === cell.col && c.merge === 'continue')) span++;
        cell.rowspan = span;
      }
    });
    const spanRows: SpanCell[][] = rows.map((row) =>
      row.filter((c) => c.merge !== 'continue').map(({ col: _col, merge: _merge, ...cell }) => cell),
    );
    const grid = trimGrid(expandGrid(spanRows));
    if (grid.length > 0) this.blocks.push({ kind: 'table', rows: grid, source: { line: firstLine || this.ordinal } });
  }

  /**
   * Block-level content. A text box's paragraphs and tables become blocks right after the
   * paragraph that anchors it (where the box sits in the text flow), once: Word stores each box
   * twice (DrawingML choice, VML fallback) and only the choice is read.
   */
  body(el: XmlElement): void {
    for (const child of el.children) {
      if (typeof child === 'string') continue;
      switch (child.name) {
        case 'w:p': {
          const p = this.paragraph(child);
          for (let i = 0; i < p.images; i++) this.blocks.push({ kind: 'image', source: { line: p.line } });
          if (p.text) {
            this.blocks.push(
              p.level
                ? { kind: 'heading', text: p.text, level: p.level, source: { line: p.line } }
                : { kind: 'paragraph', text: p.text, source: { line: p.line } },
            );
          }
          for (const box of p.boxes) this.body(box);
          break;
        }
        case 'w:tbl':
          this.table(child);
          break;
        case 'mc:AlternateContent': {
          const branch = alternative(child);
          if (branch) this.body(branch);
          break;
        }
        case 'w:altChunk': {
          const id = child.attr('r:id');
          if (id) this.chunks.push({ at: this.blocks.length, id, line: Math.max(1, this.ordinal) });
          break;
        }
        case 'w:sdt':
        case 'w:sdtContent':
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          this.body(child);
          break;
      }
    }
  }
}

export function extractDocx(bytes: Uint8Array): Document {
  const files = readZip(bytes, (name) => name === DOCUMENT || name === STYLES || name === CORE);
  const main = files[DOCUMENT];
  if (!main) throw new InputProblem('I-UNREADABLE', '文件已损坏或无法读取：Word 文档缺少正文（word/document.xml）。');
  const reader = new DocxReader(headingStyles(files[STYLES]));
  try {
    const body = parseXml(main, { skip: SKIP }).child('w:body');
    if (!body) throw new InputProblem('I-UNREADABLE', '文件已损坏或无法读取：Word 文档正文结构无效。');
    reader.body(body);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    throw new InputProblem('I-UNREADABLE', '文件已损坏或无法读取：Word 文档正文结构无效。', { reason: error.message });
  }
  const { blocks, notices } = withAltChunks(bytes, reader.blocks, reader.chunks);
  const title = coreTitle(files[CORE]);
  return { format: 'docx', ...(title ? { title } : {}), blocks, notices };
}
