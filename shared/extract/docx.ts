/**
 * DOCX → Document. The package is unzipped with caps (zip.ts); word/document.xml is parsed by
 * htmlparser2 in XML mode (no DTD, no external entities: htmlparser2 never resolves them).
 * Paragraphs with heading styles (or an outline level) become headings; tables become grids with
 * w:gridSpan and w:vMerge expanded (grid.ts). `source.line` is the 1-based paragraph ordinal in
 * document order, counting the paragraphs inside tables.
 */
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { InputProblem } from '../report/errors.ts';
import type { Block, Document } from '../report/model.ts';
import { type SpanCell, cleanText, expandGrid, trimGrid } from './grid.ts';
import { readZip } from './zip.ts';

const DOCUMENT = 'word/document.xml';
const STYLES = 'word/styles.xml';
const CORE = 'docProps/core.xml';

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag';
}
function kids(el: Element, name?: string): Element[] {
  return el.children.filter((c): c is Element => isElement(c) && (name === undefined || c.name === name));
}
function kid(el: Element | undefined, name: string): Element | undefined {
  return el ? kids(el, name)[0] : undefined;
}
function val(el: Element | undefined): string | undefined {
  return el?.attribs['w:val'];
}
const UTF8 = new TextDecoder('utf-8');
/**
 * Run properties (w:rPr: fonts, sizes, colours) are never read, and they are a fifth of a typical
 * document.xml: innermost ones are cut before parsing, which is the costly part. A w:rPr that
 * holds another (w:rPrChange) is left whole: only its inner one is cut.
 */
const RUN_PROPERTIES = /<w:rPr>(?:[^<]|<(?!\/?w:rPr[\s>/]))*<\/w:rPr>|<w:rPr\/>/g;
/** Empty layout elements that are never read either (alignment, spacing, widths, pagination). */
const LAYOUT =
  /<w:(?:jc|vAlign|keepNext|keepLines|widowControl|spacing|ind|cantSplit|tcW|tblW|tblInd|tblLayout|tblLook|gridCol|shd|noWrap|snapToGrid|adjustRightInd|textAlignment)\b[^<>]*\/>/g;
function parseXml(bytes: Uint8Array): ChildNode[] {
  const text = UTF8.decode(bytes).replace(RUN_PROPERTIES, '').replace(LAYOUT, '');
  return parseDocument(text, { xmlMode: true, decodeEntities: true }).children;
}
function find(nodes: ChildNode[], name: string): Element | undefined {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (node.name === name) return node;
    const inner = find(node.children, name);
    if (inner) return inner;
  }
  return undefined;
}

/** Heading level of each paragraph style id (style names "heading N" / "标题 N", "Title", outline levels). */
function headingStyles(bytes: Uint8Array | undefined): Map<string, number> {
  const levels = new Map<string, number>();
  if (!bytes) return levels;
  const styles = find(parseXml(bytes), 'w:styles');
  for (const style of styles ? kids(styles, 'w:style') : []) {
    const id = style.attribs['w:styleId'];
    if (!id) continue;
    const name = (val(kid(style, 'w:name')) ?? '').toLowerCase();
    const outline = val(kid(kid(style, 'w:pPr'), 'w:outlineLvl'));
    const m = /^(?:heading|标题)\s*(\d)$/.exec(name);
    if (m) levels.set(id, Number(m[1]));
    else if (name === 'title') levels.set(id, 1);
    else if (outline !== undefined && Number(outline) < 6) levels.set(id, Number(outline) + 1);
  }
  return levels;
}

function coreTitle(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes) return undefined;
  const el = find(parseXml(bytes), 'dc:title');
  const text = el ? cleanText(el.children.map((c) => (c.type === 'text' ? c.data : '')).join('')) : '';
  return text || undefined;
}

class DocxReader {
  readonly blocks: Block[] = [];
  private ordinal = 0;
  constructor(private readonly styles: Map<string, number>) {}

  /** The text of runs under `node` (w:t, tabs and breaks as spaces); drawings counted. */
  private runText(node: ChildNode, out: { text: string; images: number }): void {
    if (!isElement(node)) return;
    switch (node.name) {
      case 'w:t':
        out.text += node.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
        return;
      case 'w:tab':
      case 'w:br':
      case 'w:cr':
        out.text += ' ';
        return;
      case 'w:drawing':
      case 'w:pict':
      case 'w:object':
        out.images++;
        return;
      case 'w:del':
      case 'w:delText':
      case 'w:instrText':
      case 'w:pPr':
      case 'w:rPr':
      case 'mc:Fallback':
        return;
      default:
        node.children.forEach((c) => this.runText(c, out));
    }
  }

  private paragraph(p: Element): { text: string; images: number; line: number; level?: number } {
    this.ordinal++;
    const out = { text: '', images: 0 };
    p.children.forEach((c) => this.runText(c, out));
    const pPr = kid(p, 'w:pPr');
    const style = val(kid(pPr, 'w:pStyle'));
    const outline = val(kid(pPr, 'w:outlineLvl'));
    let level = style !== undefined ? this.styles.get(style) : undefined;
    if (level === undefined && outline !== undefined && Number(outline) < 6) level = Number(outline) + 1;
    return { text: cleanText(out.text), images: out.images, line: this.ordinal, ...(level ? { level } : {}) };
  }

