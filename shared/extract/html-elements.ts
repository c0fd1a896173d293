/**
 * Element categories of the HTML parsing rules that html-parse.ts applies, as bit flags looked up
 * once per tag (TAGS also gives the one shared string of each known name).
 */

/** No content and no end tag. */
export const VOID = 1;
/** Content is text up to the element's own end tag (title and textarea decode references). */
export const RAW_TEXT = 1 << 1;
/** HTML's "special" elements: a misnested end tag of another element does not close across them. */
export const SPECIAL = 1 << 2;
/** A start tag that closes an open <p>. */
export const CLOSES_P = 1 << 3;
/** May stay in an unclosed <head>: any other start tag closes it. */
export const HEAD_CONTENT = 1 << 4;
/** Boundaries of "has an element in scope", "in button scope", "in list item scope", "in table scope". */
export const SCOPE = 1 << 5;
export const BUTTON_SCOPE = 1 << 6;
export const LIST_SCOPE = 1 << 7;
export const TABLE_SCOPE = 1 << 8;
export const HEADING = 1 << 9;
export const CELL = 1 << 10;
/** table, tbody, thead, tfoot: a cell right inside one gets an implied <tr>. */
export const ROW_PARENT = 1 << 11;
/** table, table sections and tr: whitespace-only text right inside one is dropped (it is never rendered). */
export const TABLE_TEXT = 1 << 12;
/** svg, math: inside them `/>` closes an element. */
export const FOREIGN = 1 << 13;
/** A start tag with implied end tags of its own (html-parse.ts implyEnds). */
export const START_RULE = 1 << 14;
/** Belongs in a table as it stands (table structure, scripts): anything else there is fostered out before the table. */
export const IN_TABLE = 1 << 15;
/** The flags of the `#document` root: every scope ends there. */
export const ROOT_FLAGS = SCOPE | BUTTON_SCOPE | LIST_SCOPE | TABLE_SCOPE;

const words = (s: string): string[] => s.split(' ');

const GROUPS: [number, string][] = [
  [VOID, 'area base basefont bgsound br col command embed frame hr img input isindex keygen link meta param source track wbr'],
  [RAW_TEXT, 'script style title textarea xmp iframe noembed noframes noscript plaintext'],
  [
    SPECIAL,
    'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd ' +
      'details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header ' +
      'hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript ' +
      'object ol p param plaintext pre script search section select source style summary table tbody td template ' +
      'textarea tfoot th thead title tr track ul wbr xmp',
  ],
  [
    CLOSES_P,
    'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form header ' +
      'hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing table hr xmp plaintext li dd dt',
  ],
  [HEAD_CONTENT, 'base basefont bgsound link meta noframes script style template title noscript head html'],
  [SCOPE | BUTTON_SCOPE | LIST_SCOPE, 'applet caption html table td th marquee object template'],
  [BUTTON_SCOPE, 'button'],
  [LIST_SCOPE, 'ol ul'],
  [TABLE_SCOPE, 'html table template'],
  [HEADING, 'h1 h2 h3 h4 h5 h6'],
  [CELL, 'td th'],
  [ROW_PARENT, 'table tbody thead tfoot'],
  [TABLE_TEXT, 'table tbody thead tfoot tr'],
  [FOREIGN, 'svg math'],
  [START_RULE, 'html body head li dd dt caption colgroup option optgroup a'],
  [IN_TABLE, 'table tbody thead tfoot tr td th caption colgroup col script style template'],
];

export interface TagInfo {
  /** The name, one string shared by every element of that name. */
  readonly name: string;
  readonly flags: number;
}

/** Known lowercase tag names → their flags. */
export const TAGS: ReadonlyMap<string, TagInfo> = (() => {
  const flags = new Map<string, number>();
  for (const [flag, names] of GROUPS) for (const name of words(names)) flags.set(name, (flags.get(name) ?? 0) | flag);
  // common elements of no category: known, so that their names are shared strings too
  for (const name of words('b i u s em strong span font small big sup sub label select o:p')) flags.set(name, flags.get(name) ?? 0);
  return new Map([...flags].map(([name, f]) => [name, { name, flags: f }]));
})();

/** Known tags by length and first two characters (a number key: no string is cut or hashed per tag). */
const BY_SHAPE = new Map<number, TagInfo[]>();
const shape = (length: number, c0: number, c1: number): number => (length << 16) | (c0 << 8) | (c1 & 0xff);
for (const info of TAGS.values()) {
  const k = shape(info.name.length, info.name.charCodeAt(0), info.name.charCodeAt(1));
  const list = BY_SHAPE.get(k);
  if (list) list.push(info);
  else BY_SHAPE.set(k, [info]);
}

/** ASCII lowercase of a code unit. */
function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** The known tag whose name is source[from, to) in any case, else undefined. */
export function knownTag(source: string, from: number, to: number): TagInfo | undefined {
  const length = to - from;
  if (length > 255) return undefined;
  const c0 = fold(source.charCodeAt(from));
  const c1 = length > 1 ? fold(source.charCodeAt(from + 1)) : Number.NaN;
  const list = BY_SHAPE.get(shape(length, c0, c1));
  if (list === undefined) return undefined;
  for (const info of list) {
    let j = 2;
    while (j < length && fold(source.charCodeAt(from + j)) === info.name.charCodeAt(j)) j++;
    if (j >= length) return info;
  }
  return undefined;
}
