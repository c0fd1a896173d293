/**
 * The tree side of html-parse.ts: light element and text nodes, and the builder that places each
 * token by the parts of the HTML tree-construction rules that real pages rely on: implied end
 * tags (p closed by block starts; li, dt/dd, option; td/th by td/th/tr; tr by tr; table
 * sections), an implied row for a cell right inside a table, content misplaced in a table
 * fostered out before it, void elements, `/>` only in svg/math, stray end tags ignored (none
 * closes across a table cell or, for inline elements, across a block), `</p>` and `</br>` as
 * browsers treat them, an unclosed <head> closed by body content. Whitespace-only text right
 * inside table structure is dropped. Not implemented (browsers do them): reconstruction of
 * formatting elements across blocks and the adoption agency algorithm.
 *
 * Length (~350 lines): the tree-construction rules above are one state machine over one open-
 * element stack; split, each part would need the whole stack and the other parts' rules.
 */
import * as F from './html-elements.ts';
import { EXTRACT_LIMITS, overLimit } from './limits.ts';

export interface HtmlText {
  readonly type: 'text';
  data: string;
  /** Offset of the text's first character in the source string. */
  readonly start: number;
}

export interface HtmlElement {
  readonly type: 'element';
  /** Lowercased tag name (`o:p` for Word's `<o:p>`); `#document` for the root. */
  readonly name: string;
  /** Parsing categories (html-elements.ts). */
  readonly flags: number;
  /** Attributes as name, value, name, value …: lowercased names, decoded values, the first of duplicates. */
  readonly attrs: readonly string[];
  readonly children: HtmlNode[];
  /** Offset of the start tag's `<` in the source string (for an implied element: of the tag that implied it). */
  readonly start: number;
}

export type HtmlNode = HtmlElement | HtmlText;

/** The value of an attribute (name in lowercase), or undefined. */
export function getAttribute(el: HtmlElement, name: string): string | undefined {
  const attrs = el.attrs;
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1];
  return undefined;
}

export const NO_ATTRIBUTES: readonly string[] = Object.freeze([]);

function element(name: string, flags: number, attrs: readonly string[], start: number): HtmlElement {
  return { type: 'element', name, flags, attrs, children: [], start };
}

const TR = F.TAGS.get('tr')!;
/** Elements deeper than this are placed beside the deepest one instead of inside it. */
const MAX_DEPTH = 512;
/** Start tags that may close open elements. */
const IMPLIES_ENDS = F.START_RULE | F.IN_TABLE | F.CLOSES_P;

/** HTML's ASCII whitespace. */
export function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

/** Whether s[from, to) is nothing but HTML whitespace. */
export function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isWhitespace(s.charCodeAt(i))) return false;
  return true;
}

/** The open-element stack and the rules that decide where a token goes. */
export class TreeBuilder {
  readonly root = element('#document', F.ROOT_FLAGS, NO_ATTRIBUTES, 0);
  private readonly stack: HtmlElement[] = [this.root];
  private current: HtmlElement = this.root;
  /** The text node that a following text token extends (reset by every other token). */
  private lastText: HtmlText | undefined;
  private seen = new Set<string>();
  /** Depth of open svg / math elements, inside which `/>` closes an element. */
  private foreign = 0;

  /** A text token, its character references already decoded; `start` is its source offset. */
  text(data: string, start: number): void {
    const cur = this.current;
    if (cur.name === 'head' && !isBlank(data, 0, data.length)) this.popTo(this.stack.length - 1);
    if ((cur.flags & F.TABLE_TEXT) !== 0) {
      this.fosterText(data, start);
      return;
    }
    if (this.lastText) {
      this.lastText.data += data;
      return;
    }
    const node: HtmlText = { type: 'text', data, start };
    this.current.children.push(node);
    this.lastText = node;
  }

  /**
   * Where browsers put content misplaced in a table (outside any cell): right before the table.
   * Returns the table's parent and the table's index among its children.
   */
  private fosterPlace(): { parent: HtmlElement; at: number } {
    const stack = this.stack;
    for (let i = stack.length - 1; i > 0; i--) {
      if (stack[i]!.name === 'table') {
        const parent = stack[i - 1]!;
        return { parent, at: parent.children.lastIndexOf(stack[i]!) };
      }
    }
    return { parent: this.current, at: this.current.children.length };
  }

  private fosterText(data: string, start: number): void {
    const { parent, at } = this.fosterPlace();
    const before = parent.children[at - 1];
    if (before?.type === 'text') before.data += data;
    else parent.children.splice(at, 0, { type: 'text', data, start });
    this.lastText = undefined;
  }

