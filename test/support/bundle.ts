/**
 * Bundles an entry module the way infra/constructs/bundled-function.ts bundles every Lambda
 * (esbuild, node, ESM, node22, minified, createRequire banner, zod alias, AWS SDK included) into
 * `dir/index.mjs`, so tests and benchmarks load what the stack would deploy.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { ESM_REQUIRE_BANNER, ZOD_ALIAS } from '../../infra/constructs/bundled-function.ts';

export async function bundleFunction(entry: string, dir: string): Promise<string> {
  const outfile = join(dir, 'index.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    banner: { js: ESM_REQUIRE_BANNER },
    alias: { zod: ZOD_ALIAS },
    logLevel: 'silent',
  });
  return outfile;
}
