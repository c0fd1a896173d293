/**
 * The one backoff loop of the DynamoDB adapter: batch calls (BatchWriteItem, BatchGetItem) may
 * return part of their work unprocessed under throttling; it is sent again after a growing pause
 * until nothing is left. The SDK already retries whole failed requests; this covers what a
 * successful request left undone.
 */
const MAX_ATTEMPTS = 9;

const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));

/**
 * Sends `pending` with `send` until `send` reports nothing unprocessed.
 * @param pending - the work of one batch call (items to put, keys to get)
 * @param send - one call; resolves to the part of its input left unprocessed
 * @param what - names the work in the error message
 * @throws Error when work is still left after 9 attempts (the message is retried by the queue)
 */
export async function drainWithBackoff<T>(pending: T[], send: (batch: T[]) => Promise<T[]>, what: string): Promise<void> {
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= MAX_ATTEMPTS) throw new Error(`${what} left ${pending.length} unprocessed after ${MAX_ATTEMPTS} attempts`);
    if (attempt > 0) await pause(attempt);
    pending = await send(pending);
  }
}
