/**
 * bytes → Document, whatever the format. The type is sniffed from the bytes, never from the
 * file name (sniff.ts). Throws InputProblem for input that cannot become a Document.
 */
import type { Document } from '../report/model.ts';
import { extractDocx } from './docx.ts';
import { extractHtml } from './html.ts';
import { extractPdf } from './pdf.ts';
import { type InputType, sniff } from './sniff.ts';
import { extractText } from './text.ts';

export interface ExtractOptions {
  fileName?: string;
}

export type { InputType };
export { sniff };

export async function extract(bytes: Uint8Array, _options: ExtractOptions = {}): Promise<Document> {
  const type = sniff(bytes);
  switch (type) {
    case 'pdf':
      return extractPdf(bytes);
    case 'docx':
      return extractDocx(bytes);
    case 'html':
      return extractHtml(bytes);
    case 'text':
      return extractText(bytes);
  }
}
