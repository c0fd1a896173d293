/**
 * What kind of file the bytes are, from their content (never the file name). Supported kinds are
 * returned; everything we recognize but cannot read throws I-UNSUPPORTED-TYPE naming the type;
 * a ZIP whose directory cannot be read throws I-UNREADABLE. Anything unrecognized is text (the
 * text extractor decides whether it is readable).
 */
import { InputProblem } from '../report/errors.ts';
import { isZip, listZip } from './zip.ts';

export type InputType = 'pdf' | 'docx' | 'html' | 'text';

const SUPPORTED = '请提供 PDF、Word（.docx）、网页（HTML）或纯文本格式的年度报告。';

function unsupported(type: string, name: string): InputProblem {
  return new InputProblem('I-UNSUPPORTED-TYPE', `不支持的文件类型：${name}。${SUPPORTED}`, { type });
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

/** One char per byte (U+0000–U+00FF), decoded natively without copying: sniffing runs on every upload. */
function ascii(bytes: Uint8Array, from: number, to: number): string {
  const start = Math.min(from, bytes.length);
  const end = Math.min(to, bytes.length);
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}

/** Binary signatures we recognize but do not read: [type, Chinese name, test]. */
const BINARY: readonly [string, string, (b: Uint8Array) => boolean][] = [
  ['png', 'PNG 图片', (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['jpeg', 'JPEG 图片', (b) => startsWith(b, [0xff, 0xd8, 0xff])],
  ['gif', 'GIF 图片', (b) => ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a'],
  ['bmp', 'BMP 图片', (b) => ascii(b, 0, 2) === 'BM' && b.length >= 26 && startsWith(b, [0, 0, 0, 0], 6)],
  ['tiff', 'TIFF 图片', (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])],
  ['webp', 'WebP 图片', (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP'],
  ['ole2', '旧版 Office 文档（.doc/.xls/.ppt，OLE2 格式）', (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
  ['rar', 'RAR 压缩包', (b) => ascii(b, 0, 6) === 'Rar!\x1a\x07'],
  ['7z', '7z 压缩包', (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])],
  ['gzip', 'gzip 压缩文件', (b) => startsWith(b, [0x1f, 0x8b])],
  ['rtf', 'RTF 文档', (b) => ascii(b, 0, 5) === '{\\rtf'],
];

function sniffZip(bytes: Uint8Array): InputType {
  const names = listZip(bytes);
  if (names.includes('word/document.xml')) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) throw unsupported('xlsx', 'Excel 表格（.xlsx）');
  if (names.some((n) => n.startsWith('ppt/'))) throw unsupported('pptx', 'PowerPoint 演示文稿（.pptx）');
  if (names.includes('mimetype') && names.includes('content.xml')) {
    throw unsupported('odf', 'OpenDocument 文档（.odt/.ods，请另存为 .docx）');
  }
  if (names.includes('OFD.xml')) throw unsupported('ofd', 'OFD 版式文档');
  throw unsupported('zip', 'ZIP 压缩包');
}

const HTML_START =
  /^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|table[\s>]|p[\s>]|div[\s>]|meta[\s>]|title[\s>]|h[1-6][\s>]|!--|\?xml[^>]*>\s*<(!doctype\s+html|html))/i;

/** The first characters after a BOM and whitespace, as ASCII (UTF-16 is read as such). */
function head(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const le = bytes[0] === 0xff;
    let s = '';
    for (let i = 2; i + 1 < Math.min(bytes.length, 2050); i += 2) {
      s += String.fromCharCode(le ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
    }
    return s.trimStart();
  }
  const from = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  return ascii(bytes, from, from + 1024).trimStart();
}

/** `%PDF-` anywhere in the first 1024 bytes (some producers put junk before the header). */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const first = bytes.subarray(0, 1024);
  for (let i = first.indexOf(0x25); i !== -1 && i + 5 <= first.length; i = first.indexOf(0x25, i + 1)) {
    if (first[i + 1] === 0x50 && first[i + 2] === 0x44 && first[i + 3] === 0x46 && first[i + 4] === 0x2d) return true;
  }
  return false;
}

export function sniff(bytes: Uint8Array): InputType {
  if (hasPdfHeader(bytes)) return 'pdf';
  if (isZip(bytes)) return sniffZip(bytes);
  for (const [type, name, test] of BINARY) if (test(bytes)) throw unsupported(type, name);
  if (HTML_START.test(head(bytes))) return 'html';
  return 'text';
}
