/**
 * `npx tsx test/bench/profile-import.ts [entry]`: where a Lambda bundle's import time goes. Bundles
 * the entry as test/support/bundle.ts does but unminified (esbuild marks each module with a
 * `// path` comment), imports it in 5 fresh `node --cpu-prof` processes and sums the sampled self
 * time by source module (shared/* by folder, node_modules by package). The figures in BENCHMARKS.md
 * notes ("Goals not met") come from it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFunction } from '../support/bundle.ts';

interface ProfileNode {
  id: number;
  callFrame: { url: string; lineNumber: number; functionName: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const RUNS = 5;
const entry = process.argv[2] ?? 'functions/ingest/handler.ts';
const dir = mkdtempSync(join(tmpdir(), 'nianbao-profile-'));
const outfile = await bundleFunction(entry, dir, { shipLazyModules: true, minify: false });

/** The first line of each module in the bundle, with the module's name. */
const marks: { line: number; name: string }[] = [];
readFileSync(outfile, 'utf8')
  .split('\n')
  .forEach((text, line) => {
    const m = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(text);
    if (!m?.[1]) return;
    const name = m[1].replace(/^node_modules\/((?:@[^/]+\/)?[^/]+).*/, '$1').replace(/^((?:shared|functions)\/[^/]+)\/.*/, '$1');
    marks.push({ line, name });
  });

function moduleAt(line: number): string {
  let name = '(bundle top level)';
  for (const m of marks) {
    if (m.line > line) break;
    name = m.name;
  }
  return name;
}

function where(node: ProfileNode): string {
  const { url, lineNumber, functionName } = node.callFrame;
  if (url.endsWith('index.mjs')) return moduleAt(lineNumber);
  if (functionName === '(garbage collector)') return '(garbage collection)';
  return url === '' ? `(${functionName || 'native'})` : '(node start-up and module loading)';
}

const totals = new Map<string, number>();
for (let run = 0; run < RUNS; run++) {
  const profileDir = join(dir, `run${run}`);
  mkdirSync(profileDir);
  execFileSync('node', [
    '--cpu-prof',
    '--cpu-prof-interval',
    '100',
    `--cpu-prof-dir=${profileDir}`,
    '--input-type=module',
    '-e',
    `await import(${JSON.stringify(outfile)})`,
  ]);
  const file = readdirSync(profileDir)[0];
  if (!file) throw new Error('node wrote no profile');
  const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const key = where(node);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000 / RUNS);
  });
}
const rows = [...totals].sort((a, b) => b[1] - a[1]);
const sum = rows.reduce((s, [, ms]) => s + ms, 0);
console.log(`${entry}: ${sum.toFixed(0)} ms sampled, mean of ${RUNS} fresh processes (node's own start-up included)`);
for (const [name, ms] of rows.slice(0, 12)) console.log(`${ms.toFixed(1).padStart(7)} ms  ${name}`);
