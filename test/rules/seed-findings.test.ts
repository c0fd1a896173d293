/**
 * The founding report (heilongjiang-gxt-2022): the findings its expected.json requires and forbids,
 * end to end through checkBytes (extract → recognize → validate).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FindingSchema } from '../../shared/report/model.ts';
import { T3_ROWS } from '../../shared/report/template.ts';
import { type CheckResult, checkBytes } from '../../shared/usecases/check.ts';

const dir = new URL('../fixtures/seed/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('heilongjiang-gxt-2022.expected.json', dir), 'utf8')) as {
  expected_findings: { must_have: string[]; must_not_have: string[] };
};

let result: CheckResult;
beforeAll(async () => {
  result = await checkBytes(readFileSync(new URL('heilongjiang-gxt-2022.txt', dir)), { fileName: 'heilongjiang-gxt-2022.txt' });
});
const ids = () => result.findings.map((f) => f.ruleId);

describe('seed report heilongjiang-gxt-2022', () => {
  it('lists 4 must-haves and 5 must-not-haves (this test covers each one)', () => {
    expect(expected.expected_findings.must_have).toHaveLength(4);
    expect(expected.expected_findings.must_not_have).toHaveLength(5);
    for (const f of result.findings) FindingSchema.parse(f);
  });

  describe('must have', () => {
    it('one C-ROW-MISSING for the cut: every table-三 row from denied.process_info to carried_forward', () => {
      const rows = T3_ROWS['2021'].map((r) => r.key);
      const missing = rows.slice(rows.indexOf('denied.process_info'));
      const found = result.findings.filter((f) => f.ruleId === 'C-ROW-MISSING');
      expect(found).toHaveLength(1);
      const rowsNamed = [...new Set(found[0]!.cells!.map((k) => k.replace(/^s3\.(.*)\.[a-z_]+$/, '$1')))];
      expect(rowsNamed).toEqual(missing);
      expect(found[0]!.cells).toHaveLength(missing.length * 7);
      expect(found[0]!.message).toContain('在“不予公开—属于三类内部事务信息”之后中断，缺少 16 行：不予公开—属于四类过程性信息、');
      expect(found[0]!.severity).toBe('error');
    });

    it('C-SECTION-MISSING for section 四', () => {
      const missing = result.findings.filter((f) => f.ruleId === 'C-SECTION-MISSING');
      expect(missing).toHaveLength(1);
      expect(missing[0]!.severity).toBe('error');
      expect(missing[0]!.message).toContain('四、政府信息公开行政复议、行政诉讼情况');
    });

    it('C-SECTION-HEADING-VARIANT (info) for section 三', () => {
      const variant = result.findings.filter((f) => f.ruleId === 'C-SECTION-HEADING-VARIANT');
      expect(variant).toHaveLength(1);
      expect(variant[0]!.severity).toBe('info');
      expect(variant[0]!.message).toContain('三、收到和处理政府信息公开情况');
    });

    it('T-S5-PRIOR-RECTIFICATION (warning)', () => {
      const f = result.findings.filter((x) => x.ruleId === 'T-S5-PRIOR-RECTIFICATION');
      expect(f).toHaveLength(1);
      expect(f[0]!.severity).toBe('warning');
    });
  });

  describe('must not have', () => {
    it('any K-* arithmetic finding', () => {
      expect(ids().filter((id) => id.startsWith('K-'))).toEqual([]);
    });
    it.each(['T-NUM-TEXT-TABLE', 'T-S6-FEE-STATEMENT', 'M-PERIOD-MISSING', 'E-EDITION-YEAR-MISMATCH'])('%s', (id) => {
      expect(ids()).not.toContain(id);
    });
  });
});
