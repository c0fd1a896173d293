/**
 * Fault injection: change one cell of table 三 or 四 of a consistent report by ±k and check that
 * exactly the identities containing that cell are reported, with the right difference, and that
 * the suspect is that cell.
 *
 * When the suspect is unique (every table-三 cell): a table-三 cell lies in its row's K3 and in
 * K1 and/or K2 of its column, and the broken identities share only that cell (docs/template.md "Arithmetic"
 * consequences: a K1 failure only in 总计 names a row total).
 *
 * When it is legitimately ambiguous (every table-四 cell): a table-四 cell lies in exactly one
 * identity (K5 of its group), and any of the five cells of that group could be the wrong one, so
 * no suspect is named.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../shared/report/model.ts';
import { type Edition, outcomeRows } from '../../shared/report/template.ts';
import { splitKey } from '../../shared/rules/labels.ts';
import { arithmeticKeys, makeReport, withCells } from '../support/report-factory.ts';
import { run } from './helpers.ts';

const K1_ROWS = new Set(['new_received', 'carried_over', 'total_processed', 'carried_forward']);

/** The K findings (rule + subject cell) a change of `key` must raise. */
function expectedFindings(edition: Edition, key: string): string[] {
  const { table, row, column } = splitKey(key);
  if (table === 's4') return [`K-T4-GROUP-TOTAL s4.${row}.total`];
  const out: string[] = [];
  if (K1_ROWS.has(row)) out.push(`K-T3-COLUMN-IDENTITY s3.carried_forward.${column}`);
  if (row === 'total_processed' || outcomeRows(edition).includes(row)) out.push(`K-T3-OUTCOME-SUM s3.total_processed.${column}`);
  out.push(`K-T3-ROW-TOTAL s3.${row}.total`);
  return out;
}

function inject(report: Report, key: string, delta: number): Report {
  return withCells(report, { [key]: (report.cells[key] as number) + delta });
}

const SEEDS = [1, 2, 3, 4, 5, 6];

describe('fault injection into tables 三 and 四', () => {
  for (const edition of ['2019', '2021'] as const) {
    for (const seed of SEEDS) {
      it(`${edition} edition, seed ${seed}: every cell, ±k`, () => {
        const clean = makeReport({ seed, edition });
        expect(run(clean).filter((f) => f.ruleId.startsWith('K-'))).toEqual([]);
        for (const key of arithmeticKeys(edition)) {
          const value = clean.cells[key] as number;
          for (const delta of [(seed % 3) + 1, -1, 7]) {
            if (value + delta < 0) continue;
            const k = run(inject(clean, key, delta)).filter((f) => f.ruleId.startsWith('K-'));
            const label = `${key} ${delta > 0 ? '+' : ''}${delta}`;
            expect(k.map((f) => `${f.ruleId} ${f.cells!.at(-1)}`).sort(), label).toEqual(expectedFindings(edition, key).sort());
            for (const f of k) {
              expect(f.severity, label).toBe('error');
              expect(f.cells, label).toContain(key);
              expect(Math.abs(f.expected! - f.actual!), label).toBe(Math.abs(delta));
              if (key.startsWith('s3.')) {
                expect(f.suspect, label).toBe(key);
                expect(f.message, label).toContain(`现为 ${value + delta}`);
                expect(f.message, label).toContain(`若改为 ${value}`);
              } else {
                expect(f.suspect, label).toBeUndefined();
              }
            }
          }
        }
      });
    }
  }

  it('two compensating faults in one column break only two row totals: no single suspect', () => {
    // Find a report with a second non-zero outcome cell in the 自然人 column.
    for (let seed = 1; seed <= 20; seed++) {
      const clean = makeReport({ seed, edition: '2021' });
      const other = outcomeRows('2021').find((r) => r !== 'granted' && (clean.cells[`s3.${r}.natural`] as number) > 0);
      if (!other) continue;
      const bad = withCells(clean, {
        's3.granted.natural': (clean.cells['s3.granted.natural'] as number) + 1,
        [`s3.${other}.natural`]: (clean.cells[`s3.${other}.natural`] as number) - 1,
      });
      const k = run(bad).filter((f) => f.ruleId.startsWith('K-'));
      expect(k.map((f) => `${f.ruleId} ${f.cells!.at(-1)}`)).toEqual([
        'K-T3-ROW-TOTAL s3.granted.total',
        `K-T3-ROW-TOTAL s3.${other}.total`,
      ]);
      expect(k.every((f) => f.suspect === undefined)).toBe(true);
      return;
    }
    throw new Error('no fixture with two non-zero outcome cells');
  });
});
