import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { memberPropertyName, skipTransparentWrappers, transparentParent } from '../util/ast.js';

export type ChainMethod = 'then' | 'catch' | 'finally';

/** One `.then(…)`, `.catch(…)` or `.finally(…)` of a chain, in the order they run. */
export interface ChainLink {
  readonly method: ChainMethod;
  readonly call: TSESTree.CallExpression;
  /** The `then`/`catch`/`finally` property, where a report about this link goes. */
  readonly property: TSESTree.Node;
  /** What runs on fulfilment (`then`'s first argument, `finally`'s). */
  readonly onFulfilled: TSESTree.Node | undefined;
  /** What runs on rejection (`then`'s second argument, `catch`'s). */
  readonly onRejected: TSESTree.Node | undefined;
}

export interface PromiseChain {
  /** What the chain starts from: `client.messages.create(…)` in `client.messages.create(…).then(…)`. */
  readonly root: TSESTree.Node;
  readonly links: readonly ChainLink[];
}

const CHAIN_METHODS = new Set<string>(['then', 'catch', 'finally']);

/** The chain method a call is, when it is `x.then(…)`, `x.catch(…)` or `x.finally(…)`. */
export function chainMethodOf(call: TSESTree.CallExpression): { method: ChainMethod; member: TSESTree.MemberExpression } | undefined {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberPropertyName(callee);
  return name !== undefined && CHAIN_METHODS.has(name) ? { method: name as ChainMethod, member: callee } : undefined;
}

/** Whether `node` is the receiver of a chain method call (`node.then(…)`), so a longer chain contains it. */
export function isChainReceiver(node: TSESTree.Node): boolean {
  const { parent, child } = transparentParent(node);
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== child) return false;
  const name = memberPropertyName(parent);
  if (name === undefined || !CHAIN_METHODS.has(name)) return false;
  const call = transparentParent(parent);
  return call.parent?.type === AST_NODE_TYPES.CallExpression && call.parent.callee === call.child;
}

/** Splits `root.then(a).catch(b).finally(c)` into its root and links. */
export function chainOf(expression: TSESTree.Node): PromiseChain {
  const links: ChainLink[] = [];
  let current = skipTransparentWrappers(expression);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const chainMethod = chainMethodOf(current);
    if (!chainMethod) break;
    const [first, second] = current.arguments;
    links.push({
      method: chainMethod.method,
      call: current,
      property: chainMethod.member.property,
      onFulfilled: chainMethod.method === 'catch' ? undefined : first,
      onRejected: chainMethod.method === 'catch' ? first : chainMethod.method === 'then' ? second : undefined,
    });
    current = skipTransparentWrappers(chainMethod.member.object);
  }
  return { root: current, links: links.reverse() };
}
