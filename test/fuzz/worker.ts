/**
 * The fuzz worker: checks the bytes it is sent with the product's entry point and answers with the
 * outcome. Runs in a worker thread so that the runner can stop a case that hangs (see run.ts).
 */
import { parentPort } from 'node:worker_threads';
import { checkBytes } from '../../shared/usecases/check.ts';
import { judge, outcomeOf } from './outcome.ts';

export type Request = { id: number; bytes: Uint8Array };
export type Reply = { id: number; outcome: string; problem?: string } | { id: number; crash: string };

parentPort!.on('message', async ({ id, bytes }: Request) => {
  let reply: Reply;
  try {
    const result = await checkBytes(bytes, { fileName: 'report' });
    const problem = judge(result);
    reply = { id, outcome: outcomeOf(result), ...(problem ? { problem } : {}) };
  } catch (error) {
    reply = { id, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage('ready');
