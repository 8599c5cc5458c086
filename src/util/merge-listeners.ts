/** Listeners by selector or code path event, loosely typed so that engines can combine theirs. */
export type Listeners = Record<string, ((...args: never[]) => void) | undefined>;

/**
 * One listener object from several: where two pieces listen to the same selector, both run, in the order given.
 * The engines of one file analysis share a single traversal this way.
 */
export function mergeListeners(...parts: Listeners[]): Listeners {
  const merged: Record<string, Array<(...args: never[]) => void>> = {};
  for (const part of parts) {
    for (const [key, listener] of Object.entries(part)) {
      if (listener) (merged[key] ??= []).push(listener);
    }
  }
  return Object.fromEntries(
    Object.entries(merged).map(([key, listeners]) => [
      key,
      listeners.length === 1 ? listeners[0] : (...args: never[]) => { for (const listener of listeners) listener(...args); },
    ]),
  );
}
