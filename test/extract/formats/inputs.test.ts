/** Each input problem ends as exactly one `input` finding through the check facade. */
import { describe, expect, it } from 'vitest';
import { checkBytes } from '../../../shared/usecases/check.ts';
import { input } from './fixtures.ts';

describe('input findings through checkBytes', () => {
  it.each([
    { file: 'encrypted.pdf', ruleId: 'I-PDF-ENCRYPTED' },
    { file: 'no-text.pdf', ruleId: 'I-PDF-NO-TEXT' },
    { file: 'image.png', ruleId: 'I-UNSUPPORTED-TYPE' },
    { file: 'legacy.doc', ruleId: 'I-UNSUPPORTED-TYPE' },
    { file: 'sheet.xlsx', ruleId: 'I-UNSUPPORTED-TYPE' },
    { file: 'truncated.docx', ruleId: 'I-UNREADABLE' },
  ])('$file → $ruleId', async ({ file, ruleId }) => {
    const result = await checkBytes(input(file), { fileName: 'report.pdf' });
    expect(result.document).toBeUndefined();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ ruleId, severity: 'error', category: 'input' });
    expect(result.findings[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('the GBK page is a report: its table 三 is read', async () => {
    const result = await checkBytes(input('gbk-page.html'));
    expect(result.document?.encoding).toBe('gb18030');
    expect(result.report?.cells['s3.new_received.natural']).toBe(12);
    expect(result.report?.cells['s3.total_processed.total']).toBe(12);
    expect(result.findings.some((f) => f.category === 'input')).toBe(false);
  });
});