  /** Paragraph texts of a cell (nested tables flattened), with the first paragraph's ordinal. */
  private cellContent(tc: Element): { text: string; line: number } {
    const texts: string[] = [];
    let line = 0;
    const visit = (el: Element): void => {
      for (const child of kids(el)) {
        if (child.name === 'w:p') {
          const p = this.paragraph(child);
          if (line === 0) line = p.line;
          if (p.text) texts.push(p.text);
        } else if (child.name !== 'w:tcPr') visit(child);
      }
    };
    visit(tc);
    return { text: texts.join(' '), line: line || this.ordinal };
  }

  private table(tbl: Element): void {
    type Placed = SpanCell & { col: number; merge?: 'restart' | 'continue' };
    const rows: Placed[][] = [];
    let firstLine = 0;
    for (const tr of kids(tbl).flatMap((c) => (c.name === 'w:tr' ? [c] : c.name === 'w:sdt' ? kids(kid(c, 'w:sdtContent') ?? c, 'w:tr') : []))) {
      const trPr = kid(tr, 'w:trPr');
      let col = 0;
      const row: Placed[] = [];
      const before = Number(val(kid(trPr, 'w:gridBefore')) ?? 0);
      if (before > 0) {
        row.push({ text: '', colspan: before, pad: true, col });
        col += before;
      }
      const cells = kids(tr).flatMap((c) => (c.name === 'w:tc' ? [c] : c.name === 'w:sdt' ? kids(kid(c, 'w:sdtContent') ?? c, 'w:tc') : []));
      for (const tc of cells) {
        const tcPr = kid(tc, 'w:tcPr');
        const colspan = Math.max(1, Number(val(kid(tcPr, 'w:gridSpan')) ?? 1) || 1);
        const hMerge = kid(tcPr, 'w:hMerge');
        const previous = row[row.length - 1];
        if (hMerge && val(hMerge) !== 'restart' && previous && !previous.pad) {
          // legacy horizontal merge: the cell belongs to the one on its left
          previous.colspan = (previous.colspan ?? 1) + colspan;
          this.cellContent(tc);
          col += colspan;
          continue;
        }
        const vMerge = kid(tcPr, 'w:vMerge');
        const content = this.cellContent(tc);
        if (firstLine === 0) firstLine = content.line;
        const merge = vMerge ? (val(vMerge) === 'restart' ? 'restart' : 'continue') : undefined;
        row.push({ text: content.text, colspan, col, source: { line: content.line }, ...(merge ? { merge } : {}) });
        col += colspan;
      }
      rows.push(row);
    }
    // vMerge → rowspan on the restarting cell; continuation cells disappear (expandGrid copies).
    rows.forEach((row, r) => {
      for (const cell of row) {
        if (cell.merge !== 'restart') continue;
        let span = 1;
        while (rows[r + span]?.some((c) => c.col === cell.col && c.merge === 'continue')) span++;
        cell.rowspan = span;
      }
    });
    const spanRows: SpanCell[][] = rows.map((row, r) =>
      row
        // a continuation with no merged cell directly above (malformed) stays a cell of its own
        .filter((c) => c.merge !== 'continue' || !rows[r - 1]?.some((p) => p.col === c.col && p.merge !== undefined))
        .map(({ col: _col, merge: _merge, ...cell }) => cell),
    );
    const grid = trimGrid(expandGrid(spanRows));
    if (grid.length > 0) this.blocks.push({ kind: 'table', rows: grid, source: { line: firstLine || this.ordinal } });
  }

  body(el: Element): void {
    for (const child of kids(el)) {
      if (child.name === 'w:p') {
        const p = this.paragraph(child);
        for (let i = 0; i < p.images; i++) this.blocks.push({ kind: 'image', source: { line: p.line } });
        if (!p.text) continue;
        this.blocks.push(
          p.level
            ? { kind: 'heading', text: p.text, level: p.level, source: { line: p.line } }
            : { kind: 'paragraph', text: p.text, source: { line: p.line } },
        );
      } else if (child.name === 'w:tbl') {
        this.table(child);
      } else if (child.name === 'w:sdt' || child.name === 'w:sdtContent' || child.name === 'w:customXml') {
        this.body(child);
      }
    }
  }
}

export function extractDocx(bytes: Uint8Array): Document {
  const files = readZip(bytes, (name) => name === DOCUMENT || name === STYLES || name === CORE);
  const main = files[DOCUMENT];
  if (!main) throw new InputProblem('I-UNREADABLE', '文件已损坏或无法读取：Word 文档缺少正文（word/document.xml）。');
  const body = find(parseXml(main), 'w:body');
  if (!body) throw new InputProblem('I-UNREADABLE', '文件已损坏或无法读取：Word 文档正文结构无效。');
  const reader = new DocxReader(headingStyles(files[STYLES]));
  reader.body(body);
  const title = coreTitle(files[CORE]);
  return { format: 'docx', ...(title ? { title } : {}), blocks: reader.blocks, notices: [] };
}
