import { describe, expect, it } from 'vitest';
import { resolveJointly } from '../../shared/recognize/joint.ts';
import type { Cell } from '../../shared/report/model.ts';
import { T3_COLUMNS, t3Key } from '../../shared/report/template.ts';

const COLUMNS = T3_COLUMNS.map((c) => c.key);
const cells = (...values: number[]): Cell[] => values.map((v) => ({ text: String(v) }));
/** A table-三 row's seven cells as known values. */
const row = (key: string, values: number[]) => Object.fromEntries(values.map((v, i) => [t3Key(key, COLUMNS[i]!), v]));

describe('rows read together (K1/K2 choose between open readings)', () => {
  // new 11 + carried 0 = processed 11 + forward 0, per column: 自然人 11, 商业企业 0, … or 自然人 1, 商业企业 10.
  const known = {
    ...row('carried_over', [0, 0, 0, 0, 0, 0, 0]),
    ...row('carried_forward', [0, 0, 0, 0, 0, 0, 0]),
    ...row('total_processed', [11, 1, 0, 0, 0, 0, 12]),
  };
  const pending = [{ row: 'new_received', readings: [cells(11, 1, 0, 0, 0, 0, 12), cells(1, 11, 0, 0, 0, 0, 12)] }];

  it('takes the only combination under which the column identities hold', () => {
    const chosen = resolveJointly('2021', known, COLUMNS, pending);
    expect(chosen?.get('new_received')?.map((c) => c.text)).toEqual(['11', '1', '0', '0', '0', '0', '12']);
  });

  it('leaves the rows open when the report’s numbers fit no combination (never changes a digit)', () => {
    const wrong = { ...known, ...row('total_processed', [9, 3, 0, 0, 0, 0, 12]) };
    expect(resolveJointly('2021', wrong, COLUMNS, pending)).toBeUndefined();
  });

  it('leaves the rows open when no identity can be assessed', () => {
    const unassessable = { ...row('carried_over', [0, 0, 0, 0, 0, 0, 0]) };
    expect(resolveJointly('2021', unassessable, COLUMNS, pending)).toBeUndefined();
  });
});
