/**
 * The operator-list reader on hand-made operator lists (pdfjs's own op codes): where text lands,
 * how wide it is, when a gap is a space or a new run, and which paths are ruling lines.
 */
import { getResolvedPDFJS } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { type FontMetrics, type OpCodes, readOperators } from '../../../shared/extract/pdf-operators.ts';

const { OPS, normalizeUnicode } = await getResolvedPDFJS();
const ops = OPS as unknown as OpCodes & Record<string, number>;

type Op = [keyof typeof OPS, unknown[] | null];
const glyph = (unicode: string, width = 1000, isSpace = false) => ({ unicode, width, isSpace });
const FONTS: Record<string, FontMetrics> = {
  cjk: { fontMatrix: [0.001, 0, 0, 0.001, 0, 0] },
  type3: { fontMatrix: [0.01, 0, 0, 0.01, 0, 0] },
  vertical: { fontMatrix: [0.001, 0, 0, 0.001, 0, 0], vertical: true },
};

function read(list: Op[]) {
  return readOperators(
    { fnArray: list.map(([name]) => ops[name]!), argsArray: list.map(([, args]) => args) },
    ops,
    (name) => FONTS[name],
    normalizeUnicode,
  );
}
const text = (...glyphs: unknown[]): Op => ['showText', [glyphs]];
const at = (x: number, y: number): Op => ['setTextMatrix', [new Float32Array([1, 0, 0, 1, x, y])]];
const font = (name: string, size: number): Op => ['setFont', [name, size]];
const round = (items: { str: string; x: number; y: number; width: number; size: number }[]) =>
  items.map((i) => ({ ...i, x: Math.round(i.x * 100) / 100, y: Math.round(i.y * 100) / 100, width: Math.round(i.width * 100) / 100 }));