  /** Appends a node to the current element, or fosters it out of a table it does not belong in. */
  private insert(el: HtmlElement): void {
    const cur = this.current;
    if ((cur.flags & F.TABLE_TEXT) !== 0 && (el.flags & F.IN_TABLE) === 0) {
      const { parent, at } = this.fosterPlace();
      parent.children.splice(at, 0, el);
    } else cur.children.push(el);
  }

  /** Whether whitespace-only text is dropped here (right inside table structure). */
  dropsWhitespace(): boolean {
    return (this.current.flags & F.TABLE_TEXT) !== 0;
  }

  /** A token that is neither text nor tag (comment, doctype) separates texts. */
  separator(): void {
    this.lastText = undefined;
  }

  /** Index in the stack of the nearest open `name` within the scope whose boundaries carry `boundary`, else -1. */
  private inScope(name: string, boundary: number): number {
    const stack = this.stack;
    for (let i = stack.length - 1; i > 0; i--) {
      const el = stack[i]!;
      if (el.name === name) return i;
      if ((el.flags & boundary) !== 0) return -1;
    }
    return -1;
  }

  /** Like inScope, for any element carrying `flag`. */
  private flagInScope(flag: number, boundary: number): number {
    const stack = this.stack;
    for (let i = stack.length - 1; i > 0; i--) {
      const flags = stack[i]!.flags;
      if ((flags & flag) !== 0) return i;
      if ((flags & boundary) !== 0) return -1;
    }
    return -1;
  }

  /** Closes the element at `index` and everything opened after it. */
  private popTo(index: number): void {
    const stack = this.stack;
    while (stack.length > index) {
      if ((stack.pop()!.flags & F.FOREIGN) !== 0) this.foreign--;
    }
    this.current = stack[stack.length - 1]!;
    this.lastText = undefined;
  }

  private popCurrentIf(name: string): void {
    if (this.current.name === name) this.popTo(this.stack.length - 1);
  }

  /** li closes an open li, dt/dd an open dt or dd, unless a block other than address/div/p stands between. */
  private closeListItem(a: string, b: string): void {
    const stack = this.stack;
    for (let i = stack.length - 1; i > 0; i--) {
      const { name, flags } = stack[i]!;
      if (name === a || name === b) {
        this.popTo(i);
        return;
      }
      if ((flags & F.SPECIAL) !== 0 && name !== 'address' && name !== 'div' && name !== 'p') return;
    }
  }

  /**
   * The implied end tags a start tag causes. Returns false when the start tag is to be ignored.
   * Long on purpose: HTML's table of implied end tags, one case per rule, in the order browsers apply them.
   */
  private implyEnds(name: string, flags: number, start: number): boolean {
    if ((flags & F.IN_TABLE) !== 0 && (flags & F.RAW_TEXT) === 0) this.clearToTableContext(name);
    if ((flags & (F.CELL | F.TABLE_TEXT)) !== 0) {
      if ((flags & F.CELL) !== 0) {
        const cell = this.flagInScope(F.CELL, F.TABLE_SCOPE);
        if (cell > 0) this.popTo(cell);
        // a cell right inside a table or a table section gets the row browsers imply
        if ((this.current.flags & F.ROW_PARENT) !== 0) this.push(element(TR.name, TR.flags, NO_ATTRIBUTES, start));
        return true;
      }
      if (name === 'tr') {
        const row = this.inScope('tr', F.TABLE_SCOPE);
        if (row > 0) this.popTo(row);
        return true;
      }
      if (name !== 'table') {
        const table = this.inScope('table', F.TABLE_SCOPE);
        if (table > 0) this.popTo(table + 1); // tbody, thead, tfoot: back to the table
        return true;
      }
      // a table right in a table (not in a cell) closes the open one, as browsers do
      for (let i = this.stack.length - 1; i > 0; i--) {
        const el = this.stack[i]!;
        if (el.name === 'table') this.popTo(i);
        if ((el.flags & (F.CELL | F.TABLE_SCOPE)) !== 0 || el.name === 'caption') break;
      }
    } else {
      switch (name) {
        case 'html':
        case 'body':
        case 'head':
          if (this.seen.has(name) || (name === 'head' && this.seen.has('body'))) return false;
          this.seen.add(name);
          if (name === 'body') this.closeHead();
          return true;
        case 'li':
          this.closeListItem('li', 'li');
          break;
        case 'dd':
        case 'dt':
          this.closeListItem('dd', 'dt');
          break;
        case 'caption':
        case 'colgroup': {
          const table = this.inScope('table', F.TABLE_SCOPE);
          if (table > 0) this.popTo(table + 1);
          return true;
        }
        case 'option':
          this.popCurrentIf('option');
          return true;
        case 'optgroup':
          this.popCurrentIf('option');
          this.popCurrentIf('optgroup');
          return true;
        case 'a':
          this.popCurrentIf('a');
          return true;
      }
    }
    if ((flags & F.CLOSES_P) !== 0) {
      const p = this.inScope('p', F.BUTTON_SCOPE);
      if (p > 0) this.popTo(p);
      if ((flags & F.HEADING) !== 0 && (this.current.flags & F.HEADING) !== 0) this.popTo(this.stack.length - 1);
    }
    return true;
  }

