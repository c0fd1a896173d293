/**
 * One page's pdfjs operator list → its text runs (with positions) and its ruling lines, in one
 * pass. pdfjs has already decoded the content stream, fonts and glyphs (each glyph carries its
 * Unicode text and advance width); this follows the graphics and text state the way pdfjs's own
 * canvas renderer does (the text rendering matrix of PDF 32000 §9.4.4), so the positions are where
 * a reader sees the glyphs. Reading text here instead of calling getTextContent as well spares
 * pdfjs a second parse of every page. No pdfjs import: the op codes and fonts are passed in.
 *
 * Length (~335 lines): one interpreter over one graphics and text state (the state, its matrix
 * arithmetic and the operators that change it); split, every part would take the whole state.
 */
import type { Segment } from './pdf-layout.ts';
import type { TextItem } from './pdf-text.ts';

/** The op codes used here, by pdfjs's names (pass pdfjs's `OPS`). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  beginText: number;
  setCharSpacing: number;
  setWordSpacing: number;
  setHScale: number;
  setLeading: number;
  setFont: number;
  setTextRise: number;
  moveText: number;
  setLeadingMoveText: number;
  setTextMatrix: number;
  nextLine: number;
  showText: number;
  showSpacedText: number;
  setGState: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** What the text geometry needs of a loaded font. */
export interface FontMetrics {
  fontMatrix?: number[];
  vertical?: boolean;
}

/** A glyph as pdfjs puts it in a showText operation. */
interface Glyph {
  unicode: string;
  width: number;
  isSpace?: boolean;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const FONT_MATRIX: Matrix = [0.001, 0, 0, 0.001, 0, 0];

/** m ∘ n: n applied first, then m. */
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
/** The drawing commands inside pdfjs's constructPath path data (its DrawOPS, not exported). */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** A matrix argument: six numbers, as an array or a typed array (pdfjs 5 passes the latter). */
function matrixOf(value: unknown): Matrix | undefined {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return undefined;
  const m = Array.from(value as ArrayLike<unknown>);
  return m.length >= 6 && m.slice(0, 6).every((n) => typeof n === 'number' && Number.isFinite(n)) ? (m.slice(0, 6) as Matrix) : undefined;
}

interface State {
  ctm: Matrix;
  font: FontMetrics | undefined;
  fontSize: number;
  /** −1 when the font size is negative (glyphs mirrored). */
  fontDirection: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  textMatrix: Matrix;
  /** Position in text space, relative to the text matrix, and the start of the current line. */
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

/** A gap inside a run wider than this (in ems) reads as a space, like pdfjs's text content… */
const SPACE_GAP = 0.102;
/** …and one wider than this ends the run (layout decides what the gap means). */
const SPLIT_GAP = 1;
const WHITESPACE = /^\s*$/;

export interface PageContent {
  items: TextItem[];
  segments: Segment[];
}

/**
 * Reads a page's operator list. `fontOf` returns the loaded font behind a setFont name;
 * `normalize` is applied to each run's text (pdfjs's normalizeUnicode: ligatures and other
 * compatibility characters, as its text content does).
 * Long on purpose (docs/decisions/): one switch over the PDF operators, mirroring pdfjs's
 * canvas renderer case by case, so the two can be compared side by side.
 */
export function readOperators(
  list: { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> },
  OPS: OpCodes,
  fontOf: (name: string) => FontMetrics | undefined,
  normalize: (text: string) => string = (t) => t,
): PageContent {
  const items: TextItem[] = [];
  const segments: Segment[] = [];
  let s: State = {
    ctm: IDENTITY,
    font: undefined,
    fontSize: 0,
    fontDirection: 1,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    textMatrix: IDENTITY,
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
  };
  const stack: State[] = [];
  const moveText = (dx: number, dy: number): void => {
    s.x = s.lineX += dx;
    s.y = s.lineY += dy;
  };
  const setFont = (name: unknown, size: unknown): void => {
    s.font = typeof name === 'string' ? fontOf(name) : undefined;
    const n = typeof size === 'number' ? size : 0;
    s.fontDirection = n < 0 ? -1 : 1;
    s.fontSize = Math.abs(n);
  };
  const paints = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);

  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]!;
    const args = list.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ...s });
        break;
      case OPS.restore:
        s = stack.pop() ?? s;
        break;
      case OPS.transform:
        s.ctm = multiply(s.ctm, matrixOf(args) ?? IDENTITY);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...s });
        s.ctm = multiply(s.ctm, matrixOf(args?.[0]) ?? IDENTITY);
        break;
      }
      case OPS.paintFormXObjectEnd:
        s = stack.pop() ?? s;
        break;
      case OPS.constructPath:
        pathSegments(args, s.ctm, paints, segments);
        break;
      case OPS.beginText:
        s.textMatrix = IDENTITY;
        s.x = s.lineX = s.y = s.lineY = 0;
        break;
      case OPS.setTextMatrix:
        s.textMatrix = matrixOf(args?.[0]) ?? matrixOf(args) ?? IDENTITY;
        s.x = s.lineX = s.y = s.lineY = 0;
        break;
      case OPS.setCharSpacing:
        s.charSpacing = Number(args?.[0]) || 0;
        break;
      case OPS.setWordSpacing:
        s.wordSpacing = Number(args?.[0]) || 0;
        break;
      case OPS.setHScale:
        s.hScale = (Number(args?.[0]) || 100) / 100;
        break;
      case OPS.setLeading:
        s.leading = -(Number(args?.[0]) || 0);
        break;
      case OPS.setTextRise:
        s.rise = Number(args?.[0]) || 0;
        break;
      case OPS.moveText:
        moveText(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
        break;
      case OPS.setLeadingMoveText:
        s.leading = Number(args?.[1]) || 0;
        moveText(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
        break;
      case OPS.nextLine:
        moveText(0, s.leading);
        break;
      case OPS.setFont:
        setFont(args?.[0], args?.[1]);
        break;
      case OPS.setGState:
        for (const [key, value] of (args?.[0] as [string, unknown][] | undefined) ?? []) {
          if (key === 'Font' && Array.isArray(value)) setFont(value[0], value[1]);
        }
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        showText(s, args?.[0] as (Glyph | number)[] | undefined, items, normalize);
        break;
    }
  }
  return { items, segments };
}

