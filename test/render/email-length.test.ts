/**
 * The email reads in a minute: the seed's fits in 25 lines and any corpus report's in 40, with
 * every rule id of the findings still named (grouped errors and warnings, info summed up).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ProcessedUpload, renderEmail } from '../../shared/render/email.ts';
import { countBySeverity, statusOf } from '../../shared/report/status.ts';
import { checkBytes } from '../../shared/usecases/check.ts';
import { corpusDir, loadCorpus } from '../corpus/corpus-cases.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

async function emailOf(path: string, fileName: string) {
  const { report, findings } = await checkBytes(new Uint8Array(readFileSync(path)), { fileName });
  const counts = countBySeverity(findings);
  const upload: ProcessedUpload = {
    reportId: '2022-ab12cd34ef',
    versionId: '2026-12-06T00:00:00.000Z_0a1b2c3d',
    agency: report?.agency ?? null,
    year: report?.year ?? null,
    identified: true,
    bucket: 'nianbao-uploads',
    objectKey: `uploads/${fileName}`,
    fileName,
    status: statusOf(counts),
    counts,
    findings: findings.map((finding) => ({ finding, change: 'new' as const })),
    resolved: [],
  };
  const { text } = renderEmail(upload, { apiUrl: 'http://127.0.0.1:3000' });
  return { text, lines: text.trimEnd().split('\n').length, ruleIds: [...new Set(findings.map((f) => f.ruleId))] };
}

describe('email length', () => {
  it('the seed: at most 25 lines, every rule id named, the page address at the end', async () => {
    const { text, lines, ruleIds } = await emailOf(join(fixtures, 'seed', 'heilongjiang-gxt-2022.txt'), 'heilongjiang-gxt-2022.txt');
    expect(lines).toBeLessThanOrEqual(25);
    for (const id of ruleIds) expect(text).toContain(id);
    expect(text).toContain('http://127.0.0.1:3000/reports/2022-ab12cd34ef/view');
  });

  it.each(loadCorpus().map((c) => [c.name, c.file] as const))('%s: at most 40 lines, every rule id named', async (_name, file) => {
    const { text, lines, ruleIds } = await emailOf(join(corpusDir, file), file);
    expect(lines).toBeLessThanOrEqual(40);
    for (const id of ruleIds) expect(text).toContain(id);
  });
});