  /**
   * Before table structure: closes content fostered out of the table (open above the table, its
   * section or row), and an open colgroup unless a col follows.
   */
  private clearToTableContext(name: string): void {
    const stack = this.stack;
    for (let i = stack.length - 1; i > 0; i--) {
      const flags = stack[i]!.flags;
      if ((flags & F.TABLE_TEXT) !== 0 || (name === 'col' && stack[i]!.name === 'colgroup')) {
        if (i < stack.length - 1) this.popTo(i + 1);
        return;
      }
      if ((flags & (F.CELL | F.TABLE_SCOPE)) !== 0) return;
    }
  }

  private closeHead(): void {
    const head = this.inScope('head', F.SCOPE);
    if (head > 0) this.popTo(head);
  }

  /** Elements opened so far (capped: limits.ts). */
  private elements = 0;

  private push(el: HtmlElement): void {
    // as browsers cap the tree depth (512), the deepest element is closed first: this bounds every
    // search up the stack, and the recursion of whoever walks the tree
    if (this.stack.length > MAX_DEPTH) this.popTo(this.stack.length - 1);
    this.insert(el);
    this.stack.push(el);
    this.current = el;
    this.lastText = undefined;
  }

  /** A start tag. Returns the element when it was opened (a raw-text element's text follows). */
  open(name: string, flags: number, attrs: readonly string[], start: number, selfClosing: boolean): HtmlElement | undefined {
    this.lastText = undefined;
    if (this.current.name === 'head' && (flags & F.HEAD_CONTENT) === 0) this.closeHead();
    if ((flags & IMPLIES_ENDS) !== 0 && !this.implyEnds(name, flags, start)) return undefined;
    if (++this.elements > EXTRACT_LIMITS.maxElements) throw overLimit('elements', this.elements, EXTRACT_LIMITS.maxElements);
    const el = element(name, flags, attrs, start);
    if ((flags & F.VOID) !== 0 || (selfClosing && (this.foreign > 0 || (flags & F.FOREIGN) !== 0))) {
      this.insert(el);
      return undefined;
    }
    if ((flags & F.FOREIGN) !== 0) this.foreign++;
    this.push(el);
    return el;
  }

  /** An end tag. */
  close(name: string, flags: number, start: number): void {
    this.lastText = undefined;
    let i: number;
    if ((flags & (F.CELL | F.TABLE_TEXT)) !== 0 || name === 'caption') {
      i = this.inScope(name, F.TABLE_SCOPE);
    } else if ((flags & F.HEADING) !== 0) {
      i = this.flagInScope(F.HEADING, F.SCOPE);
    } else {
      switch (name) {
        case 'p':
          i = this.inScope('p', F.BUTTON_SCOPE);
          // `</p>` with no open p is an empty p
          if (i < 0) this.insert(element('p', flags, NO_ATTRIBUTES, start));
          break;
        case 'br':
          this.open('br', flags, NO_ATTRIBUTES, start, false);
          return;
        case 'html':
        case 'body':
          return; // content after </body> still belongs to the body
        case 'li':
          i = this.inScope('li', F.LIST_SCOPE);
          break;
        default:
          if ((flags & F.SPECIAL) !== 0) {
            i = this.inScope(name, F.SCOPE);
            break;
          }
          // any other end tag: the nearest open element of that name, unless a special element is in the way
          for (i = this.stack.length - 1; i > 0; i--) {
            const el = this.stack[i]!;
            if (el.name === name) break;
            if ((el.flags & F.SPECIAL) !== 0) return;
          }
      }
    }
    if (i > 0) this.popTo(i);
  }
}
