import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, type FunctionNode, isFunctionNode, memberPropertyName, propertyKeyName, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import { visitSubtree } from '../util/visit-own-body.js';

/**
 * How often the function a call receives runs:
 * - `perItem`: once per element of an array (`items.forEach(fn)`), so a callback in it answers once per item;
 * - `repeated`: any number of times, or as a watchdog (`emitter.on('data', fn)`, `setTimeout(fn)`), so calling
 *   back on only some of its paths is normal;
 * - `once`: everything else (`.then(fn)`, `client.messages.create(opts, fn)`, a helper), run once to report a result.
 */
export type HandoffKind = 'once' | 'perItem' | 'repeated';

export interface FunctionHandoff {
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  /** What the receiving call is named: `then`, `create`, `setTimeout`, `new Promise`. */
  readonly calleeName: string;
  readonly kind: HandoffKind;
}

const PER_ITEM = new Set(['forEach', 'map', 'flatMap', 'filter', 'reduce', 'reduceRight']);
/**
 * Iterators whose first function runs per item and whose later function (or `done` option) runs once at the end:
 * twilio-node's `list.each(params?, (item) => …)` with its `{ done }` option, Airtable's `eachPage(page, done)`,
 * lodash's and async's `each(items, fn, done)`.
 */
const ITERATORS_WITH_COMPLETION = new Set(['each', 'eachPage', 'eachSeries', 'eachLimit']);
const REPEATED = new Set([
  // Array methods that stop early, so a callback in them may run once: only the per-item ones above are sure.
  // (`find` is left out: it is as often a one-shot API, such as Airtable's `table.find(id, (err, record) => …)`.)
  'every',
  'findIndex',
  'findLast',
  'findLastIndex',
  'some',
  'sort',
  // Event listeners fire for many events; only some of them answer the request.
  'addEventListener',
  'addListener',
  'on',
  'once',
  'prependListener',
  'prependOnceListener',
  // Timers are often watchdogs (`setTimeout(() => { if (!done) callback(…) }, 9000)`).
  'setImmediate',
  'setInterval',
  'setTimeout',
]);

/** The call a function expression is handed to as a direct argument (or as an iterator's `done` option), if it is. */
export function functionHandoff(fn: FunctionNode): FunctionHandoff | undefined {
  const { parent, child } = transparentParent(fn);
  if (parent?.type === AST_NODE_TYPES.Property) return completionOption(parent, child);
  if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
  if (index < 0) return undefined;
  const name = nameOfCallee(parent.callee);
  const calleeName = parent.type === AST_NODE_TYPES.NewExpression ? `new ${name}` : name;
  if (ITERATORS_WITH_COMPLETION.has(name)) {
    const firstFunction = parent.arguments.findIndex((argument) => isFunctionNode(skipTransparentWrappers(argument)));
    const perItem = index === firstFunction && !(name === 'eachPage' && !mentionsParameter(fn, 1));
    return { call: parent, calleeName, kind: perItem ? 'perItem' : 'once' };
  }
  const kind: HandoffKind = PER_ITEM.has(name) ? 'perItem' : REPEATED.has(name) ? 'repeated' : 'once';
  return { call: parent, calleeName, kind };
}

/**
 * Airtable's `eachPage(page, done)` whose page function never names `fetchNextPage`, when `fn` is one of the two.
 * Airtable (airtable.js `src/query.ts`, `eachPage`) calls `done(error)` instead of `page` when a request fails,
 * and calls `done(null)` only once `page` asks for the page after the last: such a `page` runs at most once, on
 * success, and its `done` only on failure.
 */
export function singlePageIteration(fn: FunctionNode): { readonly page: FunctionNode; readonly done: FunctionNode } | undefined {
  const handoff = functionHandoff(fn);
  if (handoff?.calleeName !== 'eachPage' || handoff.kind !== 'once') return undefined;
  const [page, done] = handoff.call.arguments.map((argument) => skipTransparentWrappers(argument)).filter(isFunctionNode);
  // `kind` is `once` for a page function only when it never names `fetchNextPage`.
  if (!page || !done || functionHandoff(page)?.kind !== 'once' || (fn !== page && fn !== done)) return undefined;
  return { page, done };
}

/**
 * Airtable's `eachPage(function page(records, fetchNextPage) { … })` runs its function for the next page only when
 * it calls `fetchNextPage`: one that never names it runs once, for the first page. Names are compared, not scopes:
 * a nested function's parameter of that name shadows it; any other declaration keeps the function per page (as if
 * it fetched), never the other way round.
 */
const mentionsCache = new WeakMap<FunctionNode, boolean>();
function mentionsParameter(fn: FunctionNode, index: number): boolean {
  const cached = mentionsCache.get(fn);
  if (cached !== undefined) return cached;
  const parameter = fn.params[index];
  let mentioned = parameter !== undefined;
  if (parameter?.type === AST_NODE_TYPES.Identifier) {
    mentioned = false;
    const { name } = parameter;
    visitSubtree(fn.body, (node) => {
      // A nested function with a parameter of the same name (a nested `eachPage`'s own `fetchNextPage`) shadows it.
      if (isFunctionNode(node)) return !node.params.some((param) => param.type === AST_NODE_TYPES.Identifier && param.name === name);
      if (node.type === AST_NODE_TYPES.Identifier && node.name === name) mentioned = true;
      return !mentioned;
    });
  }
  mentionsCache.set(fn, mentioned);
  return mentioned;
}

/**
 * twilio-node's `list.each({ done: (error) => … }, (item) => …)`: `done` runs once, when the iteration ends; its
 * `callback` option (`list.each({ callback: (item) => … })`) runs per item.
 */
function completionOption(property: TSESTree.Property, child: TSESTree.Node): FunctionHandoff | undefined {
  const key = propertyKeyName(property);
  if (property.value !== child || (key !== 'done' && key !== 'callback')) return undefined;
  const { parent: call, child: options } = transparentParent(property.parent);
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(options as TSESTree.CallExpressionArgument)) {
    return undefined;
  }
  const name = nameOfCallee(call.callee);
  if (!ITERATORS_WITH_COMPLETION.has(name)) return undefined;
  return { call, calleeName: name, kind: key === 'done' ? 'once' : 'perItem' };
}

function nameOfCallee(callee: TSESTree.Expression): string {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return memberPropertyName(callee) ?? '';
  if (callee.type === AST_NODE_TYPES.ChainExpression) return nameOfCallee(callee.expression);
  return '';
}

/**
 * Whether `fn` runs many times because a function around it (inside `outer`) does: inside a listener, a timer or
 * a loop over items, even a one-shot function runs again and again (polling, retries).
 */
export function runsRepeatedlyWithin(fn: FunctionNode, outer: FunctionNode): boolean {
  for (let current = enclosingFunction(fn); current && current !== outer; current = enclosingFunction(current)) {
    const kind = functionHandoff(current)?.kind;
    if (kind === 'repeated' || kind === 'perItem') return true;
  }
  return false;
}
