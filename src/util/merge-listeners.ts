/** Listeners by selector or code path event, loosely typed so that engines can combine theirs. */
export type Listeners = Record<string, ((...args: never[]) => void) | undefined>;

type Listener = (...args: never[]) => void;
/** What every listener is called with: a node, or a code path event's two or three arguments. */
type FixedListener = (a?: unknown, b?: unknown, c?: unknown) => void;

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

/**
 * A fixed number of arguments rather than `...args`: a shared selector such as `Identifier` runs for every
 * identifier of the file, and a rest parameter would allocate an array each time.
 */
function both(first: Listener, second: Listener): Listener {
  const a = first as FixedListener;
  const b = second as FixedListener;
  return ((x?: unknown, y?: unknown, z?: unknown) => {
    a(x, y, z);
    b(x, y, z);
  });
}

/** A selector that is one node type, entered or left: `CallExpression`, `CallExpression:exit`. */
const NODE_TYPE_SELECTOR = /^([A-Z][A-Za-z]*)(:exit)?$/;

/**
 * The same listeners with every plain node-type selector folded into two: one selector that lists every node type
 * listened to on entry (`CallExpression, Identifier, …`) and one for exit, each dispatching on the node's type.
 * ESLint registers, tags and sorts each selector of each rule anew for every linted file, so a recorder that
 * listens to thirty node types pays that thirty times per file; folded, it pays it twice, and a node still reaches
 * only the listener of its own type (a list of plain types needs no selector matching). `Program` and
 * `Program:exit` keep selectors of their own: other rules' `Program:exit` must still run after this one.
 */
export function foldNodeListeners(listeners: Listeners): Listeners {
  const folded: Listeners = {};
  const enter = new Map<string, FixedListener>();
  const exit = new Map<string, FixedListener>();
  for (const key in listeners) {
    const listener = listeners[key];
    if (!listener) continue;
    const match = NODE_TYPE_SELECTOR.exec(key);
    if (!match || match[1] === 'Program') folded[key] = listener;
    else (match[2] ? exit : enter).set(match[1]!, listener as FixedListener);
  }
  addDispatcher(folded, enter, '');
  addDispatcher(folded, exit, ':exit');
  return folded;
}

function addDispatcher(folded: Listeners, byType: Map<string, FixedListener>, suffix: string): void {
  if (byType.size === 0) return;
  if (byType.size === 1) {
    for (const [type, listener] of byType) folded[`${type}${suffix}`] = listener;
    return;
  }
  folded[`${[...byType.keys()].join(', ')}${suffix}`] = ((node: { type: string }) => byType.get(node.type)!(node));
}
