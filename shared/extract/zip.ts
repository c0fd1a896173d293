/**
 * Reading ZIP containers (DOCX) safely. fflate's `unzipSync` reads the central directory and calls
 * the filter for every entry before inflating anything; the filter enforces the caps, so a zip
 * bomb is refused before a byte is inflated. fflate inflates each entry into a buffer of its
 * declared size, so a lying size cannot allocate more than the declared total either.
 */
import { unzipSync } from 'fflate';
import { InputProblem } from '../report/errors.ts';

export const ZIP_LIMITS = {
  /** Sum of the declared uncompressed sizes of the entries we inflate. */
  maxTotalBytes: 50 * 1024 * 1024,
  /** Entries in the central directory. */
  maxEntries: 2000,
};

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
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

/** The names of all entries (nothing is inflated). Throws I-UNREADABLE for a corrupt zip. */
export function listZip(bytes: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (names.length >= ZIP_LIMITS.maxEntries) throw tooBig({ reason: 'entries' });
        names.push(file.name);
        return false;
      },
    });
  } catch (error) {
    if (error instanceof InputProblem) throw error;
    throw unreadable({ reason: String(error) });
  }
  return names;
}

/** Inflates the entries whose names `want` accepts, within the caps. */
export function readZip(bytes: Uint8Array, want: (name: string) => boolean): Record<string, Uint8Array> {
  let entries = 0;
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        entries++;
        if (entries > ZIP_LIMITS.maxEntries) throw tooBig({ reason: 'entries', entries });
        if (!want(file.name)) return false;
        total += file.originalSize;
        if (total > ZIP_LIMITS.maxTotalBytes) throw tooBig({ reason: 'size', total });
        return true;
      },
    });
  } catch (error) {
    if (error instanceof InputProblem) throw error;
    throw unreadable({ reason: String(error) });
  }
}
