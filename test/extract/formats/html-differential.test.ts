/**
 * The own HTML reader (shared/extract/html-parse.ts, html-tree.ts) against htmlparser2, the
 * maintained parser it stands in for (docs/decisions/html-reader.md; RELIABILITY.md, "Own readers
 * against their libraries"):
 *
 * - on every HTML fixture of the repository, the two trees agree node for node (offsets included);
 * - on fuzzed mutations of them (misnested formatting tags, broken table nesting, stray and missing
 *   tags, comments and raw-text elements opened and never closed), the text content and the table
 *   grids agree.
 *
 * Deliberate differences, each normalised away below and nowhere else:
 * 1. The own reader follows the browsers' table rules; htmlparser2 does not. Content misplaced in
 *    a table outside any cell is fostered out before the table by the own reader and kept in place
 *    by htmlparser2: text is compared as a multiset of characters (order aside), and the tables
 *    as a set of grids (order aside; a table without a row holds no data and is left out).
 * 2. A cell right inside <table> or a table section gets an implied <tr> in the own tree; htmlparser2
 *    leaves it there: a run of such cells counts as one row on both sides.
 * 3. Whitespace-only text inside table structure is dropped by the own reader (browsers never render
 *    it); whitespace is ignored in the comparison.
 * 4. `<![CDATA[` outside svg/math is a bogus comment up to the first ">" in the own reader, as in
 *    browsers; htmlparser2 ends it at "]]>". Cases holding "<![CDATA[" are left out.
 * 5. A row or table-section start tag inside a row closes the row in the own reader (browsers);
 *    htmlparser2 nests it: rows are found at any depth of the table.
 * 6. An input that ends inside a tag ("…<t"): the own reader drops the tag, as browsers do;
 *    htmlparser2 keeps part of it as text. Such cases are left out of the text comparison.
 * 7. An end tag whose element was opened outside the current table cell (`<b>` before a table,
 *    `</b>` in a cell) is ignored by the own reader, as browsers ignore it; htmlparser2 closes
 *    everything up to that element, the table included, so that the cells after it are no longer
 *    in the table. The text still agrees (compared on every mutation); the grids are compared on
 *    mutations that leave no end tag without its start tag (tagMutation).
 * 8. A start tag of a table part (table, tbody, thead, tfoot, tr, td, th) inside a table, a row or
 *    a cell, or inside an element within a cell (`<td><span><tr>`): the own reader closes the open
 *    cell, row or table as browsers do; htmlparser2 closes only when the current element is a row
 *    or a cell, and otherwise nests it (also a table after a table left unclosed). The text agrees;
 *    tagMutation adds no such start tag and drops no </table>.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildNode } from 'domhandler';
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../shared/extract/html-charset.ts';
import { getAttribute, type HtmlNode, parseHtml } from '../../../shared/extract/html-parse.ts';
import { DEFAULT_SEED, DIFFERENTIAL_RUNS, DIFFERENTIAL_TIMEOUT } from '../../fuzz/generators.ts';
import { markupMutation, tagMutation } from '../../fuzz/markup.ts';
import { applyAll, type Mutation, textMutation, valueMutation } from '../../fuzz/mutations.ts';

/** Every HTML fixture in the repository. */
function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? fixtureFiles(path) : /\.html?$/i.test(f) ? [path] : [];
  });
}

/** htmlparser2's tree in the same shape: comments and directives dropped, whitespace-only text left out on both sides. */
function outline(nodes: readonly (HtmlNode | ChildNode)[], depth = 0, out: string[] = []): string[] {
  for (const node of nodes) {
    if ('data' in node && node.type === 'text') {
      if (node.data.trim() !== '') out.push(`${' '.repeat(depth)}"${node.data}" @${'start' in node ? node.start : node.startIndex}`);
    } else if ('children' in node && 'name' in node) {
      const attrs = 'attrs' in node ? node.attrs : Object.entries(node.attribs).flat();
      const start = 'start' in node ? node.start : node.startIndex;
      out.push(`${' '.repeat(depth)}<${node.name} ${attrs.join('|')}> @${start}`);
      outline(node.children as (HtmlNode | ChildNode)[], depth + 1, out);
    }
  }
  return out;
}

const root = join(import.meta.dirname, '..', '..', 'fixtures');
const files = fixtureFiles(root).sort();
const html = (file: string) => decodeHtml(new Uint8Array(readFileSync(file))).text.replace(/^\ufeff/, '');
const theirs = (source: string) => parseDocument(source, { withStartIndices: true, decodeEntities: true, lowerCaseTags: true });

describe('parseHtml agrees with htmlparser2 on every HTML fixture', () => {
  it('finds the fixtures', () => expect(files.length).toBeGreaterThanOrEqual(13));

  it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s', (_, file) => {
    const source = html(file);
    expect(outline(parseHtml(source).children)).toEqual(outline(theirs(source).children));
  });
});

// --- fuzzed mutations: text and table grids --------------------------------------------------

