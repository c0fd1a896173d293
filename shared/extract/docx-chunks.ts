/**
 * DOCX w:altChunk: a part of another format embedded whole in the document (tools that turn a web
 * page into a .docx, e.g. html-docx-js, write nothing but one MHT/HTML chunk). HTML and MHT
 * (MIME, quoted-printable or base64) chunks are read with the HTML extractor; their blocks take
 * the place of the w:altChunk, with the paragraph ordinal there as their line. The format is told
 * by the content, not the part name (html-docx-js stores MHT as "afchunk.htm"). Other formats
 * (RTF, plain text, nested .docx) are not read: a notice says so.
 */

import { Buffer } from 'node:buffer';
import { posix } from 'node:path';
import { insertAll } from '../report/arrays.ts';
import { InputProblem } from '../report/errors.ts';
import { MAX_UPLOAD_BYTES } from '../report/limits.ts';
import type { Block, Notice } from '../report/model.ts';
import { extractHtml } from './html.ts';
import { parseXml, XmlError } from './xml.ts';
import { readZip } from './zip.ts';

const RELS = 'word/_rels/document.xml.rels';

export interface AltChunk {
  /** Index in the block list where the chunk's blocks go. */
  at: number;
  /** Relationship id (r:id). */
  id: string;
  line: number;
}

/** Part names of the relationship ids of word/document.xml (internal targets only). */
function targets(bytes: Uint8Array): Map<string, string> {
  const parts = new Map<string, string>();
  const rels = readZip(bytes, (name) => name === RELS)[RELS];
  if (!rels) return parts;
  try {
    for (const rel of parseXml(rels).children) {
      if (typeof rel === 'string' || rel.attr('TargetMode') === 'External') continue;
      const id = rel.attr('Id');
      const target = rel.attr('Target');
      if (!id || !target) continue;
      parts.set(id, target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('word', target)));
    }
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
  }
  return parts;
}

function quotedPrintable(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 61) {
      out.push(c & 0xff);
      continue;
    }
    const hex = text.slice(i + 1, i + 3);
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else if (text.startsWith('\r\n', i + 1)) i += 2;
    else if (text[i + 1] === '\n') i += 1;
    else out.push(c);
  }
  return Uint8Array.from(out);
}

/** The HTML part of an MHT (MIME multipart/related) file, as bytes, or undefined. */
export function mhtHtml(bytes: Uint8Array): Uint8Array | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(text)?.[1];
  const parts = boundary ? text.split(`--${boundary}`).slice(1) : [text];
  for (const part of parts) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index);
    if (!/content-type\s*:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split.index + split[0].length);
    const encoding = /content-transfer-encoding\s*:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    const html =
      encoding === 'quoted-printable'
        ? quotedPrintable(body)
        : encoding === 'base64'
          ? new Uint8Array(Buffer.from(body, 'base64'))
          : Buffer.from(body, 'latin1');
    // a UTF-8 charset in the MIME header becomes a BOM, which the HTML reader trusts first
    const utf8 = /charset\s*=\s*"?utf-?8/i.test(headers) && !(html[0] === 0xef && html[1] === 0xbb);
    return utf8 ? new Uint8Array(Buffer.concat([Uint8Array.of(0xef, 0xbb, 0xbf), html])) : html;
  }
  return undefined;
}

/** The chunk as HTML bytes, if it is HTML or MHT. */
function chunkHtml(part: Uint8Array): Uint8Array | undefined {
  const head = Buffer.from(part.buffer, part.byteOffset, Math.min(part.byteLength, 512))
    .toString('latin1')
    .replace(/^(\xef\xbb\xbf|\s)+/, '');
  if (/^(mime-version|content-type)\s*:/i.test(head)) return mhtHtml(part);
  if (/^<(?!\?xml[^>]*>\s*<w:)/.test(head)) return part;
  return undefined;
}

/** The blocks of each chunk part (read once however many w:altChunk name it), undefined when not HTML. */
function chunkBlocks(parts: Record<string, Uint8Array>, chunks: AltChunk[], names: Map<string, string>): Map<string, Block[] | undefined> {
  const blocks = new Map<string, Block[] | undefined>();
  let expanded = 0;
  for (const chunk of chunks) {
    const name = names.get(chunk.id);
    const part = name ? parts[name] : undefined;
    if (!name || !part) continue;
    // Each reference inserts the part's content again: the sum over references is capped.
    expanded += part.length;
    if (expanded > MAX_UPLOAD_BYTES) throw tooMuchExpanded(expanded, chunks.length);
    if (blocks.has(name)) continue;
    const html = chunkHtml(part);
    blocks.set(name, html ? extractHtml(html).blocks : undefined);
  }
  return blocks;
}

function tooMuchExpanded(bytes: number, references: number): InputProblem {
  return new InputProblem(
    'I-UNREADABLE',
    `文件无法读取：文档内嵌内容展开后超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB（${references} 处内嵌引用），疑似异常文件。`,
    { reason: 'altchunk expansion', bytes, references },
  );
}

/**
 * The blocks with each chunk's blocks put in its place, and notices for chunks not read. Each
 * part is read once; the content all references expand to is capped at the upload cap.
 */
export function withAltChunks(bytes: Uint8Array, blocks: Block[], chunks: AltChunk[]): { blocks: Block[]; notices: Notice[] } {
  if (chunks.length === 0) return { blocks, notices: [] };
  const names = targets(bytes);
  const wanted = new Set(chunks.map((c) => names.get(c.id)).filter((n): n is string => n !== undefined));
  const parts = chunkBlocks(
    readZip(bytes, (name) => wanted.has(name)),
    chunks,
    names,
  );
  const notices: Notice[] = [];
  const out = blocks.slice();
  for (const chunk of [...chunks].reverse()) {
    const name = names.get(chunk.id);
    const read = name ? parts.get(name) : undefined;
    if (!read) {
      notices.push({
        code: 'docx-altchunk',
        message: `文档内嵌的其他格式内容（${name ?? chunk.id}）未能读取，其中的文字和表格不在检查范围内。`,
      });
      continue;
    }
    const source = { line: chunk.line };
    const inserted = read.map(
      (b): Block =>
        b.kind === 'table' ? { ...b, source, rows: b.rows.map((row) => row.map((c) => ({ ...c, source }))) } : { ...b, source },
    );
    insertAll(out, chunk.at, inserted);
  }
  return { blocks: out, notices: notices.reverse() };
}
