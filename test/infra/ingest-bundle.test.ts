/**
 * The ingest Lambda's artifact reads every format. functions/ingest/handler.ts is bundled the way
 * the stack bundles it, together with the checkBytes facade it runs on every upload (the same
 * modules, bundled once), and a fresh node process loads the bundle and checks one report in each
 * format: fflate and the HTML parser must work from inside one minified ESM file, and pdf.js from
 * the only files shipped beside it (node_modules/unpdf, as the stack's afterBundling hook copies), and
 * pinyin-pro likewise (a text with pinyin annotations).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS_DIR } from '../extract/formats/fixtures.ts';
import { loadSpecs } from '../fixtures/formats/render.ts';
import { bundleFunction } from '../support/bundle.ts';

const root = join(import.meta.dirname, '..', '..');
const NAME = 'zhujian-2021-ed2021';
const FILES = ['txt', 'html', 'docx', 'pdf'].map((ext) => join(FORMATS_DIR, `${NAME}.${ext}`));
/** The same report with pinyin after polyphonic characters: pinyin-pro, shipped beside the bundle, removes it. */
const PINYIN = join(root, 'test', 'fixtures', 'families', '06-pinyin.txt');

let dir: string;
let results: { file: string; handler: string; format?: string; cells?: Record<string, unknown>; ruleIds: string[] }[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-ingest-bundle-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    [
      `export { handler } from ${JSON.stringify(join(root, 'functions/ingest/handler.ts'))};`,
      `export { checkBytes } from ${JSON.stringify(join(root, 'shared/usecases/check.ts'))};`,
    ].join('\n'),
  );
  const bundle = await bundleFunction(entry, join(dir, 'out'), { shipLazyModules: true });
  const script = `
    import { readFileSync } from 'node:fs';
    const { handler, checkBytes } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    const out = [];
    for (const file of ${JSON.stringify([...FILES, PINYIN])}) {
      const r = await checkBytes(new Uint8Array(readFileSync(file)));
      out.push({ file, handler: typeof handler, format: r.document?.format, cells: r.report?.cells, ruleIds: r.findings.map((f) => f.ruleId) });
    }
    process.stdout.write(JSON.stringify(out));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    cwd: dir,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    maxBuffer: 16 * 1024 * 1024,
  });
  results = JSON.parse(stdout);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('ingest bundle', () => {
  const spec = loadSpecs().find((s) => s.name === NAME)!;

  it('exports the handler', () => {
    expect(results.map((r) => r.handler)).toEqual(['function', 'function', 'function', 'function', 'function']);
  });

  it.each(['text', 'html', 'docx', 'pdf'])('reads the %s file: every cell of the spec', (format) => {
    const r = results.find((x) => x.format === format);
    expect(r?.cells).toEqual(spec.cells);
  });

  it('the four formats give the same findings', () => {
    const sets = results.slice(0, FILES.length).map((r) => r.ruleIds.filter((id) => !id.startsWith('I-')).sort());
    expect(sets[0]!.length).toBeGreaterThan(0);
    for (const s of sets.slice(1)) expect(s).toEqual(sets[0]);
  });

  it('reads a text with pinyin annotations through the shipped pinyin-pro: every cell, no label variant', () => {
    const r = results.find((x) => x.file === PINYIN);
    expect(r?.cells).toEqual(spec.cells);
    expect(r?.ruleIds).not.toContain('C-LABEL-VARIANT');
  });
});
