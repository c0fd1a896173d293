import type { Document, Report, UploadMetadata } from '../report/model.ts';

/** Document → Report (placeholder until recognition lands). */
export function recognize(_document: Document, _metadata?: UploadMetadata): Report {
  throw new Error('not implemented');
}
