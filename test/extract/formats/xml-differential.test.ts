/**
 * The own XML reader (shared/extract/xml.ts) against fast-xml-parser, on the XML parts of every
 * DOCX fixture and on fuzzed mutations of them (docs/decisions/xml-reader.md; RELIABILITY.md, "Own
 * readers against their libraries"). When the own reader accepts a part, fast-xml-parser's
 * validator accepts it too and both trees agree (element names, attributes, text); when the own
 * reader refuses it, the validator refuses it too, but for the deliberate differences:
 *
 * 1. `<!DOCTYPE` and any other declaration are refused by the own reader: no DTD, so no entity
 *    expansion and no external entity, ever (well-formed XML, but Office never writes one).
 * 2. An entity other than the five of XML and character references (`&nbsp;`) is refused by the
 *    own reader (not well-formed without a DTD declaring it); the validator lets it through.
 * 3. Nesting deeper than 1,000 elements is refused by the own reader (its readers recurse).
 * 4. A second root element, or text after the root element: not well-formed XML; the own reader
 *    refuses it, the validator lets it through.
 * 5. `<` in an attribute value, or a tag, comment, CDATA section or processing instruction never
 *    closed (`<a/` at the end, `<!--` with no `-->`): not well-formed XML; the own reader refuses
 *    it, the validator lets it through.
 * 6. Names are not checked against XML's Name production: a name holding a character XML does not
 *    allow there (`w%:tentative`) is read as written, where the validator refuses the part; a name
 *    ending in a space XML does not count as white space (`<Types\u3000 x="">`) keeps that space,
 *    so that its end tag does not match and the own reader refuses a part the validator accepts.
 *    The readers look up fixed ASCII names, so such a name is never matched and changes nothing;
 *    checking every name would cost every part a scan.
 * 7. The XML declaration is dropped like any processing instruction and never checked (nothing
 *    is read from it: parts are UTF-8 or UTF-16 with a BOM); fast-xml-parser is given the part
 *    without it (its validator refuses one after whitespace or a second one, its parser one with a
 *    stray quote).
 *
 * Whitespace-only text is left out on both sides (fast-xml-parser drops some of it), and adjacent
 * texts (text and CDATA) are joined.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseXml, XmlError, type XmlNode } from '../../../shared/extract/xml.ts';
import { DEFAULT_SEED, DIFFERENTIAL_RUNS, DIFFERENTIAL_TIMEOUT } from '../../fuzz/generators.ts';
import { markupMutation } from '../../fuzz/markup.ts';
import { applyAll, textMutation, valueMutation } from '../../fuzz/mutations.ts';

const root = join(import.meta.dirname, '..', '..', 'fixtures');
function docxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? docxFiles(path) : f.endsWith('.docx') && !f.startsWith('truncated') ? [path] : [];
  });
}
/** Every XML part of every DOCX fixture, as text. */
const parts = docxFiles(root)
  .sort()
  .flatMap((file) =>
    Object.entries(unzipSync(new Uint8Array(readFileSync(file))))
      .filter(([name]) => /\.(xml|rels)$/.test(name))
      .map(([name, bytes]) => ({ name: `${file.slice(root.length + 1)}:${name}`, xml: new TextDecoder().decode(bytes) })),
  );

const lib = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: true,
});

type Outline = string[];
function ours(node: XmlNode, out: Outline = [], depth = 0): Outline {
  if (typeof node === 'string') {
    out.push(node);
    return out;
  }
  out.push(`${depth}<${node.name} ${JSON.stringify(Object.entries(node.attrs).sort())}>`);
  for (const c of node.children) ours(c, out, depth + 1);
  return out;
}
type LibNode = Record<string, unknown> & { ':@'?: Record<string, string> };
function theirs(nodes: LibNode[], out: Outline = [], depth = 0): Outline {
  for (const node of nodes) {
    if ('#text' in node) {
      out.push(String(node['#text']));
      continue;
    }
    const name = Object.keys(node).find((k) => k !== ':@')!;
    out.push(`${depth}<${name} ${JSON.stringify(Object.entries(node[':@'] ?? {}).sort())}>`);
    theirs(node[name] as LibNode[], out, depth + 1);
  }
  return out;
}
/** Adjacent texts joined, whitespace-only texts left out. */
function normal(outline: Outline): Outline {
  const out: string[] = [];
  let text = '';
  for (const item of outline) {
    if (/^\d+</.test(item)) {
      if (text.trim() !== '') out.push(`"${text}"`);
      text = '';
      out.push(item);
    } else text += item;
  }
  if (text.trim() !== '') out.push(`"${text}"`);
  return out;
}

