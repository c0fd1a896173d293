/**
 * The fuzzer (issue 18): N cases per format through the product's entry point (checkBytes), each
 * in a worker thread with a time budget. Prints cases, crashes, hangs, the slowest case and the
 * peak RSS per format; exits 1 on any crash or hang, after printing the seed, the case and the
 * path where the reproducing input was written. The seed is fixed unless --seed is given.
 *
 *   npm run fuzz -- --cases 200 [--format text|html|docx|pdf] [--seed S] [--case I] [--budget MS]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { FORMATS, type Format } from './corpus.ts';
import { CASES, DEFAULT_SEED, type FuzzCase } from './generators.ts';
import { Sandbox, type Verdict } from './sandbox.ts';

const OUT = join(import.meta.dirname, '..', '..', 'test-artifacts', 'fuzz');
const EXTENSION: Record<Format, string> = { text: 'txt', html: 'html', docx: 'docx', pdf: 'pdf' };

/** Case i of a run: generated from its own seed, so one case can be replayed without the others. */
function fuzzCase(format: Format, seed: number, i: number): FuzzCase {
  return fc.sample(CASES[format], { seed: (seed + Math.imul(i, 0x9e3779b1)) | 0, numRuns: 1 })[0]!;
}

interface Failure {
  i: number;
  fuzz: FuzzCase;
  verdict: Exclude<Verdict, { kind: 'ok' }>;
}

function report(format: Format, seed: number, failure: Failure): void {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${format}-seed${seed}-case${failure.i}.${EXTENSION[format]}`);
  writeFileSync(path, failure.fuzz.bytes);
  const { verdict, fuzz } = failure;
  console.log(`  ${verdict.kind.toUpperCase()} ${format} case ${failure.i} (seed ${seed}) after ${verdict.ms.toFixed(0)} ms`);
  console.log(`    base: ${fuzz.base}; steps: ${fuzz.steps.join(' | ')}`);
  if (verdict.kind === 'crash') console.log(`    ${verdict.error.split('\n').slice(0, 8).join('\n    ')}`);
  console.log(`    input written to ${path}`);
  console.log(`    replay: npm run fuzz -- --format ${format} --seed ${seed} --case ${failure.i}   (or: npm run check -- ${path})`);
}

async function runFormat(sandbox: Sandbox, format: Format, seed: number, indices: number[]): Promise<number> {
  const outcomes = new Map<string, number>();
  let slowest = { ms: -1, i: -1, fuzz: undefined as FuzzCase | undefined };
  const failures: Failure[] = [];
  for (const i of indices) {
    const fuzz = fuzzCase(format, seed, i);
    const verdict = await sandbox.run(fuzz.bytes);
    if (verdict.ms > slowest.ms) slowest = { ms: verdict.ms, i, fuzz };
    if (verdict.kind === 'ok') outcomes.set(verdict.outcome, (outcomes.get(verdict.outcome) ?? 0) + 1);
    else failures.push({ i, fuzz, verdict });
  }
  const count = (kind: string) => failures.filter((f) => f.verdict.kind === kind).length;
  const shown = [...outcomes].sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ${n}`);
  console.log(`${format}: ${indices.length} cases, ${count('crash')} crashes, ${count('hang')} hangs; outcomes: ${shown.join(', ')}`);
  if (slowest.fuzz) {
    console.log(
      `  slowest: case ${slowest.i}, ${slowest.ms.toFixed(0)} ms (${slowest.fuzz.base}; ${slowest.fuzz.steps.join(' | ').slice(0, 200)})`,
    );
  }
  for (const failure of failures.slice(0, 10)) report(format, seed, failure);
  if (failures.length > 10) console.log(`  … and ${failures.length - 10} more failing cases (replay each with --case)`);
  return failures.length;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '100' },
      format: { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      case: { type: 'string' },
      budget: { type: 'string', default: '10000' },
    },
  });
  const formats = values.format ? [values.format] : FORMATS;
  for (const f of formats)
    if (!(FORMATS as readonly string[]).includes(f)) throw new Error(`unknown format ${f}; one of ${FORMATS.join(', ')}`);
  const seed = Number(values.seed);
  const cases = Number(values.cases);
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(cases) || cases < 1) throw new Error('--seed and --cases take integers');
  const indices = values.case === undefined ? Array.from({ length: cases }, (_, i) => i) : [Number(values.case)];
  const sandbox = new Sandbox({ budgetMs: Number(values.budget), heapMb: 1024 });
  console.log(`fuzz: seed ${seed}, ${indices.length} case(s) per format, budget ${values.budget} ms per case`);
  const began = performance.now();
  let failed = 0;
  for (const format of formats as Format[]) failed += await runFormat(sandbox, format, seed, indices);
  await sandbox.close();
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(`total: ${failed} failing case(s) in ${((performance.now() - began) / 1000).toFixed(1)} s; peak RSS ${rss.toFixed(0)} MB`);
  process.exitCode = failed > 0 ? 1 : 0;
}

try {
  await main();
} catch (error) {
  // a wrong argument: the message, not a stack
  console.error(`fuzz: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