/** Where a run of one showText lies, for placing it: the text-to-user matrix and the state's offsets. */
interface Placement {
  m: Matrix;
  x: number;
  y: number;
  /** Horizontal scale × font direction. */
  h: number;
  vertical: boolean;
  size: number;
}

/** A point `advance` text-space units along the line from the current position, in user space. */
function along(p: Placement, advance: number): [number, number] {
  return p.vertical ? apply(p.m, p.x, p.y - advance) : apply(p.m, p.x + advance * p.h, p.y);
}

function pushRun(items: TextItem[], p: Placement, str: string, start: number, end: number): void {
  const [x, y] = along(p, start);
  const [x2, y2] = along(p, end);
  items.push({ str, x, y, width: p.vertical ? p.size : Math.hypot(x2 - x, y2 - y), size: p.size || 10 });
}

/** Text runs of one showText at the current state; advances the text position like a renderer. */
function showText(s: State, glyphs: (Glyph | number)[] | undefined, items: TextItem[], normalize: (t: string) => string): void {
  if (!glyphs || s.fontSize === 0) return;
  const fontMatrix = (s.font?.fontMatrix as Matrix | undefined) ?? FONT_MATRIX;
  const vertical = s.font?.vertical === true;
  const size = s.fontSize;
  const scale = size * fontMatrix[0];
  const m = multiply(s.ctm, s.textMatrix);
  const p: Placement = { m, x: s.x, y: s.y + s.rise, h: s.hScale * s.fontDirection, vertical, size: size * Math.hypot(m[2], m[3]) };

  let advance = 0;
  // the open run: its text ('' when none is open), where it starts and ends along the line
  let str = '';
  let start = 0;
  let end = 0;
  for (const glyph of glyphs) {
    if (typeof glyph === 'number') {
      advance += ((vertical ? 1 : -1) * glyph * size) / 1000;
      continue;
    }
    const spacing = (glyph.isSpace ? s.wordSpacing : 0) + s.charSpacing;
    const width = glyph.width * scale + spacing * s.fontDirection;
    const text = glyph.unicode ?? '';
    if (text === '' || WHITESPACE.test(text)) {
      advance += width;
      continue;
    }
    if (str !== '') {
      const gap = advance - end;
      if (vertical || gap > SPLIT_GAP * size || gap < -SPLIT_GAP * size) {
        pushRun(items, p, normalize(str), start, end);
        str = '';
      } else if (gap > SPACE_GAP * size) str += ' ';
    }
    if (str === '') start = advance;
    str += text;
    advance += width;
    end = advance;
  }
  if (str !== '') pushRun(items, p, normalize(str), start, end);
  if (vertical) s.y -= advance;
  else s.x += advance * p.h;
}

/** Horizontal and vertical segments of a painted path (cell borders, rules), in user space. */
function pathSegments(args: unknown[] | null, ctm: Matrix, paints: Set<number>, out: Segment[]): void {
  const [op, paths] = (args ?? []) as [number, ArrayLike<number>[] | null];
  if (!paints.has(op) || !paths) return;
  for (const data of paths) {
    let cur: [number, number] = [0, 0];
    let start = cur;
    for (let k = 0; k < data.length; ) {
      const code = data[k]!;
      if (code === DRAW.moveTo) {
        cur = start = apply(ctm, data[k + 1]!, data[k + 2]!);
        k += 3;
      } else if (code === DRAW.lineTo || code === DRAW.closePath) {
        const next = code === DRAW.lineTo ? apply(ctm, data[k + 1]!, data[k + 2]!) : start;
        const [x1, x2] = [Math.min(cur[0], next[0]), Math.max(cur[0], next[0])];
        const [y1, y2] = [Math.min(cur[1], next[1]), Math.max(cur[1], next[1])];
        if ((y2 - y1 < 1 && x2 - x1 > 2) || (x2 - x1 < 1 && y2 - y1 > 2)) {
          out.push(y2 - y1 < 1 ? { x1, x2, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 } : { x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1, y2 });
        }
        cur = next;
        k += code === DRAW.lineTo ? 3 : 1;
      } else if (code === DRAW.curveTo) {
        cur = apply(ctm, data[k + 5]!, data[k + 6]!);
        k += 7;
      } else if (code === DRAW.quadraticCurveTo) {
        cur = apply(ctm, data[k + 3]!, data[k + 4]!);
        k += 5;
      } else break;
    }
  }
}
