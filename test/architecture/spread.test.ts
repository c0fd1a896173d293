/**
 * No spread of an array into call arguments in shared/ (issue 18: a 400 KB line of numbers ended
 * in "Maximum call stack size exceeded" at `values.push(...r.values)`). Every argument of a call
 * goes on the stack, so `push(...xs)`, `Math.max(...xs)`, `String.fromCharCode(...xs)` fail on
 * long arrays; shared/report/arrays.ts has the loops to use instead. Spreads into array and object
 * literals are fine and not matched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertAll, maxOf, minOf, pushAll } from '../../shared/report/arrays.ts';

const root = resolve(import.meta.dirname, '..', '..');

/** A call (identifier or member then `(`) whose arguments, up to one level of nested parentheses, hold `...`. */
const SPREAD_CALL = /[\w$\]]\s*\((?:[^()[\]{}]|\((?:[^()]|\([^()]*\))*\))*?\.\.\.\s*[\w$([]/g;

function spreadCalls(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return [...code.matchAll(SPREAD_CALL)].map((m) => m[0].replace(/\s+/g, ' '));
}

describe('no array spread into call arguments in shared/', () => {
  it('the pattern finds the spreads that overflowed, and not literal or parameter spreads', () => {
    expect(spreadCalls('values.push(...r.values);')).toHaveLength(1);
    expect(spreadCalls('const m = Math.max(\n  ...xs.map((x) => x.y),\n);')).toHaveLength(1);
    expect(spreadCalls('String.fromCharCode(...codes)')).toHaveLength(1);
    expect(spreadCalls('out.splice(k, 0, ...lines)')).toHaveLength(1);
    expect(spreadCalls('f({ ...a, b }); g([...xs]); const h = (...args) => 1;')).toEqual([]);
  });

  it('shared/ has none', () => {
    const files = readdirSync(join(root, 'shared'), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => join(e.parentPath, e.name));
    const found = files.flatMap((f) => spreadCalls(readFileSync(f, 'utf8')).map((m) => `${relative(root, f)}: ${m}`));
    expect(found).toEqual([]);
  });

  it('the helpers take arrays far longer than the stack allows', () => {
    const long = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(pushAll([-1], long)).toHaveLength(1_000_001);
    expect(insertAll([-2, -1], 1, long).slice(0, 3)).toEqual([-2, 0, 1]);
    expect(minOf(long)).toBe(0);
    expect(maxOf(long)).toBe(999_999);
    expect([minOf([]), maxOf([])]).toEqual([Infinity, -Infinity]);
  });
});
