/**
 * pdf.js in a worker thread, with a heap cap and a time limit: a damaged PDF that makes pdf.js
 * leave a rejection unhandled, grow its heap without bound or loop ends as I-UNREADABLE for that
 * file only, never as a crashed process (RELIABILITY.md, "Fuzzing" and "Resource limits").
 *
 * One worker is kept between files (pdf.js is loaded once per warm function, not per PDF) and
 * reads one file at a time: a worker that dies takes only its own file with it. It is replaced
 * after a death, a time-out, or a file that left pdf.js rejections behind; while idle it does not
 * keep the process alive (the CLI exits when it is done).
 */
import { Worker } from 'node:worker_threads';
import { InputProblem } from '../report/errors.ts';
import type { PdfPages } from './pdf-read.ts';
import type { PdfReply } from './pdf-worker.ts';

/**
 * The worker's heap cap and the time one file may take. Every PDF fixture, real or made, reads
 * with a 48 MB heap; the ingest function has 1,024 MB in all, shared with the main thread (its
 * peak with a PDF worker at the cap: RELIABILITY.md, "Resource limits"). The time is inside the
 * ingest function's 30 s check budget.
 */
export const PDF_WORKER_LIMITS = { heapMb: 384, maxMs: 20_000 };

/** Where the worker's script is: beside this file in the source tree, beside index.mjs in the bundle. */
const WORKER_SCRIPT = new URL('./pdf-worker.mjs', import.meta.url);

interface Running {
  worker: Worker;
  ready: Promise<void>;
}

let running: Running | undefined;
let nextId = 0;
/** The file being read, or the end of the last one: files wait for each other. */
let queue: Promise<unknown> = Promise.resolve();

function start(): Running {
  // No inherited node options (`--input-type`, `--import tsx`...): the script loads what it needs.
  const worker = new Worker(WORKER_SCRIPT, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: PDF_WORKER_LIMITS.heapMb } });
  const ready = new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(new Error(`the PDF worker did not start: ${error.message}`));
    worker.once('error', onError);
    worker.once('message', (m) => {
      worker.off('error', onError);
      if (m === 'ready') resolve();
      else reject(new Error(`the PDF worker said ${String(m)} first`));
    });
  });
  ready.catch(() => undefined);
  worker.unref();
  return { worker, ready };
}

function retire(r: Running): void {
  if (running === r) running = undefined;
  void r.worker.terminate();
}

/** What the officer can do about a PDF that pdf.js cannot read within the limits. */
const ADVICE = '请用原文档重新导出 PDF（或上传 Word 版本）后重新上传。';

const unreadable = (message: string, reason: string): InputProblem =>
  new InputProblem('I-UNREADABLE', `文件已损坏或无法读取：${message}${ADVICE}`, { reason });

/** Sends one file to the worker and waits for its pages, its death or the time limit. */
async function readIn(r: Running, bytes: Uint8Array): Promise<PdfPages> {
  r.worker.ref();
  try {
    // A worker that could not start is not kept: the next file tries a new one.
    await r.ready.catch((error: unknown) => {
      retire(r);
      throw error;
    });
    const id = nextId++;
    const copy = bytes.slice();
    const reply = await new Promise<PdfReply>((resolve, reject) => {
      const done = (fn: () => void) => {
        clearTimeout(timer);
        r.worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        fn();
      };
      const onMessage = (m: PdfReply) => m.id === id && done(() => resolve(m));
      const onError = (error: Error) => {
        retire(r);
        const heap = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        const message = heap
          ? `读取 PDF 所需内存超过 ${PDF_WORKER_LIMITS.heapMb} MB 的上限，文件结构可能异常。`
          : 'PDF 结构异常，读取中断。';
        done(() => reject(unreadable(message, heap ? 'pdf heap limit' : `pdf worker died: ${error.message}`)));
      };
      const onExit = (code: number) => {
        retire(r);
        done(() => reject(unreadable('PDF 结构异常，读取中断。', `pdf worker exited with code ${code}`)));
      };
      const timer = setTimeout(() => {
        retire(r);
        const seconds = PDF_WORKER_LIMITS.maxMs / 1000;
        done(() => reject(unreadable(`读取 PDF 超过 ${seconds} 秒的时限，文件结构可能异常。`, 'pdf time limit')));
      }, PDF_WORKER_LIMITS.maxMs);
      r.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      r.worker.postMessage({ id, bytes: copy }, [copy.buffer]);
    });
    if (reply.retire) retire(r);
    if ('pages' in reply) return reply.pages;
    if ('problem' in reply) throw new InputProblem(reply.problem.ruleId, reply.problem.message, reply.problem.detail);
    throw new Error(`the PDF worker failed: ${reply.bug}`);
  } finally {
    r.worker.unref();
  }
}

/**
 * The pages of a PDF as pdf.js reads them, read in the PDF worker.
 * @throws InputProblem for a file pdf.js cannot read, or one that passes the worker's limits
 * @throws Error when the worker itself cannot start or fails on a bug
 */
export function readPagesIsolated(bytes: Uint8Array): Promise<PdfPages> {
  const turn = queue.then(() => {
    running ??= start();
    return readIn(running, bytes);
  });
  queue = turn.catch(() => undefined);
  return turn;
}
