/**
 * Bundles an entry module the way infra/constructs/bundled-function.ts bundles every Lambda
 * (esbuild, node, ESM, node22, minified, createRequire banner, zod alias, AWS SDK included; with
 * `shipPdfjs`, pdf.js copied beside it as the stack's afterBundling hook does) into `dir/index.mjs`,
 * so tests and benchmarks load what the stack would deploy.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ESM_REQUIRE_BANNER, PDFJS_FILES, PDFJS_MODULE, UNPDF_DIR, ZOD_ALIAS } from '../../infra/constructs/bundled-function.ts';

export async function bundleFunction(entry: string, dir: string, options: { shipPdfjs?: boolean } = {}): Promise<string> {
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
    external: options.shipPdfjs ? [PDFJS_MODULE] : [],
    logLevel: 'silent',
  });
  if (options.shipPdfjs) {
    mkdirSync(join(dir, 'node_modules', 'unpdf', 'dist'), { recursive: true });
    for (const file of PDFJS_FILES) cpSync(join(UNPDF_DIR, file), join(dir, 'node_modules', 'unpdf', file));
  }
  return outfile;
}
