/**
 * The inputs the fuzzer mutates: the repository's reports in each format (test/fixtures/corpus,
 * test/fixtures/seed, test/fixtures/formats and its variants, web pages and Word files).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const FORMATS = ['text', 'html', 'docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const DIRS = ['corpus', 'seed', 'formats'];
const EXTENSIONS: Record<Format, RegExp> = { text: /\.txt$/, html: /\.html?$/, docx: /\.docx$/, pdf: /\.pdf$/ };

/** A base input: its path under test/fixtures and its bytes. */
export interface Base {
  name: string;
  bytes: Uint8Array;
}

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const path = join(dir, f);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

function load(format: Format): Base[] {
  return (
    DIRS.flatMap((d) => files(join(FIXTURES, d)))
      // inputs/ holds deliberately unreadable files: random bytes cover those
      .filter((p) => EXTENSIONS[format].test(p) && !p.includes(join('formats', 'inputs')))
      .map((p) => ({ name: p.slice(FIXTURES.length + 1), bytes: new Uint8Array(readFileSync(p)) }))
  );
}

/** The fixtures of each format, sorted by path (the same on every machine, so a seed repeats). */
export const BASES: Record<Format, Base[]> = { text: load('text'), html: load('html'), docx: load('docx'), pdf: load('pdf') };
