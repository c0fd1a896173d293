/**
 * Year pairs constructed from the corpus fixtures, for choosing and checking the H-TEXT-COPIED
 * threshold (docs/history.md). The corpus has one report per agency, so consecutive-year pairs
 * are constructed:
 *
 * - copied: next year's report is this one with every year moved on and every other number
 *   changed (what a report "updated" by editing the numbers looks like);
 * - edited copy: the same, and in addition every third sentence reworded a little and a new
 *   sentence appended to each section (a copy somebody touched up);
 * - unrelated: two different agencies' reports, given the same agency name and consecutive years
 *   (the noise floor: how much two reports share without any copying).
 *
 * Run `npx tsx test/rules/history/corpus-pairs.ts` for the table in docs/history.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '../../../shared/extract/text.ts';
import { recognize } from '../../../shared/recognize/index.ts';
import { type Report, ReportSchema } from '../../../shared/report/model.ts';
import { type BoilerplateIndex, buildBoilerplateIndex } from '../../../shared/rules/history/boilerplate.ts';
import { comparedSentences, copiedText } from '../../../shared/rules/history/copied-text.ts';
import { originalCorpus } from '../../corpus/corpus-cases.ts';

const ORIGINAL = originalCorpus();

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

export interface CorpusReport {
  name: string;
  report: Report;
}

/** Every corpus report and the seed whose sections 一/五 have text, with the agency from the expectation. */
export function corpusReports(): CorpusReport[] {
  const files = [
    ...readdirSync(join(fixtures, 'corpus'))
      .filter((f) => f.endsWith('.txt') && ORIGINAL.has(f.slice(0, -4)))
      .map((f) => join('corpus', f)),
    join('seed', 'heilongjiang-gxt-2022.txt'),
  ];
  return files
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      const expected = JSON.parse(readFileSync(join(fixtures, `${name}.expected.json`), 'utf8')) as { agency: string | null };
      const report = ReportSchema.parse(recognize(extractText(new Uint8Array(readFileSync(join(fixtures, file))))));
      return { name, report: { ...report, agency: expected.agency ?? report.agency ?? name } };
    })
    .filter((c) => c.report.year !== null && comparedSentences(c.report).length > 0);
}

/** Years move on by one; every other number changes. */
export function renumber(text: string): string {
  return text.replace(/\d+/g, (n) => (/^20\d\d$/.test(n) ? String(Number(n) + 1) : String(Number(n) * 2 + 3)));
}

/** Every third sentence touched up, and one new sentence at the end. */
export function touchUp(text: string): string {
  let i = 0;
  const edited = text.replace(/[^。；\n]+/g, (s) => {
    i += 1;
    if (i % 3 !== 0 || s.length < 12) return s;
    return s.includes('，') ? s.replace('，', '，进一步') : `${s}，取得良好成效`;
  });
  return `${edited}\n本年度还组织开展了专项检查，对发现的问题逐项整改。`;
}

function nextYear(report: Report, edit: (text: string) => string): Report {
  return {
    ...report,
    year: report.year! + 1,
    sections: report.sections.map((s) => ({ ...s, text: edit(renumber(s.text)) })),
  };
}

export interface Pair {
  kind: 'copied' | 'edited copy' | 'unrelated';
  name: string;
  previous: Report;
  report: Report;
}

export function corpusPairs(reports: CorpusReport[] = corpusReports()): Pair[] {
  const pairs: Pair[] = [];
  for (const c of reports) {
    pairs.push({ kind: 'copied', name: c.name, previous: c.report, report: nextYear(c.report, (t) => t) });
    pairs.push({ kind: 'edited copy', name: c.name, previous: c.report, report: nextYear(c.report, touchUp) });
  }
  for (const a of reports) {
    for (const b of reports) {
      if (a === b) continue;
      const report = { ...a.report, agency: b.report.agency, year: b.report.year! + 1 };
      pairs.push({ kind: 'unrelated', name: `${a.name} vs ${b.name}`, previous: b.report, report });
    }
  }
  return pairs;
}

/** An index over the corpus reports, as the pipeline would build one over a year's uploads. */
export function corpusIndex(reports: CorpusReport[], k = 2): BoilerplateIndex {
  return buildBoilerplateIndex(
    reports.map((c) => ({ agency: c.report.agency, sentences: comparedSentences(c.report) })),
    k,
  );
}

export function measure(pair: Pair, index?: BoilerplateIndex) {
  return copiedText(pair.report, pair.previous, index);
}

function summary(shares: number[]): string {
  const sorted = [...shares].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return `n=${sorted.length} min ${pct(sorted[0]!)} median ${pct(q(0.5))} p95 ${pct(q(0.95))} max ${pct(sorted[sorted.length - 1]!)}`;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const reports = corpusReports();
  const pairs = corpusPairs(reports);
  const index = corpusIndex(reports);
  const index1 = corpusIndex(reports, 1);
  console.log(`reports: ${reports.length}; sentences compared: ${reports.map((c) => comparedSentences(c.report).length).join(', ')}`);
  for (const kind of ['copied', 'edited copy', 'unrelated'] as const) {
    const mine = pairs.filter((p) => p.kind === kind);
    console.log(`${kind} (built-in list): ${summary(mine.map((p) => measure(p).share))}`);
    console.log(`${kind} (with index k=2): ${summary(mine.map((p) => measure(p, index).share))}`);
    console.log(`${kind} (with index k=1): ${summary(mine.map((p) => measure(p, index1).share))}`);
    const counts = mine.map((p) => measure(p).copied.length);
    console.log(`${kind} copied sentences: min ${Math.min(...counts)} max ${Math.max(...counts)}`);
  }
  for (const p of pairs.filter((x) => x.kind === 'unrelated')) {
    const m = measure(p);
    if (m.copied.length > 0)
      console.log(`unrelated overlap: ${p.name}: ${m.copied.length}/${m.eligible.length}: ${m.copied.map((s) => s.text).join(' | ')}`);
  }
}
