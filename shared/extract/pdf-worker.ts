/**
 * The PDF worker thread: reads the pages of one PDF at a time with pdf.js (pdf-read.ts) and
 * answers with plain data. Started by pdf-isolated.ts, from pdf-worker.mjs in the source tree and
 * from its own bundle beside the ingest function's (infra/constructs/bundled-function.ts).
 *
 * pdf.js may leave a promise of its own rejected and unhandled (a page-dictionary prefetch on a
 * damaged cross-reference table, test/fixtures/fuzz): the file's outcome is the awaited read, so
 * such a rejection is counted, not fatal; the thread then asks to be replaced, so that nothing of
 * that document's state outlives it.
 */
import { parentPort } from 'node:worker_threads';
import { InputProblem } from '../report/errors.ts';
import { type PdfPages, readPages } from './pdf-read.ts';

export type PdfRequest = { id: number; bytes: Uint8Array };
export type PdfReply =
  | { id: number; pages: PdfPages; retire: boolean }
  | { id: number; problem: { ruleId: string; message: string; detail: Record<string, unknown> }; retire: boolean }
  | { id: number; bug: string; retire: boolean };

let strayRejections = 0;
process.on('unhandledRejection', () => {
  strayRejections++;
});

/** One macrotask turn: rejections pdf.js left behind during the read are reported by then. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function answer(request: PdfRequest): Promise<PdfReply> {
  const before = strayRejections;
  let reply: PdfReply;
  try {
    reply = { id: request.id, pages: await readPages(request.bytes), retire: false };
  } catch (error) {
    reply =
      error instanceof InputProblem
        ? { id: request.id, problem: { ruleId: error.ruleId, message: error.message, detail: error.detail }, retire: false }
        : { id: request.id, bug: error instanceof Error ? (error.stack ?? error.message) : String(error), retire: false };
  }
  await settle();
  return { ...reply, retire: strayRejections > before };
}

const port = parentPort;
if (!port) throw new Error('pdf-worker.ts runs only as a worker thread (pdf-isolated.ts starts it)');
port.on('message', (request: PdfRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});
port.postMessage('ready');
