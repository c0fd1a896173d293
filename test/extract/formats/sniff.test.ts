import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sniff } from '../../../shared/extract/sniff.ts';
import { loadSpecs } from '../../fixtures/formats/render.ts';
import { problemOf } from '../../support/problem.ts';
import { fixture, input, utf8 } from './fixtures.ts';

const problem = (bytes: Uint8Array) => problemOf(() => sniff(bytes));

const bytes = (...b: number[]): Uint8Array => new Uint8Array([...b, ...new Array(64).fill(0)]);

describe('sniff: the generated reports, by content', () => {
  const cases = loadSpecs().flatMap((spec) =>
    (['txt', 'html', 'docx', 'pdf'] as const).map((ext) => ({ file: `${spec.name}.${ext}`, want: ext === 'txt' ? 'text' : ext })),
  );
  it.each(cases)('$file → $want', ({ file, want }) => {
    expect(sniff(fixture(file))).toBe(want);
  });
  it('ignores the file name: a PDF is a PDF whatever it is called', () => {
    expect(sniff(fixture('shengtai-2020-ed2019.pdf'))).toBe('pdf');
  });
});

describe('sniff: the input fixtures', () => {
  it.each([
    { file: 'gbk-page.html', want: 'html' },
    { file: 'encrypted.pdf', want: 'pdf' },
    { file: 'no-text.pdf', want: 'pdf' },
    { file: 'owner-password-only.pdf', want: 'pdf' },
  ])('$file → $want', ({ file, want }) => {
    expect(sniff(input(file))).toBe(want);
  });

  it.each([
    { file: 'image.png', ruleId: 'I-UNSUPPORTED-TYPE', type: 'png', words: 'PNG 图片' },
    { file: 'legacy.doc', ruleId: 'I-UNSUPPORTED-TYPE', type: 'ole2', words: '旧版 Office 文档' },
    { file: 'sheet.xlsx', ruleId: 'I-UNSUPPORTED-TYPE', type: 'xlsx', words: 'Excel 表格' },
    { file: 'truncated.docx', ruleId: 'I-UNREADABLE', type: undefined, words: '已损坏' },
  ])('$file → $ruleId', ({ file, ruleId, type, words }) => {
    const p = problem(input(file));
    expect(p.ruleId).toBe(ruleId);
    expect(p.message).toContain(words);
    if (type) expect(p.detail).toEqual({ type });
  });
});

describe('sniff: signatures', () => {
  const zip = (files: Record<string, string>): Uint8Array =>
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

  it.each([
    { name: 'JPEG', data: bytes(0xff, 0xd8, 0xff, 0xe0), type: 'jpeg' },
    { name: 'GIF', data: utf8('GIF89a......'), type: 'gif' },
    { name: 'BMP', data: bytes(0x42, 0x4d, 0x46, 0, 0, 0), type: 'bmp' },
    { name: 'TIFF (Intel)', data: bytes(0x49, 0x49, 0x2a, 0), type: 'tiff' },
    { name: 'TIFF (Motorola)', data: bytes(0x4d, 0x4d, 0, 0x2a), type: 'tiff' },
    { name: 'WebP', data: utf8('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '), type: 'webp' },
    { name: 'OLE2 (.doc/.xls)', data: bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), type: 'ole2' },
    { name: 'RAR', data: utf8('Rar!\u001a\u0007\u0000'), type: 'rar' },
    { name: '7z', data: bytes(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c), type: '7z' },
    { name: 'gzip', data: bytes(0x1f, 0x8b, 0x08), type: 'gzip' },
    { name: 'PPTX', data: zip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }), type: 'pptx' },
    { name: 'ODT', data: zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<c/>' }), type: 'odf' },
    { name: 'plain zip', data: zip({ 'report.txt': '一、总体情况' }), type: 'zip' },
  ])('$name → I-UNSUPPORTED-TYPE ($type)', ({ data, type }) => {
    const p = problem(data);
    expect(p.ruleId).toBe('I-UNSUPPORTED-TYPE');
    expect(p.detail).toEqual({ type });
    expect(p.message).toMatch(/^不支持的文件类型：/);
  });

  it('a zip with word/document.xml is DOCX', () => {
    expect(sniff(zip({ 'word/document.xml': '<w:document/>' }))).toBe('docx');
  });

  it.each([
    { name: 'doctype', text: '<!DOCTYPE html><html><body>x</body></html>' },
    { name: 'BOM and whitespace before <html>', text: '\ufeff  \n <HTML><body>x</body></HTML>' },
    { name: 'a bare table fragment', text: '<table><tr><td>1</td></tr></table>' },
    { name: 'a bare paragraph', text: '\n<p>一、总体情况</p>' },
    { name: 'a comment first', text: '<!-- saved from url --><html></html>' },
  ])('HTML: $name', ({ text }) => {
    expect(sniff(utf8(text))).toBe('html');
  });

  it('UTF-16LE HTML with a BOM', () => {
    const text = '<html><body>一、总体情况</body></html>';
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      out[2 + i * 2] = text.charCodeAt(i) & 0xff;
      out[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(sniff(out)).toBe('html');
  });

  it.each([
    { name: 'Chinese prose', text: '一、总体情况\n2022年，我局……' },
    { name: 'text that only mentions a tag later', text: '报告正文\n<p>不是网页</p>' },
    { name: 'empty', text: '' },
  ])('text: $name', ({ text }) => {
    expect(sniff(utf8(text))).toBe('text');
  });

  it('%PDF- after a little junk is still a PDF', () => {
    expect(sniff(utf8('\r\n%PDF-1.7\n...'))).toBe('pdf');
  });
});
