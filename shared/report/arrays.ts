/**
 * Array helpers that take any number of items. `a.push(...items)`, `Math.max(...values)` and
 * `String.fromCharCode(...codes)` pass every item as a call argument: a long enough array (a
 * 400 KB line of numbers) overflows the stack ("Maximum call stack size exceeded"). These loop.
 * An architecture test (test/architecture/spread.test.ts) keeps such spreads out of shared/.
 */

/** Appends `items` to `target` (in place) and returns it. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** Inserts `items` into `target` (in place) before index `at`, like `splice(at, 0, ...items)`. */
export function insertAll<T>(target: T[], at: number, items: readonly T[]): T[] {
  const tail = target.splice(at);
  pushAll(target, items);
  return pushAll(target, tail);
}

/** The smallest value, as Math.min: Infinity for none, NaN if any is NaN. */
export function minOf(values: Iterable<number>): number {
  let min = Infinity;
  for (const v of values) min = Math.min(min, v);
  return min;
}

/** The largest value, as Math.max: -Infinity for none, NaN if any is NaN. */
export function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const v of values) max = Math.max(max, v);
  return max;
}
