/**
 * Tag-level mutations of HTML and XML as fast-check arbitraries (see mutations.ts for the shape):
 * broken nesting, misnested formatting, stray, missing and doubled tags, comments and raw text
 * never closed; tagMutation is the subset both HTML readers must agree on for table grids.
 */
import fc from 'fast-check';
import { at, fraction, type Mutation, mutation, replaceMatch } from './mutations.ts';

const TAG = /<\/?[a-zA-Z][^<>]*>/g;
const TAGS = [
  ...[
    'table',
    'tr',
    'td',
    'th',
    'tbody',
    'thead',
    'b',
    'i',
    'u',
    'font',
    'span',
    'p',
    'div',
    'li',
    'ul',
    'a',
    'h1',
    'o:p',
    'w:p',
    'w:r',
    'w:t',
    'w:tc',
    'w:tr',
    'w:tbl',
  ].flatMap((t) => [`<${t}>`, `</${t}>`]),
  ...[
    '<br>',
    '<td colspan=3>',
    '<td rowspan=2>',
    '<td colspan=1000>',
    '<td rowspan=65534>',
    '<th colspan="0">',
    '<td colspan=-1>',
    '<tr/>',
    '<table border=1>',
  ],
  ...[
    '<script>',
    '<style>',
    '<textarea>',
    '<title>',
    '<!--',
    '-->',
    '<![CDATA[',
    ']]>',
    '<!DOCTYPE x>',
    '<?xml version="1.0"?>',
    '&#xD800;',
    '&#0;',
    '&',
    '<',
    '>',
  ],
  ...['<w:gridSpan w:val="9"/>', '<w:vMerge/>', '<w:vMerge w:val="restart"/>', '<w:gridSpan w:val="-4"/>', '<w:br/>', '<w:tab/>'],
];
const tag = fc.constantFrom(...TAGS);
/**
 * Start tags that both HTML readers close by the same implied-end-tag rules: no end tag, comment
 * or raw-text opener, and no table part (htmlparser2 nests those where browsers close the open
 * table, row or cell: test/extract/formats/html-differential.test.ts).
 */
const startTag = fc.constantFrom(
  ...TAGS.filter((t) => /^<[a-z]/.test(t) && !/^<(script|style|textarea|title|table|tbody|thead|tfoot|tr|td|th)[ >/]/.test(t)),
);

const insertTags = (tags: fc.Arbitrary<string>) =>
  fc
    .tuple(fraction, fc.array(tags, { minLength: 1, maxLength: 6 }))
    .map(([f, ts]) =>
      mutation(`insert ${ts.join('')} @${f}`, (s: string) => s.slice(0, at(f, s.length)) + ts.join('') + s.slice(at(f, s.length))),
    );

/** Start tags of anything but table parts (see startTag). */
const START = /<(?!(?:table|tbody|thead|tfoot|tr|td|th)[\s>/])[a-zA-Z][^<>]*>/gi;
const END = /<\/[a-zA-Z][^<>]*>/g;
/** End tags but a table's (an unclosed table makes the next table a table right in a table: see startTag). */
const DROPPABLE_END = /<\/(?!table[\s>])[a-zA-Z][^<>]*>/gi;

/**
 * Mutations that leave no end tag without its start tag and add no table part: end tags (not </table>) dropped,
 * start tags doubled or added (unclosed elements, missing end tags, stray start tags).
 */
export const tagMutation: fc.Arbitrary<Mutation<string>> = fc.oneof(
  fraction.map((f) =>
    mutation(
      `drop end tag #${f}`,
      replaceMatch(DROPPABLE_END, f, () => ''),
    ),
  ),
  fraction.map((f) =>
    mutation(
      `duplicate start tag #${f}`,
      replaceMatch(START, f, (old) => old + old),
    ),
  ),
  // before a tag, not at any offset: one inside a tag would break it and leave its end tag alone
  fc.tuple(fraction, fc.array(startTag, { minLength: 1, maxLength: 6 })).map(([f, ts]) =>
    mutation(
      `insert ${ts.join('')} before tag #${f}`,
      replaceMatch(TAG, f, (old) => ts.join('') + old),
    ),
  ),
);

/** Tag-level mutations of HTML or XML: broken nesting, misnested formatting, stray end tags, comments and raw text never closed. */
export const markupMutation: fc.Arbitrary<Mutation<string>> = fc.oneof(
  tagMutation,
  fc.tuple(fraction, tag).map(([f, t]) =>
    mutation(
      `end tag #${f} → ${t}`,
      replaceMatch(END, f, () => t),
    ),
  ),
  fraction.map((f) =>
    mutation(
      `drop tag #${f}`,
      replaceMatch(TAG, f, () => ''),
    ),
  ),
  fraction.map((f) =>
    mutation(
      `duplicate tag #${f}`,
      replaceMatch(TAG, f, (old) => old + old),
    ),
  ),
  fc.tuple(fraction, tag).map(([f, t]) =>
    mutation(
      `tag #${f} → ${t}`,
      replaceMatch(TAG, f, () => t),
    ),
  ),
  insertTags(tag),
  fc.tuple(fraction, fraction, fc.constantFrom('b', 'i', 'font', 'span', 'a', 'td', 'tr', 'table', 'p')).map(([f, g, t]) => {
    const [x, y] = f < g ? [f, g] : [g, f];
    return mutation(`misnest <${t}> @${x}..${y}`, (s: string) => {
      const i = at(x, s.length);
      const j = at(y, s.length);
      return `${s.slice(0, i)}<${t}><i>${s.slice(i, j)}</${t}>${s.slice(j)}</i>`;
    });
  }),
);
