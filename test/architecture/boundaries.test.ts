/**
 * The layout's import rules (README.md "Layout"), checked over the real import graph: each folder
 * imports only what the table allows, the domain loads no AWS SDK, nothing bundled for Lambda
 * imports the local stack, the CLI or a devDependency, and no runtime import cycle exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

/** Folder (longest prefix wins) → the folders it may import from (besides itself). */
const ALLOWED: Record<string, string[]> = {
  'shared/report': [],
  'shared/extract': ['shared/report'],
  'shared/recognize': ['shared/report', 'shared/extract'],
  'shared/rules': ['shared/report'],
  'shared/render': ['shared/report', 'shared/rules'],
  'shared/usecases': ['shared/report', 'shared/extract', 'shared/recognize', 'shared/rules', 'shared/render'],
  'shared/adapters': ['shared/usecases', 'shared/report', 'shared/rules', 'shared/render'],
  functions: ['shared'],
  local: ['shared', 'functions'],
  cli: ['shared', 'local'],
  infra: ['functions', 'shared/adapters/dynamodb/table-definition.ts', 'shared/report'],
  scripts: ['shared'],
};
/** Folders whose code must not load AWS, Lambda-tooling or HTTP-framework packages. */
const PURE = ['shared/report', 'shared/extract', 'shared/recognize', 'shared/rules', 'shared/render', 'shared/usecases'];
const FRAMEWORK = /^@aws-sdk\/|^@aws-lambda-powertools\/|^@middy\/|^aws-lambda$/;
/** Bundled for Lambda: never the local stack, the CLI or a devDependency. */
const BUNDLED = ['shared', 'functions'];

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function edgesOf(file: string): Edge[] {
  const text = readFileSync(join(root, file), 'utf8');
  const out: Edge[] = [];
  for (const m of text.matchAll(IMPORT)) out.push({ from: file, to: m[3]!, typeOnly: m[2] !== undefined });
  for (const m of text.matchAll(DYNAMIC)) out.push({ from: file, to: m[1]!, typeOnly: false });
  return out.map((e) => (e.to.startsWith('.') ? { ...e, to: relative(root, resolve(root, dirname(file), e.to)) } : e));
}

const files = Object.keys(ALLOWED).flatMap(sources);
const edges = files.flatMap(edgesOf);
const folderOf = (file: string) =>
  Object.keys(ALLOWED)
    .filter((f) => file === f || file.startsWith(`${f}/`))
    .sort((a, b) => b.length - a.length)[0];
const local = (e: Edge) =>
  !e.to.startsWith('node:') && (e.to.startsWith('shared/') || /^(functions|local|cli|infra|scripts|test)\//.test(e.to));
const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

describe('import boundaries', () => {
  it('reads a real graph', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(edges.filter(local).length).toBeGreaterThan(300);
  });

  it('each folder imports only the folders the layout allows', () => {
    const bad = edges.filter(local).flatMap((e) => {
      const own = folderOf(e.from)!;
      const allowed = [own, ...ALLOWED[own]!];
      return allowed.some((a) => e.to === a || e.to.startsWith(`${a}/`)) ? [] : [`${e.from} → ${e.to}`];
    });
    expect(bad).toEqual([]);
  });

  it('the domain and the use cases load no AWS SDK, Powertools, middy or Lambda types', () => {
    const bad = edges.filter((e) => PURE.some((p) => e.from.startsWith(`${p}/`)) && FRAMEWORK.test(e.to)).map((e) => `${e.from} → ${e.to}`);
    expect(bad).toEqual([]);
  });

  it('nothing bundled for Lambda imports a devDependency', () => {
    const dev = new Set(Object.keys(pkg.devDependencies));
    const bad = edges
      .filter((e) => BUNDLED.some((b) => e.from.startsWith(`${b}/`)) && !e.typeOnly && !local(e) && !e.to.startsWith('node:'))
      .filter((e) => dev.has(packageOf(e.to)))
      .map((e) => `${e.from} → ${e.to}`);
    expect(bad).toEqual([]);
  });

  it('has no runtime import cycle', () => {
    const graph = new Map<string, string[]>();
    for (const e of edges) if (!e.typeOnly && local(e)) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
    const cycles: string[][] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (node: string) => {
      state.set(node, 'open');
      path.push(node);
      for (const next of graph.get(node) ?? []) {
        if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(node, 'done');
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node);
    expect(cycles.map((c) => c.join(' → '))).toEqual([]);
  });
});