/** Both trees as names, texts and children (comments and directives dropped). */
type Plain = string | { name: string; span: string; children: Plain[] };
function plain(node: HtmlNode | ChildNode): Plain | undefined {
  if (node.type === 'text') return node.data;
  if ('name' in node && 'children' in node) {
    const attr = (n: string) => ('attrs' in node ? getAttribute(node, n) : node.attribs[n]) ?? '';
    const span = /^t[dh]$/.test(node.name) ? `${attr('colspan')}x${attr('rowspan')}` : '';
    const children = (node.children as (HtmlNode | ChildNode)[]).map(plain).filter((c) => c !== undefined);
    return { name: node.name, span, children };
  }
  return undefined;
}
const textOf = (p: Plain): string => (typeof p === 'string' ? p : p.children.map(textOf).join(''));
/** The characters of the text, whitespace left out, in code-point order (difference 1 and 3). */
const characters = (p: Plain) => [...textOf(p).replace(/\s+/g, '')].sort().join('');

const isCell = (p: Plain): p is Exclude<Plain, string> => typeof p !== 'string' && (p.name === 'td' || p.name === 'th');

/**
 * The text of a cell without the cells inside it (difference 8: htmlparser2 may nest a cell there),
 * with the text of a nested table outside its cells (difference 1: the own reader fosters it out
 * of the nested table into this cell).
 */
function cellText(cell: Exclude<Plain, string>): string {
  const own = (p: Plain): string => (typeof p === 'string' ? p : /^t[dh]$/.test(p.name) ? '' : p.children.map(own).join(''));
  return `${cell.children.map(own).join('').replace(/\s+/g, '')} ${cell.span}`;
}

/** The cells of a row in document order, through any element between and into cells (difference 8), not into rows or tables. */
function cellsOf(p: Exclude<Plain, string>, out: string[] = []): string[] {
  for (const c of p.children) {
    if (typeof c === 'string' || /^(table|thead|tbody|tfoot|tr)$/.test(c.name)) continue;
    if (isCell(c)) out.push(cellText(c));
    cellsOf(c, out);
  }
  return out;
}

/**
 * Each table's rows of cells ("text colspan x rowspan"). Rows are found at any depth of the table
 * but in nested tables (differences 1, 5 and 8: htmlparser2 keeps in place what the own reader
 * fosters out or closes); a run of cells outside a row is one row (difference 2).
 */
function grids(p: Plain, out: string[][][] = []): string[][][] {
  if (typeof p === 'string') return out;
  if (p.name === 'table') {
    const rows: string[][] = [];
    let loose: string[] | undefined;
    const walk = (node: Exclude<Plain, string>, inRow: boolean) => {
      for (const c of node.children) {
        if (typeof c === 'string' || c.name === 'table') continue;
        if (c.name === 'tr') {
          loose = undefined;
          rows.push(cellsOf(c));
          walk(c, true);
        } else if (isCell(c) && !inRow) {
          if (!loose) rows.push((loose = []));
          loose.push(cellText(c));
          cellsOf(c, loose);
          walk(c, true);
        } else walk(c, inRow);
      }
    };
    walk(p, false);
    out.push(rows);
  }
  for (const c of p.children) grids(c, out);
  return out;
}

/** The tables that hold a row, in a fixed order (difference 1: fostering moves content, and with it tables). */
const tableSet = (p: Plain) =>
  grids(p)
    .filter((rows) => rows.length > 0)
    .map((rows) => JSON.stringify(rows))
    .sort();

describe('parseHtml agrees with htmlparser2 on fuzzed mutations of the fixtures (text, table grids)', () => {
  const sources = files.map(html);
  // the case holds the fixture's name and the steps only, so that a failure prints short
  const cases = (mutation: fc.Arbitrary<Mutation<string>>) =>
    fc
      .tuple(fc.constantFrom(...files.keys()), fc.array(mutation, { minLength: 1, maxLength: 5 }))
      .map(([index, ms]) => ({
        file: files[index]!.slice(root.length + 1),
        steps: ms.map((m) => m.step),
        source: () => applyAll(sources[index]!, ms),
      }))
      .filter(({ source }) => !source().includes('<![CDATA[')); // difference 4
  const trees = (source: string) =>
    [plain(parseHtml(source))!, plain({ ...theirs(source), name: '#document' } as unknown as ChildNode)!] as const;

  it(
    'text content, as a multiset of characters: no text lost or doubled by either, whatever the markup',
    () => {
      fc.assert(
        fc.property(cases(fc.oneof(markupMutation, markupMutation, textMutation)), ({ file, steps, source }) => {
          const html = source();
          if (/<[^>]*$/.test(html)) return; // difference 6
          const [ours, lib] = trees(html);
          expect(characters(ours), `${file}: ${steps.join(' | ')}`).toBe(characters(lib));
        }),
        { seed: DEFAULT_SEED, numRuns: DIFFERENTIAL_RUNS },
      );
    },
    DIFFERENTIAL_TIMEOUT,
  );

  it(
    'table grids, when no end tag is left without its start tag (end tags dropped, start tags doubled or added)',
    () => {
      fc.assert(
        fc.property(cases(fc.oneof(tagMutation, tagMutation, valueMutation)), ({ file, steps, source }) => {
          const [ours, lib] = trees(source());
          expect(tableSet(ours), `${file}: ${steps.join(' | ')}`).toEqual(tableSet(lib));
        }),
        { seed: DEFAULT_SEED, numRuns: DIFFERENTIAL_RUNS },
      );
    },
    DIFFERENTIAL_TIMEOUT,
  );
});
