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

/**
 * One listener object from several, as `mergeListeners` makes it, with every plain node-type selector folded into
 * two: one selector that lists every node type listened to on entry (`CallExpression, Identifier, …`) and one for
 * exit, each dispatching on the node's type. ESLint registers, tags and sorts each selector of each rule anew for
 * every linted file, so a recorder that listens to thirty node types pays that thirty times per file; folded, it
 * pays it twice, and a node still reaches only the listeners of its own type (a list of plain types needs no
 * selector matching). `Program` and `Program:exit` keep selectors of their own: other rules' `Program:exit` must
 * still run after this one.
 */
export function foldListeners(...parts: Listeners[]): Listeners {
  const folded: Listeners = {};
  const enter = new Map<string, FixedListener>();
  const exit = new Map<string, FixedListener>();
  for (const part of parts) {
    for (const key in part) {
      const listener = part[key] as FixedListener | undefined;
      if (!listener) continue;
      const phase = isNodeTypeSelector(key) ? (key.endsWith(':exit') ? exit : enter) : undefined;
      if (phase) {
        const type = phase === exit ? key.slice(0, -':exit'.length) : key;
        const existing = phase.get(type);
        phase.set(type, existing ? (both(existing, listener) as FixedListener) : listener);
      } else {
        const existing = folded[key];
        folded[key] = existing ? both(existing, listener) : listener;
      }
    }
  }
  addDispatcher(folded, enter, enterSelectors, '');
  addDispatcher(folded, exit, exitSelectors, ':exit');
  return folded;
}

/** `CallExpression` or `CallExpression:exit`, not `Program`, a code path event (`onCodePathStart`) or a query. */
function isNodeTypeSelector(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 65 || first > 90 || key.startsWith('Program')) return false;
  const end = key.endsWith(':exit') ? key.length - ':exit'.length : key.length;
  for (let index = 1; index < end; index++) {
    const code = key.charCodeAt(index) | 32; // lower case
    if (code < 97 || code > 122) return false;
  }
  return true;
}

/**
 * The folded selector of the last file, by phase: every file of a lint listens to the same types, so the long
 * selector string is built once (ESLint then finds it parsed in its own cache) instead of joined anew per file.
 */
interface SelectorMemo {
  types: string[];
  selector: string;
}
const enterSelectors: SelectorMemo = { types: [], selector: '' };
const exitSelectors: SelectorMemo = { types: [], selector: '' };

function addDispatcher(folded: Listeners, byType: Map<string, FixedListener>, memo: SelectorMemo, suffix: string): void {
  if (byType.size === 0) return;
  if (byType.size === 1) {
    for (const [type, listener] of byType) folded[`${type}${suffix}`] = listener;
    return;
  }
  let index = 0;
  let same = memo.types.length === byType.size;
  for (const type of byType.keys()) if (same && memo.types[index++] !== type) same = false;
  if (!same) {
    memo.types = [...byType.keys()];
    memo.selector = `${memo.types.join(', ')}${suffix}`;
  }
  folded[memo.selector] = ((node: { type: string }) => byType.get(node.type)!(node));
}
