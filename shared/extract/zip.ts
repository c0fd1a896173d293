/**
 * Reading ZIP containers (DOCX) safely. The central directory is read first and the caps are
 * enforced on it — the number of entries, and the sum of the declared uncompressed sizes of the
 * entries wanted — so a zip bomb is refused before a byte is inflated. Each entry is then inflated
 * by node:zlib with its declared size as `maxOutputLength`: an entry that lies about its size
 * cannot produce more than it declares (and one that produces a different size is refused).
 * Stored and deflated entries are read (all that Office writes); Zip64 sizes and offsets too.
 * Encrypted entries and other methods are unreadable. CRCs are not checked.
 */
import { inflateRawSync } from 'node:zlib';
import { InputProblem } from '../report/errors.ts';

export const ZIP_LIMITS = {
  /** Sum of the declared uncompressed sizes of the entries we inflate. */
  maxTotalBytes: 50 * 1024 * 1024,
  /** Entries in the central directory. */
  maxEntries: 2000,
};

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)
  );
}

function unreadable(detail: Record<string, unknown>): InputProblem {
  return new InputProblem('I-UNREADABLE', '文件已损坏或无法读取：ZIP 压缩结构无效（Word 文档可能已损坏）。', detail);
}

function tooBig(detail: Record<string, unknown>): InputProblem {
  return new InputProblem(
    'I-UNREADABLE',
    `文件无法读取：压缩包解压后过大或条目过多（上限 ${ZIP_LIMITS.maxTotalBytes / 1024 / 1024} MB、${ZIP_LIMITS.maxEntries} 个条目），疑似异常压缩文件。`,
    detail,
  );
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
const LATIN1 = new TextDecoder('latin1');
const UTF8 = new TextDecoder('utf-8');

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  check(at: number, length: number): void {
    if (at < 0 || at + length > this.bytes.length) throw unreadable({ reason: 'truncated', at });
  }
  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    const value = this.u32(at) + this.u32(at + 4) * 2 ** 32;
    if (!Number.isSafeInteger(value)) throw unreadable({ reason: 'zip64 size', at });
    return value;
  }
}

/** The end of central directory record: entry count, directory offset (Zip64 followed). */
function directory(r: Reader): { count: number; offset: number } {
  const min = Math.max(0, r.bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let at = r.bytes.length - 22; at >= min; at--) {
    if (r.bytes[at] === 0x50 && r.view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd === -1) throw unreadable({ reason: 'no end of central directory' });
  let count = r.u16(eocd + 10);
  let offset = r.u32(eocd + 16);
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && r.u32(eocd - 20) === ZIP64_LOCATOR) {
    const at = r.u64(eocd - 12);
    if (r.u32(at) !== ZIP64_EOCD) throw unreadable({ reason: 'zip64 end of central directory' });
    count = r.u64(at + 32);
    offset = r.u64(at + 48);
  }
  return { count, offset };
}

/** Zip64 extended information (extra field 1): the 64-bit values of the fields saturated at 0xffffffff. */
function zip64(r: Reader, entry: Entry, at: number, end: number): void {
  while (at + 4 <= end) {
    const id = r.u16(at);
    const length = r.u16(at + 2);
    if (id === 1) {
      let p = at + 4;
      if (entry.size === MAX32) {
        entry.size = r.u64(p);
        p += 8;
      }
      if (entry.compressedSize === MAX32) {
        entry.compressedSize = r.u64(p);
        p += 8;
      }
      if (entry.offset === MAX32) entry.offset = r.u64(p);
      return;
    }
    at += 4 + length;
  }
}

/** The central directory's entries; more than the cap is refused before any is read. */
function entries(bytes: Uint8Array): { r: Reader; list: Entry[] } {
  const r = new Reader(bytes);
  const { count, offset } = directory(r);
  if (count > ZIP_LIMITS.maxEntries) throw tooBig({ reason: 'entries', entries: count });
  const list: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (r.u32(at) !== CENTRAL) throw unreadable({ reason: 'central directory', at });
    const flags = r.u16(at + 8);
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    r.check(at + 46, nameLength + extraLength + commentLength);
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    const entry: Entry = {
      name: (flags & 0x800 ? UTF8 : LATIN1).decode(raw),
      flags,
      method: r.u16(at + 10),
      compressedSize: r.u32(at + 20),
      size: r.u32(at + 24),
      offset: r.u32(at + 42),
    };
    if (entry.size === MAX32 || entry.compressedSize === MAX32 || entry.offset === MAX32) {
      zip64(r, entry, at + 46 + nameLength, at + 46 + nameLength + extraLength);
    }
    list.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { r, list };
}

function inflate(r: Reader, entry: Entry): Uint8Array {
  if (r.u32(entry.offset) !== LOCAL) throw unreadable({ reason: 'local header', name: entry.name });
  if ((entry.flags | r.u16(entry.offset + 6)) & 1) throw unreadable({ reason: 'encrypted', name: entry.name });
  const start = entry.offset + 30 + r.u16(entry.offset + 26) + r.u16(entry.offset + 28);
  r.check(start, entry.compressedSize);
  const data = r.bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw unreadable({ reason: 'stored size', name: entry.name });
    return data;
  }
  if (entry.method !== 8) throw unreadable({ reason: 'method', method: entry.method, name: entry.name });
  let out: Uint8Array;
  try {
    // one output chunk of the declared size (no concatenation of 16 KB chunks)
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size), chunkSize: Math.max(64, entry.size + 1) });
  } catch (error) {
    throw unreadable({ reason: String(error), name: entry.name });
  }
  if (out.length !== entry.size) throw unreadable({ reason: 'inflated size', name: entry.name });
  return out;
}

/** The names of all entries (nothing is inflated). Throws I-UNREADABLE for a corrupt zip. */
export function listZip(bytes: Uint8Array): string[] {
  return entries(bytes).list.map((e) => e.name);
}

/** Inflates the entries whose names `want` accepts, within the caps. */
export function readZip(bytes: Uint8Array, want: (name: string) => boolean): Record<string, Uint8Array> {
  const { r, list } = entries(bytes);
  const wanted = list.filter((e) => want(e.name));
  const total = wanted.reduce((sum, e) => sum + e.size, 0);
  if (total > ZIP_LIMITS.maxTotalBytes) throw tooBig({ reason: 'size', total });
  const files: Record<string, Uint8Array> = Object.create(null);
  for (const entry of wanted) files[entry.name] = inflate(r, entry);
  return files;
}
