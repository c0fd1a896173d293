/** Fast UTF-8 → string for bytes known to be valid UTF-8 (node:buffer's isUtf8). */
import { Buffer, transcode } from 'node:buffer';

/**
 * Bytes already validated as UTF-8 → string. Transcoding to UTF-16 (ICU) and taking that as the
 * string is several times faster for Chinese text than V8's UTF-8 decoding (TextDecoder,
 * Buffer#toString); the result is the same for valid input (a BOM stays as U+FEFF).
 */
export function validUtf8(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return transcode(buffer, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return buffer.toString('utf8'); // a runtime without ICU
  }
}