/** The own reader's verdict: the outline, or the XmlError's message. */
function own(xml: string): Outline | string {
  try {
    return normal(ours(parseXml(xml)));
  } catch (error) {
    if (error instanceof XmlError) return error.message;
    throw error;
  }
}

/** Whether a refusal by the own reader is one of the deliberate differences 1–6. */
const deliberate = (message: string, xml: string) =>
  /declarations|unknown entity|nested deeper|second root|text outside the root/.test(message) ||
  (/malformed attribute/.test(message) && /=\s*("[^"]*<|'[^']*<)/.test(xml)) ||
  /unterminated (tag|comment|CDATA|processing instruction|close tag)/.test(message) ||
  (/unexpected <\//.test(message) && /<\/?[^ \t\r\n/>!?]*[^ -~\t\r\n]/.test(xml)); // difference 6

/** The part without its XML declarations (difference 7). */
const withoutDeclarations = (xml: string) => xml.replace(/<\?xml[\s\S]*?\?>/g, '');

function agree(xml: string, label: string): void {
  const mine = own(xml);
  const verdict = XMLValidator.validate(withoutDeclarations(xml));
  const valid = verdict === true;
  if (typeof mine === 'string') {
    if (!deliberate(mine, xml)) expect(valid, `${label}: own reader refused (${mine}), fast-xml-parser accepts`).toBe(false);
    return;
  }
  if (verdict !== true && /invalid name/i.test(verdict.err.msg)) return; // difference 6
  expect(verdict, `${label}: own reader accepted, fast-xml-parser refuses`).toBe(true);
  expect(mine, label).toEqual(normal(theirs(lib.parse(withoutDeclarations(xml)) as LibNode[])));
}

describe('parseXml agrees with fast-xml-parser', () => {
  it('finds the XML parts of the DOCX fixtures', () => expect(parts.length).toBeGreaterThanOrEqual(40));

  it.each(parts.map((p) => [p.name, p.xml]))('%s', (name, xml) => {
    expect(typeof own(xml), `${name} is read`).not.toBe('string');
    agree(xml, name);
  });

  it(
    'on fuzzed mutations of the parts (broken nesting, stray tags, entities, declarations, edited text)',
    () => {
      const cases = fc
        .tuple(
          fc.constantFrom(...parts.keys()),
          fc.array(fc.oneof(markupMutation, textMutation, valueMutation, valueMutation), { minLength: 1, maxLength: 4 }),
        )
        .map(([index, ms]) => ({ part: parts[index]!.name, steps: ms.map((m) => m.step), xml: () => applyAll(parts[index]!.xml, ms) }));
      let accepted = 0;
      fc.assert(
        fc.property(cases, ({ part, steps, xml }) => {
          const source = xml();
          if (typeof own(source) !== 'string') accepted++;
          agree(source, `${part}: ${steps.join(' | ')}`);
        }),
        { seed: DEFAULT_SEED, numRuns: DIFFERENTIAL_RUNS },
      );
      // the mutations leave some parts well-formed: the trees are compared, not only the refusals
      expect(accepted).toBeGreaterThan(DIFFERENTIAL_RUNS / 10);
    },
    DIFFERENTIAL_TIMEOUT,
  );

  it.each([
    ['a DOCTYPE (difference 1)', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['an entity XML does not define (difference 2)', '<a>&nbsp;</a>'],
  ])('refuses %s, which fast-xml-parser lets through', (_, xml) => {
    expect(own(xml)).toEqual(expect.stringMatching(/declarations|unknown entity/));
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});
