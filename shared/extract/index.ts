/**
 * bytes → Document, whatever the format. The type is sniffed from the bytes, never from the
 * file name (sniff.ts). Throws InputProblem for input that cannot become a Document.
 */
import type { Document } from '../report/model.ts';
import { extractDocx } from './docx.ts';
import { extractHtml } from './html.ts';
import { mayHavePinyin, pinyinRemover } from './pinyin.ts';
import { type InputType, sniff } from './sniff.ts';
import { extractText } from './text.ts';

export interface ExtractOptions {
  fileName?: string;
}

export type { InputType };
export { sniff };

/** What text extraction applies to the decoded text: injected pinyin removed when there is any. */
async function transformFor(bytes: Uint8Array): Promise<((text: string) => string) | undefined> {
  // A cheap look at the bytes as UTF-8 (annotations are ASCII after a CJK character in any encoding we read).
  return mayHavePinyin(new TextDecoder('utf-8', { fatal: false }).decode(bytes)) ? pinyinRemover() : undefined;
}

export async function extract(bytes: Uint8Array, _options: ExtractOptions = {}): Promise<Document> {
  const type = sniff(bytes);
  switch (type) {
    case 'pdf':
      // pdf.js is loaded when the first PDF arrives: the ingest function's cold start does not
      // pay for it (npm run bench, "cold start").
      return (await import('./pdf.ts')).extractPdf(bytes);
    case 'docx':
      return extractDocx(bytes);
    case 'html':
      return extractHtml(bytes, await transformFor(bytes));
    case 'text':
      return extractText(bytes, await transformFor(bytes));
  }
}
