/**
 * Other producers of the same reports: LibreOffice converting the HTML page to DOCX and to PDF,
 * and the LibreOffice PDFs re-rendered by cairo (pdftocairo) and ghostscript (pdfwrite), which
 * write text, fonts and ruling lines their own way. The cells must survive.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../shared/extract/index.ts';
import type { TableBlock } from '../../../shared/report/model.ts';
import { checkBytes } from '../../../shared/usecases/check.ts';
import { gridTexts, items, loadSpecs } from '../../fixtures/formats/render.ts';
import { fixture } from './fixtures.ts';

const cases = ['shengtai-2020-ed2019', 'zhujian-2021-ed2021'].flatMap((name) =>
  (['docx', 'pdf'] as const).map((ext) => ({ name, ext, file: `variants/${name}.lo-from-html.${ext}` })),
);

/**
 * LibreOffice's HTML import lets a page break fall inside table 三's header in the 2021 report:
 * the vertically merged 自然人 / 总计 header cells start in the last row of one page and go on in
 * the first row of the next, whose parts are drawn empty (pdf-continued.ts joinSeam). Every row,
 * header row 3 of table 三 included, must be exact.
 */
describe.each(cases)('$file', ({ name, file }) => {
  const spec = loadSpecs().find((s) => s.name === name)!;

  it('table grids equal the rendered template tables', async () => {
    const doc = await extract(fixture(file));
    const got = doc.blocks.filter((b): b is TableBlock => b.kind === 'table').map((t) => t.rows.map((r) => r.map((c) => c.text)));
    const want = items(spec).flatMap((it) => (it.kind === 'table' ? [gridTexts(it.table)] : []));
    expect(got).toEqual(want);
  });

  it('report.cells are the spec values, and the title is one heading', async () => {
    const result = await checkBytes(fixture(file));
    expect(result.report?.cells).toEqual(spec.cells);
    expect(result.document?.blocks.find((b) => b.kind === 'heading')).toMatchObject({ text: spec.title });
  });
});

const rewritten = [
  { name: 'zhujian-2021-ed2021', file: 'variants/zhujian-2021-ed2021.cairo.pdf' },
  { name: 'shengtai-2020-ed2019', file: 'variants/shengtai-2020-ed2019.gs.pdf' },
  { name: 'zhujian-2021-ed2021', file: 'variants/zhujian-2021-ed2021.lo-from-html.gs.pdf' },
];

describe.each(rewritten)('$file (the LibreOffice PDF through another producer)', ({ name, file }) => {
  const spec = loadSpecs().find((s) => s.name === name)!;

  it('table grids equal the rendered template tables; report.cells are the spec values', async () => {
    const result = await checkBytes(fixture(file));
    const doc = result.document!;
    const got = doc.blocks.filter((b): b is TableBlock => b.kind === 'table').map((t) => t.rows.map((r) => r.map((c) => c.text)));
    expect(got).toEqual(items(spec).flatMap((it) => (it.kind === 'table' ? [gridTexts(it.table)] : [])));
    expect(result.report?.cells).toEqual(spec.cells);
    expect(doc.notices).toEqual([]);
    expect(doc.blocks.find((b) => b.kind === 'heading')).toMatchObject({ text: spec.title });
  });
});
