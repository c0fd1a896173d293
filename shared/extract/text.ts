import type { Document } from '../report/model.ts';

/** Plain text → Document (placeholder until the text extractor lands). */
export function extractText(_bytes: Uint8Array): Document {
  throw new Error('not implemented');
}