describe('text runs', () => {
  it('a run starts at the text matrix and is as wide as its advances', () => {
    const { items } = read([['beginText', null], font('cjk', 10), at(100, 700), text(glyph('某'), glyph('县')), ['endText', null]]);
    expect(round(items)).toEqual([{ str: '某县', x: 100, y: 700, width: 20, size: 10 }]);
  });

  it('the position advances after a run, and Td moves from the start of the line', () => {
    const { items } = read([
      ['beginText', null],
      font('cjk', 10),
      at(100, 700),
      text(glyph('一')),
      text(glyph('二')),
      ['moveText', [0, -20]],
      text(glyph('三')),
    ]);
    expect(round(items).map((i) => [i.str, i.x, i.y])).toEqual([
      ['一', 100, 700],
      ['二', 110, 700],
      ['三', 100, 680],
    ]);
  });

  it('a TJ gap of a third of an em between Latin letters reads as a space; over an em it starts a new run', () => {
    const { items } = read([
      ['beginText', null],
      font('cjk', 10),
      at(0, 0),
      text(glyph('a', 500), -300, glyph('b', 500), -3000, glyph('c', 500)),
    ]);
    expect(round(items)).toEqual([
      { str: 'a b', x: 0, y: 0, width: 13, size: 10 },
      { str: 'c', x: 43, y: 0, width: 5, size: 10 },
    ]);
  });

  it('small kerning (under a tenth of an em) joins without a space', () => {
    const { items } = read([['beginText', null], font('cjk', 10), at(0, 0), text(glyph('2', 600), -50, glyph('0', 600))]);
    expect(items.map((i) => i.str)).toEqual(['20']);
  });

  it('space glyphs are gaps, with word spacing; no trailing space is kept', () => {
    const { items } = read([
      ['beginText', null],
      font('cjk', 10),
      ['setWordSpacing', [2]],
      at(0, 0),
      text(glyph('a', 500), glyph(' ', 250, true), glyph('b', 500), glyph(' ', 250, true)),
    ]);
    expect(round(items)).toEqual([{ str: 'a b', x: 0, y: 0, width: 14.5, size: 10 }]);
  });

  it('character spacing and horizontal scaling change the advance', () => {
    const { items } = read([
      ['beginText', null],
      font('cjk', 10),
      ['setCharSpacing', [1]],
      ['setHScale', [50]],
      at(0, 0),
      text(glyph('甲'), glyph('乙')),
      text(glyph('丙')),
    ]);
    // each glyph advances (10 + 1) × 0.5
    expect(round(items).map((i) => [i.str, i.x, i.width])).toEqual([
      ['甲乙', 0, 11],
      ['丙', 11, 5.5],
    ]);
  });

  it('the CTM scales and moves text; restore brings the old CTM back', () => {
    const { items } = read([
      ['save', null],
      ['transform', [2, 0, 0, 2, 10, 20]],
      ['beginText', null],
      font('cjk', 5),
      at(0, 0),
      text(glyph('大')),
      ['endText', null],
      ['restore', null],
      ['beginText', null],
      font('cjk', 5),
      at(0, 0),
      text(glyph('小')),
      ['endText', null],
    ]);
    expect(round(items)).toEqual([
      { str: '大', x: 10, y: 20, width: 10, size: 10 },
      { str: '小', x: 0, y: 0, width: 5, size: 5 },
    ]);
  });

  it('a text matrix that flips y (as cairo writes) still gives the size as a positive number', () => {
    const { items } = read([
      ['beginText', null],
      font('cjk', 1),
      ['setTextMatrix', [new Float32Array([8, 0, 0, -8, 50, 60])]],
      text(glyph('字')),
    ]);
    expect(round(items)).toEqual([{ str: '字', x: 50, y: 60, width: 8, size: 8 }]);
  });

  it('leading, T* and text rise', () => {
    const { items } = read([
      ['beginText', null],
      font('cjk', 10),
      at(0, 100),
      ['setLeading', [14]],
      ['nextLine', null],
      text(glyph('下')),
      ['setTextRise', [3]],
      ['setLeadingMoveText', [0, -10]],
      text(glyph('上')),
    ]);
    expect(round(items).map((i) => [i.str, i.x, i.y])).toEqual([
      ['下', 0, 86],
      ['上', 0, 79],
    ]);
  });

  it('a font set through an ExtGState, and a font matrix other than 1/1000', () => {
    const { items } = read([['beginText', null], ['setGState', [[['Font', ['type3', 4]]]]], at(0, 0), text(glyph('甲', 50))]);
    expect(round(items)).toEqual([{ str: '甲', x: 0, y: 0, width: 2, size: 4 }]);
  });

  it('a form XObject’s matrix applies to its text and paths, and ends with it', () => {
    const { items, segments } = read([
      ['paintFormXObjectBegin', [new Float32Array([1, 0, 0, 1, 100, 200]), null]],
      ['beginText', null],
      font('cjk', 10),
      at(0, 0),
      text(glyph('内')),
      ['endText', null],
      ['constructPath', [ops.stroke, [new Float32Array([0, 0, 0, 1, 50, 0])], null]],
      ['paintFormXObjectEnd', null],
      ['constructPath', [ops.stroke, [new Float32Array([0, 0, 0, 1, 50, 0])], null]],
    ]);
    expect(round(items).map((i) => [i.str, i.x, i.y])).toEqual([['内', 100, 200]]);
    expect(segments).toEqual([
      { x1: 100, x2: 150, y1: 200, y2: 200 },
      { x1: 0, x2: 50, y1: 0, y2: 0 },
    ]);
  });

  it('a vertical font gives one item per glyph, going down the page', () => {
    const { items } = read([['beginText', null], font('vertical', 10), at(300, 500), text(glyph('竖'), glyph('排'))]);
    expect(round(items).map((i) => [i.str, i.x, i.y])).toEqual([
      ['竖', 300, 500],
      ['排', 300, 490],
    ]);
  });

  it('compatibility characters are normalized like pdfjs text content (ligatures)', () => {
    const { items } = read([['beginText', null], font('cjk', 10), at(0, 0), text(glyph('ﬁ', 550), glyph('le', 800))]);
    expect(items.map((i) => i.str)).toEqual(['file']);
  });

  it('no font size, no text', () => {
    expect(read([['beginText', null], at(0, 0), text(glyph('无'))]).items).toEqual([]);
  });
});

describe('ruling lines', () => {
  const rect = new Float32Array([0, 10, 10, 1, 110, 10, 1, 110, 60, 1, 10, 60, 4]);

  it('a stroked rectangle is four segments; a filled hairline is a segment', () => {
    const { segments } = read([
      ['constructPath', [ops.stroke, [rect], null]],
      ['constructPath', [ops.fill, [new Float32Array([0, 10, 80, 1, 200, 80, 1, 200, 80.5, 1, 10, 80.5, 4])], null]],
    ]);
    expect(segments).toEqual([
      { x1: 10, x2: 110, y1: 10, y2: 10 },
      { x1: 110, x2: 110, y1: 10, y2: 60 },
      { x1: 10, x2: 110, y1: 60, y2: 60 },
      { x1: 10, x2: 10, y1: 10, y2: 60 },
      { x1: 10, x2: 200, y1: 80, y2: 80 },
      { x1: 10, x2: 200, y1: 80.5, y2: 80.5 },
    ]);
  });

  it('a path that is only a clip or ended unpainted draws nothing', () => {
    expect(read([['constructPath', [ops.endPath, [rect], null]]]).segments).toEqual([]);
  });
});
