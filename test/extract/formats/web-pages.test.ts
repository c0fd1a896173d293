/**
 * Real-world government web pages (test/fixtures/formats/web, written by generate-web.ts there):
 * the format specs published through messy CMS templates, MS Word "Save as Web Page" markup and
 * LibreOffice's HTML export. Every cell must come out exact, with the spec's edition, year, agency
 * and title, the six sections, no input finding, and the same warnings and errors as the clean
 * page of the same spec (label variants and normalized digits are info findings and may differ).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CheckResult, checkBytes } from '../../../shared/usecases/check.ts';
import { loadSpecs } from '../../fixtures/formats/render.ts';
import { FORMATS_DIR, fixture } from './fixtures.ts';

const WEB_DIR = join(FORMATS_DIR, 'web');

/** Page → the encoding it must be read in. */
const PAGES: { file: string; encoding: 'utf-8' | 'gb18030' }[] = [
  { file: 'heilongjiang-gxt-2022.trs-gbk.html', encoding: 'gb18030' },
  { file: 'shengtai-2020-ed2019.trs-gbk.html', encoding: 'gb18030' },
  { file: 'zhujian-2021-ed2021.word-html.html', encoding: 'gb18030' },
  { file: 'shengtai-2020-ed2019.word-html.html', encoding: 'gb18030' },
  { file: 'zhujian-2023-arith-error.layout-table.html', encoding: 'utf-8' },
  { file: 'shengtai-2020-ed2019.layout-table.html', encoding: 'utf-8' },
  { file: 'zhujian-2021-ed2021.split-pages.html', encoding: 'utf-8' },
  { file: 'shengtai-2020-ed2019.split-pages.html', encoding: 'utf-8' },
  { file: 'heilongjiang-gxt-2022.ucap.html', encoding: 'utf-8' },
  { file: 'shengtai-2020-ed2019.ucap.html', encoding: 'utf-8' },
  { file: 'zhujian-2021-ed2021.excel.html', encoding: 'utf-8' },
  { file: 'shengtai-2020-ed2019.excel.html', encoding: 'utf-8' },
  { file: 'shengtai-2020-ed2019.lo-html.html', encoding: 'utf-8' },
  { file: 'zhujian-2021-ed2021.lo-html.html', encoding: 'utf-8' },
  { file: 'heilongjiang-gxt-2022.lo-html.html', encoding: 'utf-8' },
  { file: 'shengtai-2020-ed2019.lo-xhtml.html', encoding: 'utf-8' },
  { file: 'zhujian-2021-ed2021.lo-xhtml.html', encoding: 'utf-8' },
  { file: 'heilongjiang-gxt-2022.lo-xhtml.html', encoding: 'utf-8' },
  // UTF-8 bytes under a stale charset=gb2312 meta
  { file: 'zhujian-2021-ed2021.trs-stale-meta.html', encoding: 'utf-8' },
  // the title inside the article's own HTML5 <header>
  { file: 'shengtai-2020-ed2019.html5.html', encoding: 'utf-8' },
  { file: 'zhujian-2023-arith-error.html5.html', encoding: 'utf-8' },
  // Excel's hidden helper column (display:none cells)
  { file: 'heilongjiang-gxt-2022.excel-hidden-column.html', encoding: 'utf-8' },
];

const specs = loadSpecs();
const cases = PAGES.map((p) => ({ ...p, spec: specs.find((s) => p.file.startsWith(`${s.name}.`))! }));

/** Rule ids of the warnings and errors, sorted and unique. */
function problems(result: CheckResult): string[] {
  return [...new Set(result.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId))].sort();
}

describe('real-world web pages', () => {
  it('cover both editions, every spec and at least five page styles plus both LibreOffice exports', () => {
    expect(new Set(cases.map((c) => c.spec.edition))).toEqual(new Set(['2019', '2021']));
    expect(new Set(cases.map((c) => c.spec.name)).size).toBe(specs.length);
    const styles = new Set(cases.map((c) => c.file.split('.')[1]));
    expect(styles.size).toBeGreaterThanOrEqual(8);
    expect([...styles]).toEqual(expect.arrayContaining(['lo-html', 'lo-xhtml']));
  });

  it('every page of the folder is in the table', () => {
    const pages = readdirSync(WEB_DIR).filter((f) => f.endsWith('.html'));
    expect(PAGES.map((p) => p.file).sort()).toEqual(pages.sort());
  });

  it.each(cases)('$file', async ({ file, encoding, spec }) => {
    const result = await checkBytes(new Uint8Array(readFileSync(join(WEB_DIR, file))));
    expect(result.findings.filter((f) => f.category === 'input')).toEqual([]);
    expect(result.document?.encoding).toBe(encoding);
    const report = result.report!;
    expect(report.cells).toEqual(spec.cells);
    expect({ edition: report.edition, year: report.year, agency: report.agency, title: report.title }).toEqual({
      edition: spec.edition,
      year: spec.year,
      agency: spec.agency,
      title: spec.title,
    });
    expect(report.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.recognition.headings.filter((h) => h.numbered).map((h) => h.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const clean = await checkBytes(fixture(`${spec.name}.html`));
    expect(problems(result)).toEqual(problems(clean));
  });
});
