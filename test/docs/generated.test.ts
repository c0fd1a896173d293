/**
 * The generated reference pages (docs/rules.md, docs/template-tables.md) are what the code says
 * now: a changed rule declaration or template table without `npm run docs` fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES } from '../../scripts/generate-docs.ts';
import { RULE_IDS } from '../../shared/rules/catalogue.ts';

const root = join(import.meta.dirname, '..', '..');

describe('generated docs', () => {
  it.each(Object.keys(PAGES))('%s is up to date (run `npm run docs`)', (path) => {
    expect(readFileSync(join(root, path), 'utf8')).toBe(PAGES[path]!());
  });

  it('the rules page lists every rule id once', () => {
    const page = PAGES['docs/rules.md']!();
    for (const id of RULE_IDS) expect(page.split(`| \`${id}\` |`).length - 1).toBe(1);
  });
});
