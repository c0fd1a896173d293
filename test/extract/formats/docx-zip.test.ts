/**
 * zip.ts beyond what fflate's zipSync writes: stored entries, streamed entries (data descriptors,
 * Zip64 extra fields in the local headers: Python's zipfile), a Zip64 central directory, encrypted
 * entries. The caps themselves are tested in docx.test.ts.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractDocx } from '../../../shared/extract/docx.ts';
import { listZip, readZip } from '../../../shared/extract/zip.ts';
import { problemOf } from '../../support/problem.ts';
import { fixture } from './fixtures.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const DOC = `<w:document ${W}><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>`;

/** A one-entry stored zip whose central directory uses Zip64 (sizes, offset, entry count). */
function zip64(name: string, data: Uint8Array): Uint8Array {
  const n = strToU8(name);
  const local = new Uint8Array(30 + n.length + data.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 45, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, data.length, true);
  lv.setUint16(26, n.length, true);
  local.set(n, 30);
  local.set(data, 30 + n.length);
  const central = new Uint8Array(46 + n.length + 28);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(6, 45, true);
  cv.setUint32(20, 0xffffffff, true);
  cv.setUint32(24, 0xffffffff, true);
  cv.setUint16(28, n.length, true);
  cv.setUint16(30, 28, true);
  cv.setUint32(42, 0xffffffff, true);
  central.set(n, 46);
  const extra = 46 + n.length;
  cv.setUint16(extra, 1, true);
  cv.setUint16(extra + 2, 24, true);
  cv.setBigUint64(extra + 4, BigInt(data.length), true); // uncompressed
  cv.setBigUint64(extra + 12, BigInt(data.length), true); // compressed
  cv.setBigUint64(extra + 20, 0n, true); // local header offset
  const end = new Uint8Array(56 + 20 + 22);
  const ev = new DataView(end.buffer);
  const cdOffset = local.length;
  ev.setUint32(0, 0x06064b50, true);
  ev.setBigUint64(4, 44n, true);
  ev.setBigUint64(24, 1n, true);
  ev.setBigUint64(32, 1n, true);
  ev.setBigUint64(40, BigInt(central.length), true);
  ev.setBigUint64(48, BigInt(cdOffset), true);
  ev.setUint32(56, 0x07064b50, true);
  ev.setBigUint64(56 + 8, BigInt(cdOffset + central.length), true);
  ev.setUint32(56 + 16, 1, true);
  ev.setUint32(76, 0x06054b50, true);
  ev.setUint16(76 + 8, 0xffff, true);
  ev.setUint16(76 + 10, 0xffff, true);
  ev.setUint32(76 + 12, 0xffffffff, true);
  ev.setUint32(76 + 16, 0xffffffff, true);
  const out = new Uint8Array(local.length + central.length + end.length);
  out.set(local, 0);
  out.set(central, local.length);
  out.set(end, local.length + central.length);
  return out;
}

describe('zip.ts', () => {
  it('stored (uncompressed) entries are read', () => {
    const bytes = zipSync({ 'word/document.xml': strToU8(DOC), 'a.txt': strToU8('x') }, { level: 0 });
    expect(listZip(bytes)).toEqual(['word/document.xml', 'a.txt']);
    expect(extractDocx(bytes).blocks).toEqual([{ kind: 'paragraph', text: '正文', source: { line: 1 } }]);
  });

  it('a streamed zip (data descriptors, Zip64 extra fields in local headers; Python zipfile) is read', () => {
    const bytes = fixture('word/zip64-streamed.docx');
    expect(listZip(bytes)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(extractDocx(bytes).blocks).toEqual([{ kind: 'paragraph', text: 'Zip64 条目', source: { line: 1 } }]);
  });

  it('a Zip64 central directory (saturated sizes, offset and count) is read', () => {
    const bytes = zip64('word/document.xml', strToU8(DOC));
    expect(listZip(bytes)).toEqual(['word/document.xml']);
    expect(new TextDecoder().decode(readZip(bytes, () => true)['word/document.xml'])).toBe(DOC);
  });

  it('an encrypted entry is I-UNREADABLE', () => {
    const bytes = zipSync({ 'word/document.xml': strToU8(DOC) });
    const view = new DataView(bytes.buffer);
    view.setUint16(6, 1, true); // local header flags: encrypted
    expect(problemOf(() => extractDocx(bytes)).detail).toMatchObject({ reason: 'encrypted' });
    const central = zipSync({ 'word/document.xml': strToU8(DOC) });
    const cv = new DataView(central.buffer);
    let end = central.length - 22;
    while (cv.getUint32(end, true) !== 0x06054b50) end--;
    cv.setUint16(cv.getUint32(end + 16, true) + 8, 1, true); // central directory flags: encrypted
    expect(problemOf(() => extractDocx(central)).detail).toMatchObject({ reason: 'encrypted' });
  });

  it('an entry whose data is cut short is I-UNREADABLE', () => {
    const bytes = zipSync({ 'word/document.xml': strToU8(DOC.repeat(50)) });
    const view = new DataView(bytes.buffer);
    let end = bytes.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    const central = view.getUint32(end + 16, true);
    view.setUint32(central + 20, view.getUint32(central + 20, true) + 100_000, true); // compressed size past the end
    expect(problemOf(() => extractDocx(bytes)).ruleId).toBe('I-UNREADABLE');
  });

  it('no end of central directory is I-UNREADABLE', () => {
    expect(problemOf(() => listZip(strToU8('PK\u0003\u0004 not really a zip'))).detail).toMatchObject({
      reason: 'no end of central directory',
    });
  });
});
