/**
 * bytes → string for plain-text reports: UTF-8 (with or without BOM), UTF-16LE/BE with BOM,
 * GB18030/GBK when the bytes are not valid UTF-8. Throws InputProblem for empty or binary input.
 */
import { isUtf8 } from 'node:buffer';
import { InputProblem } from '../report/errors.ts';
import { validUtf8 } from './utf8.ts';

export interface Decoded {
  text: string;
  /** The encoding that was used: utf-8, utf-16le, utf-16be, gb18030. */
  encoding: string;
}

const BLANK = /^[\s\u00a0\u3000\ufeff\u200b]*$/;

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  let decoder = decoders.get(label);
  if (!decoder) {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: false });
    decoders.set(label, decoder);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function empty(): InputProblem {
  return new InputProblem('I-EMPTY', '文件为空：没有可读的文字内容。');
}
function binary(detail: Record<string, unknown>): InputProblem {
  return new InputProblem('I-BINARY', '文件不是可读的文本（含有二进制内容或无法识别的编码）。', detail);
}

/** Share of control characters (other than tab, line feed, carriage return, form feed) in a text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point (binary sniffing).
const ANY_CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/;

function controlShare(text: string): number {
  if (!ANY_CONTROL.test(text)) return 0;
  let controls = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) || c === 0x7f || c === 0xfffd) {
      controls++;
    }
  }
  return n === 0 ? 0 : controls / n;
}

function finish(text: string, encoding: string): Decoded {
  if (text.includes('\u0000')) throw binary({ encoding, reason: 'nul' });
  if (controlShare(text) > 0.01) throw binary({ encoding, reason: 'control-characters' });
  if (BLANK.test(text)) throw empty();
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw empty();
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) {
    const text = tryDecode('utf-16le', bytes);
    if (text === undefined) throw binary({ encoding: 'utf-16le' });
    return finish(text, 'utf-16le');
  }
  if (b0 === 0xfe && b1 === 0xff) {
    const text = tryDecode('utf-16be', bytes);
    if (text === undefined) throw binary({ encoding: 'utf-16be' });
    return finish(text, 'utf-16be');
  }
  // NUL bytes never occur in UTF-8 or GB18030 text.
  if (bytes.indexOf(0) !== -1) throw binary({ reason: 'nul' });
  if (isUtf8(bytes)) return finish(validUtf8(bytes), 'utf-8');
  const gb = tryDecode('gb18030', bytes);
  if (gb !== undefined) return finish(gb, 'gb18030');
  throw binary({ reason: 'undecodable' });
}
