import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../shared/extract/decode.ts';
import { extractText } from '../../shared/extract/text.ts';
import { problemOf } from '../support/problem.ts';

const SAMPLE = '一、总体情况\n2022年，我局主动公开政府信息。';
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', name)));

function bom(bytes: number[], body: Buffer): Uint8Array {
  return new Uint8Array([...bytes, ...body]);
}

function swap16(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  out.swap16();
  return out;
}

const problem = (bytes: Uint8Array) => problemOf(() => decode(bytes));

describe('decode', () => {
  it.each([
    ['utf-8 without BOM', new Uint8Array(Buffer.from(SAMPLE, 'utf8')), 'utf-8'],
    ['utf-8 with BOM', bom([0xef, 0xbb, 0xbf], Buffer.from(SAMPLE, 'utf8')), 'utf-8'],
    ['utf-16le with BOM', bom([0xff, 0xfe], Buffer.from(SAMPLE, 'utf16le')), 'utf-16le'],
    ['utf-16be with BOM', bom([0xfe, 0xff], swap16(Buffer.from(SAMPLE, 'utf16le'))), 'utf-16be'],
  ])('%s', (_name, bytes, encoding) => {
    const decoded = decode(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(SAMPLE);
  });

  it('GB18030/GBK bytes (not valid UTF-8)', () => {
    const decoded = decode(fixture('encoding/gbk.txt'));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text.startsWith('某县统计局2021年政府信息公开工作年度报告\n一、总体情况')).toBe(true);
  });

  it('a GBK file becomes a Document with its encoding and its table', () => {
    const doc = extractText(fixture('encoding/gbk.txt'));
    expect(doc.encoding).toBe('gb18030');
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows[3]!.map((c) => c.text)).toEqual(['行政规范性文件', '3', '1', '12']);
  });

  it.each([
    ['no bytes', new Uint8Array()],
    ['only whitespace', new Uint8Array(Buffer.from(' \n\t\r\n\u3000\u00a0 ', 'utf8'))],
    ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['utf-16 BOM and spaces', bom([0xff, 0xfe], Buffer.from('  \n', 'utf16le'))],
  ])('empty input (%s) → I-EMPTY', (_name, bytes) => {
    const p = problem(bytes);
    expect(p.ruleId).toBe('I-EMPTY');
    expect(p.message).toMatch(/空/);
  });

  it.each([
    ['NUL bytes', new Uint8Array([0x41, 0x00, 0x42, 0x00, 0x43])],
    ['a PNG header and control bytes', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x01, 0x02, 0x03, 0x04])],
    ['many control characters', new Uint8Array(Buffer.from('abc\u0001\u0002\u0003\u0004\u0005def', 'utf8'))],
    ['bytes undecodable in every encoding', new Uint8Array([0xff, 0xff, 0xff, 0x80, 0xff, 0x30])],
  ])('binary input (%s) → I-BINARY', (_name, bytes) => {
    expect(problem(bytes).ruleId).toBe('I-BINARY');
  });
});
