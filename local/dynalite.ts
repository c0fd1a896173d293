/**
 * dynalite, the DynamoDB-compatible server of the local stack and of the tests, with one fix
 * applied before it is used (docs/stack.md, "dynalite").
 *
 * dynalite 4 reads through abstract-level 3 iterators (memory-level in memory, classic-level on
 * disk) wrapped in streams whose destroy() ends the iterator with `iterator.return()`. Those
 * iterators have no `return` (they end with close()), so every Query and Scan left its iterator
 * open: attached to the database until the server closed, holding the snapshot of the store it
 * was opened on. The stack's memory grew with every query (~0.7 MiB per upload over 1,000
 * uploads, issue 17). Giving the iterators a `return` that closes them fixes it without a copy of
 * dynalite; once dynalite closes its iterators itself, the fix does nothing (it is only added
 * where `return` is missing).
 */
import type { Server } from 'node:http';
import { createRequire } from 'node:module';

export interface DynaliteOptions {
  /** LevelDB directory (classic-level); in memory (memory-level) when absent. */
  path?: string;
  /** Time tables stay CREATING, DELETING, UPDATING (ms); 0 locally. */
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}

interface Closable {
  close(): Promise<void>;
}
type IteratorClass = { prototype: Closable & { return?: () => Promise<void> } };

// dynalite ships no typings: loaded through require, and abstract-level through dynalite's own
// resolution, so that the iterators fixed are the ones dynalite's stores make.
const requireHere = createRequire(import.meta.url);
const dynaliteMain = requireHere.resolve('dynalite');
const fromDynalite = createRequire(requireHere.resolve('memory-level', { paths: [dynaliteMain] }));
const abstractLevel = fromDynalite('abstract-level') as Record<string, IteratorClass>;

/** The iterator classes whose instances dynalite's streams end with `return()`. */
export const ITERATOR_CLASSES = ['AbstractIterator', 'AbstractKeyIterator', 'AbstractValueIterator'] as const;

for (const name of ITERATOR_CLASSES) {
  const proto = abstractLevel[name]?.prototype;
  if (proto && typeof proto.return !== 'function') {
    Object.defineProperty(proto, 'return', {
      value(this: Closable) {
        return this.close();
      },
      configurable: true,
      writable: true,
    });
  }
}

/** abstract-level as dynalite loads it (for the test that no iterator stays open). */
export const dynaliteAbstractLevel = abstractLevel;

/** A dynalite server (not listening yet). */
export const dynalite = requireHere('dynalite') as (options?: DynaliteOptions) => Server;
