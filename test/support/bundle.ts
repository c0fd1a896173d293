/**
 * Bundles an entry module the way infra/constructs/bundled-function.ts bundles every Lambda
 * (esbuild, node, ESM, node22, minified, createRequire banner, zod alias, AWS SDK included; with
 * `shipLazyModules`, SHIPPED_MODULES (pdf.js, pinyin-pro) copied and WORKER_BUNDLES (the PDF worker)
 * built beside it, with the same esbuild command line, as the stack's afterBundling hook does) into `dir/index.mjs`,
 * so tests and benchmarks load what the stack would deploy.
 */
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import {
  ESBUILD_BIN,
  ESM_REQUIRE_BANNER,
  packageDir,
  SHIPPED_MODULES,
  WORKER_BUNDLES,
  workerEsbuildArgs,
  ZOD_ALIAS,
} from '../../infra/constructs/bundled-function.ts';

export async function bundleFunction(
  entry: string,
  dir: string,
  options: { shipLazyModules?: boolean; minify?: boolean } = {},
): Promise<string> {
  const outfile = join(dir, 'index.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: options.minify ?? true,
    banner: { js: ESM_REQUIRE_BANNER },
    alias: { zod: ZOD_ALIAS },
    external: options.shipLazyModules ? SHIPPED_MODULES.map((m) => m.specifier) : [],
    logLevel: 'silent',
  });
  if (options.shipLazyModules) {
    for (const m of SHIPPED_MODULES) {
      for (const file of m.files) cpSync(join(packageDir(m.name), file), join(dir, 'node_modules', m.name, file), { recursive: true });
    }
    for (const w of WORKER_BUNDLES) execFileSync(ESBUILD_BIN, workerEsbuildArgs(w, dir, options.minify ?? true));
  }
  return outfile;
}
