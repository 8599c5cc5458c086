/** Listeners by selector or code path event, loosely typed so that engines can combine theirs. */
export type Listeners = Record<string, ((...args: never[]) => void) | undefined>;

type Listener = (...args: never[]) => void;

/**
 * One listener object from several: where two pieces listen to the same selector, both run, in the order given.
 * The engines of one file analysis share a single traversal this way. This runs once per linted file, so it
 * stays a plain loop: only a selector that several pieces share gets a wrapper.
 */
export function mergeListeners(...parts: Listeners[]): Listeners {
  const merged: Listeners = {};
  for (const part of parts) {
    for (const key in part) {
      const listener = part[key];
      if (!listener) continue;
      const existing = merged[key];
      merged[key] = existing ? both(existing, listener) : listener;
    }
  }
  return merged;
}

function both(first: Listener, second: Listener): Listener {
  return (...args: never[]) => {
    first(...args);
    second(...args);
  };
}
