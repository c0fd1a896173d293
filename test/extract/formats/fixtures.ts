/** Paths and loaders of the format fixtures (test/fixtures/formats). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMATS_DIR } from '../../fixtures/formats/render.ts';

export { FORMATS_DIR };
export const INPUTS_DIR = join(FORMATS_DIR, 'inputs');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FORMATS_DIR, name)));
}
export function input(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(INPUTS_DIR, name)));
}
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
