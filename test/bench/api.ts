/**
 * Cold start of the API and ingest functions: bundles each handler the way the CDK stack does
 * (esbuild, node, ESM, node22, minified, createRequire banner, zod alias, AWS SDK included:
 * test/support/bundle.ts mirrors infra/constructs/bundled-function.ts) into a temp dir, then times
 * a fresh `node` importing the bundle minus a fresh `node` importing nothing (median of several,
 * interleaved). Goals: API ≤ 80 ms, ingest ≤ 150 ms.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { bundleFunction } from '../support/bundle.ts';

const root = join(import.meta.dirname, '..', '..');
const RUNS = 9;

/** Bundles the API handler into `dir/index.mjs` as the stack does. Returns the file. */
export function bundleApi(dir: string): Promise<string> {
  return bundleFunction(join(root, 'functions/api/handler.ts'), dir);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Wall time of a fresh `node` running `script` as an ES module, in ms. */
function timeNode(script: string): number {
  const start = performance.now();
  execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', TABLE_NAME: 'bench' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return performance.now() - start;
}

/** The functions measured: name, entry, goal (ms). */
export const COLD_START_FUNCTIONS = [
  { name: 'api', entry: 'functions/api/handler.ts', goalMs: 80, shipLazyModules: false },
  { name: 'ingest', entry: 'functions/ingest/handler.ts', goalMs: 150, shipLazyModules: true },
] as const;

export interface ColdStart {
  bundleBytes: number;
  importMs: number;
  emptyNodeMs: number;
  rows: { name: string; value: number; unit: string; note?: string }[];
}

export async function benchColdStart(fn: (typeof COLD_START_FUNCTIONS)[number]): Promise<ColdStart> {
  const dir = mkdtempSync(join(tmpdir(), `nianbao-${fn.name}-bench-`));
  try {
    const outfile = await bundleFunction(join(root, fn.entry), dir, { shipLazyModules: fn.shipLazyModules });
    const url = pathToFileURL(outfile).href;
    const importScript = `const m = await import(${JSON.stringify(url)}); if (typeof m.handler !== 'function') process.exit(3);`;
    // In-process: from the start of the import to the module being ready (no process start-up).
    // CPU time is what a busy machine distorts least (wall time includes waiting for a core).
    const inProcessScript =
      `const t = performance.now(); const c = process.cpuUsage(); await import(${JSON.stringify(url)}); ` +
      'const u = process.cpuUsage(c); process.stdout.write(JSON.stringify([performance.now() - t, (u.user + u.system) / 1000]));';

    timeNode(''); // warm the file system cache
    timeNode(importScript);
    // Interleaved, so that load from other processes hits all three series alike.
    const empty: number[] = [];
    const loaded: number[] = [];
    const inProcess: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      empty.push(timeNode(''));
      loaded.push(timeNode(importScript));
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', inProcessScript], {
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', TABLE_NAME: 'bench' },
      });
      const [wall, cpuMs] = JSON.parse(out.toString()) as [number, number];
      inProcess.push(wall);
      cpu.push(cpuMs);
    }
    const importMs = Math.max(0, median(loaded) - median(empty));
    const bundleBytes = statSync(outfile).size;
    const rows = [
      {
        name: `${fn.name} bundle: import time (fresh node − empty node)`,
        value: importMs,
        unit: 'ms',
        note: `goal ≤ ${fn.goalMs}; median of ${RUNS}; empty node ${median(empty).toFixed(0)} ms`,
      },
      { name: `${fn.name} bundle: import measured inside node (wall)`, value: median(inProcess), unit: 'ms', note: `median of ${RUNS}` },
      {
        name: `${fn.name} bundle: import measured inside node (CPU)`,
        value: median(cpu),
        unit: 'ms',
        note: 'user + system; least affected by other load',
      },
      { name: `${fn.name} bundle: size (minified, AWS SDK included)`, value: bundleBytes / 1024, unit: 'KiB' },
    ];
    return { bundleBytes, importMs, emptyNodeMs: median(empty), rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
