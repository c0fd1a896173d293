/**
 * Runs fuzz cases in a worker thread with a watchdog: a case that does not answer within the
 * budget is a hang (the worker is terminated, which interrupts even a synchronous loop, and a new
 * one is started); a worker that dies (uncaught exception, out of its heap) is a crash.
 */
import { Worker } from 'node:worker_threads';
import type { Reply } from './worker.ts';

export type Verdict =
  | { kind: 'ok'; outcome: string; ms: number }
  | { kind: 'crash'; error: string; ms: number }
  | { kind: 'hang'; ms: number };

export interface SandboxOptions {
  /** Budget per case, ms. */
  budgetMs: number;
  /** Heap cap of the worker, MB (a Lambda has 1,024 MB in all). */
  heapMb: number;
  /** The worker script (tests give a probe); default worker-boot.mjs, which runs worker.ts. */
  script?: URL;
}

export class Sandbox {
  private worker: Worker | undefined;
  private next = 0;
  constructor(private readonly options: SandboxOptions) {}

  /** The worker, started when needed; it says "ready" once loaded. A worker that cannot load is the fuzzer's bug: thrown. */
  private async start(): Promise<Worker> {
    if (this.worker) return this.worker;
    const script = this.options.script ?? new URL('./worker-boot.mjs', import.meta.url);
    const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb } });
    await new Promise<void>((resolve, reject) => {
      const onReady = (m: unknown) => {
        worker.off('error', onError);
        if (m === 'ready') resolve();
        else reject(new Error(`worker said ${String(m)} first`));
      };
      const onError = (error: Error) => {
        worker.off('message', onReady);
        reject(error);
      };
      worker.once('message', onReady).once('error', onError);
    });
    this.worker = worker;
    return worker;
  }

  /** Checks one input. */
  async run(bytes: Uint8Array): Promise<Verdict> {
    const worker = await this.start();
    const id = this.next++;
    const began = performance.now();
    return new Promise((resolve) => {
      const finish = (verdict: Verdict, dead: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (dead) {
          this.worker = undefined;
          void worker.terminate();
        }
        resolve(verdict);
      };
      const ms = () => performance.now() - began;
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        if ('crash' in reply) finish({ kind: 'crash', error: reply.crash, ms: ms() }, false);
        else if (reply.problem) finish({ kind: 'crash', error: `bad outcome: ${reply.problem}`, ms: ms() }, false);
        else finish({ kind: 'ok', outcome: reply.outcome, ms: ms() }, false);
      };
      const onError = (error: Error) => finish({ kind: 'crash', error: `worker died: ${error.stack ?? error.message}`, ms: ms() }, true);
      const onExit = (code: number) => finish({ kind: 'crash', error: `worker exited with code ${code}`, ms: ms() }, true);
      const timer = setTimeout(() => finish({ kind: 'hang', ms: ms() }, true), this.options.budgetMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ id, bytes });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
