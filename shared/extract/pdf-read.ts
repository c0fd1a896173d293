/**
 * The pdf.js half of PDF reading: each page's text items (with positions and fonts) and ruling
 * segments, from one operator list per page. Runs inside the PDF worker thread (pdf-worker.ts,
 * started by pdf-isolated.ts), never on the main thread: pdf.js can leave a rejected promise
 * unhandled or grow its heap without bound on a damaged file (RELIABILITY.md, "Fuzzing").
 */

import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { InputProblem } from '../report/errors.ts';
import { dedupe, type PageGeometry } from './pdf-layout.ts';
import { type FontMetrics, readOperators } from './pdf-operators.ts';

/** What pdf.js read of a file: the pages read, the page count, the document title. */
export interface PdfPages {
  pages: PageGeometry[];
  total: number;
  title?: string;
}

/** pdfjs calls ArrayBuffer#transfer / transferToFixedLength and Uint8Array#toBase64, which Node 20 lacks. */
function polyfillTransfer(): void {
  const proto = ArrayBuffer.prototype as unknown as Record<string, unknown>;
  for (const name of ['transfer', 'transferToFixedLength']) {
    if (typeof proto[name] === 'function') continue;
    proto[name] = function (this: ArrayBuffer, length?: number): ArrayBuffer {
      const size = length ?? this.byteLength;
      const out = new ArrayBuffer(size);
      new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(size, this.byteLength)));
      return out;
    };
  }
  // pdfjs writes an embedded font's @font-face rule with Uint8Array#toBase64 (Node 20 lacks it);
  // without it, installing the font fails and pdfjs falls back to compiling glyph outlines.
  const bytes = Uint8Array.prototype as unknown as Record<string, unknown>;
  if (typeof bytes.toBase64 !== 'function') {
    bytes.toBase64 = function (this: Uint8Array, options?: { alphabet?: string; omitPadding?: boolean }): string {
      const buffer = Buffer.from(this.buffer, this.byteOffset, this.byteLength);
      const text = buffer.toString(options?.alphabet === 'base64url' ? 'base64url' : 'base64').replace(/=+$/, '');
      return options?.omitPadding ? text : text + '='.repeat((4 - (text.length % 4)) % 4);
    };
  }
}

/**
 * Pages read (the rest is dropped with a notice), and pages a PDF may have at all: pdfjs finds a
 * page by walking the page tree, so with a tree of 100,000 pages each page read costs tens of
 * milliseconds (RELIABILITY.md, "Resource limits"). A page drawing more line segments than
 * maxSegments (a table page draws a few hundred) is read without its rules: finding tables in
 * the segments grows faster than their number (60,000 segments: 6.6 s), text alignment does not.
 */
export const PDF_LIMITS = { maxPages: 300, maxTotalPages: 2000, maxSegments: 10_000 };

function fail(error: unknown): never {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    throw new InputProblem('I-PDF-ENCRYPTED', 'PDF 文件已加密（需要密码才能打开），无法读取内容。请上传未加密的版本。', {
      reason: String(error),
    });
  }
  throw new InputProblem('I-UNREADABLE', '文件已损坏或无法读取：PDF 结构无效。', { reason: String(error) });
}

interface PdfProxy {
  numPages: number;
  getPage(n: number): Promise<{
    view: number[];
    commonObjs: { has(name: string): boolean; get(name: string): unknown };
    getOperatorList(options?: { intent?: string; annotationMode?: number }): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  }>;
  getMetadata(): Promise<{ info?: unknown }>;
  destroy(): Promise<void>;
}

/**
 * Where pdfjs "installs" embedded fonts as CSS @font-face rules: nowhere. With font faces disabled
 * (or when installing one fails, as it does in Node without a document) pdfjs compiles every glyph
 * outline of every embedded font in getOperatorList and posts each one to the main thread, which
 * is most of the operator list's cost. Nothing is rendered here, so a document whose style sheet
 * accepts and ignores the rules lets pdfjs skip that work.
 */
const FONT_SINK = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

/**
 * pdfjs options: no system fonts (text comes from the fonts' own mappings), embedded fonts
 * "installed" into FONT_SINK instead of compiled to glyph outlines, images skipped (maxImageSize
 * 0: a seal or a scanned page is never decoded, its text layer is all that is read), no eval, no
 * console noise, keep going past recoverable errors.
 */
const PDF_OPTIONS = {
  isEvalSupported: false,
  stopAtErrors: false,
  disableFontFace: false,
  useSystemFonts: false,
  verbosity: 0,
  ownerDocument: FONT_SINK,
  maxImageSize: 0,
};
/** pdfjs AnnotationMode.DISABLE. */
const ANNOTATIONS_DISABLED = 0;

export async function readPages(bytes: Uint8Array): Promise<PdfPages> {
  polyfillTransfer();
  const { OPS, normalizeUnicode } = await getResolvedPDFJS();
  let pdf: PdfProxy;
  try {
    // pdfjs transfers (detaches) the buffer it is given: hand it a copy
    pdf = (await getDocumentProxy(bytes.slice(), PDF_OPTIONS)) as unknown as PdfProxy;
  } catch (error) {
    fail(error);
  }
  try {
    if (pdf.numPages > PDF_LIMITS.maxTotalPages) {
      throw new InputProblem(
        'I-UNREADABLE',
        `文件无法读取：PDF 共 ${pdf.numPages} 页，超过 ${PDF_LIMITS.maxTotalPages} 页的上限，疑似异常文件。`,
        {
          reason: 'too many pages',
          pages: pdf.numPages,
        },
      );
    }
    const pages: PageGeometry[] = [];
    for (let n = 1; n <= Math.min(pdf.numPages, PDF_LIMITS.maxPages); n++) {
      const page = await pdf.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 595, y1 = 842] = page.view;
      // Only the page's own painting: annotations (form fields, links) hold no report text.
      const ops = await page.getOperatorList({ intent: 'display', annotationMode: ANNOTATIONS_DISABLED });
      const fontOf = (name: string): FontMetrics | undefined =>
        page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontMetrics) : undefined;
      const content = readOperators(ops, OPS, fontOf, normalizeUnicode);
      const items = content.items.flatMap((i) => (i.str.trim() === '' ? [] : [{ ...i, x: i.x - x0, y: i.y - y0 }]));
      const drawn = content.segments.length > PDF_LIMITS.maxSegments ? [] : content.segments;
      const segments = drawn.map((g) => ({ x1: g.x1 - x0, x2: g.x2 - x0, y1: g.y1 - y0, y2: g.y2 - y0 }));
      pages.push({ page: n, width: x1 - x0, height: y1 - y0, items: dedupe(items), segments });
    }
    const info = (await pdf.getMetadata().catch(() => ({ info: undefined }))).info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : undefined;
    return { pages, total: pdf.numPages, ...(title ? { title } : {}) };
  } catch (error) {
    if (error instanceof InputProblem) throw error;
    fail(error);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
