/**
 * Measures recognition on the real-report corpus: cells exact, reports exact, per layout family,
 * and the error findings that a person would call false (a printed section or table reported
 * missing on a complete report; a K-rule error on a report whose numbers are consistent).
 *
 *   npm run corpus:measure -- [--set all|sealed|open|original|new] [--json FILE] [--list]
 *
 * The sets are named in test/fixtures/corpus/sets.json. `--list` prints per-report lines, which
 * must not be used on the sealed set while developing (see test/fixtures/corpus/README.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../../shared/rules/arithmetic/identities.ts';
import { allProse } from '../../shared/rules/support.ts';
import { compare, mentions } from '../../shared/rules/text/quantities.ts';
import { type CaseResult, type CorpusCase, corpusDir, loadCorpus, missingErrors, runCase } from './corpus-cases.ts';

interface Sets {
  original: string[];
  sealed: string[];
  open: string[];
}

function selectCases(all: CorpusCase[], set: string): CorpusCase[] {
  if (set === 'all') return all;
  const sets = JSON.parse(readFileSync(join(corpusDir, 'sets.json'), 'utf8')) as Sets;
  const original = new Set(sets.original);
  const names = set === 'new' ? new Set(all.map((c) => c.name).filter((n) => !original.has(n))) : new Set(sets[set as keyof Sets]);
  if (!names.size) throw new Error(`unknown or empty set: ${set}`);
  return all.filter((c) => names.has(c.name));
}

interface Tally {
  reports: number;
  withCells: number;
  cells: number;
  exact: number;
  reportsExact: number;
}

function tally(results: CaseResult[]): Tally {
  const withCells = results.filter((r) => r.cells > 0);
  return {
    reports: results.length,
    withCells: withCells.length,
    cells: results.reduce((s, r) => s + r.cells, 0),
    exact: results.reduce((s, r) => s + r.exact, 0),
    reportsExact: withCells.filter((r) => r.exact === r.cells).length,
  };
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);

function falseErrors(c: CorpusCase, r: CaseResult): { missing: string[]; kErrors: string[]; kFound: number } {
  const errors = r.findings.filter((f) => f.severity === 'error');
  const missing = missingErrors(c, r).unexplained;
  const listed = c.expected.report_inconsistencies ?? [];
  const listedRules = new Set(listed.map((i) => i.rule));
  const kErrors = errors.filter((f) => f.ruleId.startsWith('K-') && !listedRules.has(f.ruleId)).map((f) => f.ruleId);
  const kFound = listed.filter((i) => errors.some((f) => f.ruleId === i.rule)).length;
  return { missing, kErrors, kFound };
}

/** The prose quantities (T-NUM-TEXT-TABLE) the rule could set against the table, and those it flagged. */
function proseChecks(r: CaseResult): { compared: number; flagged: string[] } {
  const a = r.report && analyze(r.report);
  if (!r.report || !a) return { compared: 0, flagged: [] };
  const compared = mentions(allProse(r.report), r.report.year)
    .map((m) => compare(m, a.edition, a.cells))
    .filter((c) => c !== undefined);
  const flagged = r.findings.filter((f) => f.ruleId === 'T-NUM-TEXT-TABLE').map((f) => `${r.name}: ${f.message}`);
  return { compared: compared.length, flagged };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { set: { type: 'string', default: 'all' }, json: { type: 'string' }, list: { type: 'boolean' } },
  });
  const cases = selectCases(loadCorpus(), values.set!);
  const results = await Promise.all(cases.map((c) => runCase(c)));

  const families = new Map<string, CaseResult[]>();
  for (const r of results) families.set(r.family, [...(families.get(r.family) ?? []), r]);
  const total = tally(results);
  let falseMissing = 0;
  let falseK = 0;
  let listed = 0;
  let found = 0;
  const detail: string[] = [];
  let compared = 0;
  const flagged: string[] = [];
  cases.forEach((c, i) => {
    const r = results[i]!;
    const e = falseErrors(c, r);
    falseMissing += e.missing.length;
    falseK += e.kErrors.length;
    listed += c.expected.report_inconsistencies?.length ?? 0;
    found += e.kFound;
    const prose = proseChecks(r);
    compared += prose.compared;
    flagged.push(...prose.flagged);
    const misses = r.misses.map((m) => `${m.key}=${JSON.stringify(m.got)}≠${JSON.stringify(m.expected)}`);
    detail.push(`${r.name} [${r.family}] ${r.exact}/${r.cells} ${[...misses, ...e.missing, ...e.kErrors].join(' ')}`);
  });

  console.log(`set: ${values.set} (${total.reports} reports, ${total.withCells} with hand-read cells)\n`);
  console.log('| family | reports | cells exact | reports exact |');
  console.log('| --- | --- | --- | --- |');
  for (const [family, rs] of [...families].sort()) {
    const t = tally(rs);
    console.log(`| ${family} | ${t.reports} | ${t.exact} / ${t.cells} (${pct(t.exact, t.cells)}) | ${t.reportsExact} / ${t.withCells} |`);
  }
  console.log(
    `| **all** | ${total.reports} | ${total.exact} / ${total.cells} (${pct(total.exact, total.cells)}) | ${total.reportsExact} / ${total.withCells} |`,
  );
  console.log(`\nfalse missing-errors on complete reports: ${falseMissing}`);
  console.log(`K-rule errors not listed in report_inconsistencies: ${falseK}`);
  console.log(`listed inconsistencies found: ${found} / ${listed}`);
  console.log(`prose quantities compared with the table: ${compared}, flagged (T-NUM-TEXT-TABLE): ${flagged.length}`);
  if (values.list) console.log(`\n${detail.join('\n')}\n\n${flagged.join('\n')}`);
  if (values.json) {
    const byFamily = Object.fromEntries([...families].map(([f, rs]) => [f, tally(rs)]));
    const out = {
      set: values.set,
      total,
      byFamily,
      falseMissing,
      falseK,
      inconsistencies: { listed, found },
      prose: { compared, flagged: flagged.length },
    };
    writeFileSync(values.json, `${JSON.stringify(out, null, 2)}\n`);
  }
}

await main();
