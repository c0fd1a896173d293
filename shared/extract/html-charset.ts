/**
 * The character encoding of an HTML page: BOM, then `<meta charset>` / `http-equiv` in the first
 * bytes, then the content itself (valid UTF-8, else GB18030 — the superset of GBK/GB2312 that
 * Chinese government sites use).
 */
import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import { validUtf8 } from './utf8.ts';

export interface DecodedHtml {
  text: string;
  encoding: string;
  /** How the encoding was found. */
  basis: 'bom' | 'meta' | 'content';
  /** The meta's encoding when the content contradicts it (and was read as `encoding` instead). */
  declared?: string;
}

/** WHATWG labels we map onto one decoder name. */
function canonical(label: string): string | undefined {
  const l = label.trim().toLowerCase();
  if (['gbk', 'gb2312', 'gb18030', 'x-gbk', 'cp936', 'gb_2312-80', 'euc-cn'].includes(l)) return 'gb18030';
  if (['utf-8', 'utf8', 'unicode-1-1-utf-8'].includes(l)) return 'utf-8';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return undefined;
  }
}

/** Decoders by encoding, built once (a decoder keeps no state between whole-input decodes). */
const decoders = new Map<string, InstanceType<typeof TextDecoder>>();
function decode(bytes: Uint8Array, encoding: string): string {
  let decoder = decoders.get(encoding);
  if (!decoder) {
    decoder = new TextDecoder(encoding, { ignoreBOM: false });
    decoders.set(encoding, decoder);
  }
  return decoder.decode(bytes);
}

const META = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w-]+)/i;

export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decode(bytes, 'utf-8'), encoding: 'utf-8', basis: 'bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode(bytes, 'utf-16le'), encoding: 'utf-16le', basis: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode(bytes, 'utf-16be'), encoding: 'utf-16be', basis: 'bom' };

  // The first 4 KiB one char per byte (U+0000–U+00FF), decoded natively without copying.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const declared = META.exec(head)?.[1];
  const fromMeta = declared ? canonical(declared) : undefined;
  // A stale declaration (a site moved to UTF-8, its template still says gb2312): bytes with
  // non-ASCII text that are valid UTF-8 are UTF-8 — real GBK text essentially never is.
  if (fromMeta && fromMeta !== 'utf-8' && !isAscii(bytes) && isUtf8(bytes)) {
    return { text: validUtf8(bytes), encoding: 'utf-8', basis: 'content', declared: declared!.toLowerCase() };
  }
  if (fromMeta === 'gb18030') return { text: decode(bytes, 'gb18030'), encoding: 'gb18030', basis: 'meta' };
  if (fromMeta && fromMeta !== 'utf-8') {
    try {
      return { text: decode(bytes, fromMeta), encoding: fromMeta, basis: 'meta' };
    } catch {
      // unsupported by this runtime: fall through to content detection
    }
  }
  if (isUtf8(bytes)) return { text: validUtf8(bytes), encoding: 'utf-8', basis: fromMeta ? 'meta' : 'content' };
  // a page that declares UTF-8 but is not: GB18030 is what such pages turn out to be
  return { text: decode(bytes, 'gb18030'), encoding: 'gb18030', basis: 'content' };
}
