import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { chainMethodOf, chainOf, isChainReceiver } from '../promises/promise-chain.js';
import { enclosingFunction, type FunctionNode, isFunctionNode, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import type { CallbackAnalysis } from './callback-summary.js';
import type { HandlerFlow } from './flow-events.js';
import { answersSomewhere } from './answers-somewhere.js';

/**
 * Whether the paths of a `.then`/`.catch` function that return normally are answered further down its chain:
 * a later `.then(fn)` or `.finally(fn)` whose function answers (on every path, or on some, which are then that
 * link's to report) runs after it (`.then((call) => {
 * if (!call) return; … }).then(() => callback())`). A chain the function's own link sits in that is returned
 * from an outer link (`.then((x) => lookup(x).then(…))`) goes on in the outer chain, so that one counts too.
 */
export function answeredByLaterLink(fn: FunctionNode, handlerFlow: HandlerFlow, analysis: CallbackAnalysis): boolean {
  /**
   * The callback itself, or a function that answers on every path — or on some: its other paths are reported
   * in it (require-callback checks that link too), and that one report covers the paths that got there from here.
   */
  function answers(link: TSESTree.Node): boolean {
    const value = skipTransparentWrappers(link);
    if (isFunctionNode(value)) {
      const flow = handlerFlow.functions.get(value);
      return flow !== undefined && (analysis.summaryOf(value).answersOnEveryPath || answersSomewhere(flow));
    }
    if (value.type !== AST_NODE_TYPES.Identifier) return false;
    for (const variable of handlerFlow.bindings.callbackVariables) {
      if (variable.references.some((reference) => reference.identifier === value)) return true;
    }
    return false;
  }

  for (let current: FunctionNode | undefined = fn; current; current = returnedFromLink(current)) {
    const { parent, child } = transparentParent(current);
    if (parent?.type !== AST_NODE_TYPES.CallExpression || !chainMethodOf(parent) || !parent.arguments.includes(child as TSESTree.CallExpressionArgument)) {
      return false;
    }
    const outermost = outermostChainCall(parent);
    const { links } = chainOf(outermost);
    const index = links.findIndex((link) => link.call === parent);
    for (const link of links.slice(index + 1)) {
      if ((link.method === 'then' || link.method === 'finally') && link.onFulfilled && answers(link.onFulfilled)) return true;
    }
  }
  return false;
}

/** The last call of the chain that `call` is a link of. */
function outermostChainCall(call: TSESTree.CallExpression): TSESTree.CallExpression {
  let current: TSESTree.Node = call;
  while (isChainReceiver(current)) {
    const member: TSESTree.Node = transparentParent(current).parent!;
    current = transparentParent(member).parent!;
  }
  return current as TSESTree.CallExpression;
}

/**
 * The link function whose result the chain around `fn` is: `(x) => lookup(x).then(fn)` or `{ return
 * lookup(x).then(fn); }`. Its own chain goes on once the returned one settles.
 */
function returnedFromLink(fn: FunctionNode): FunctionNode | undefined {
  const { parent } = transparentParent(fn);
  if (parent?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const { parent: holder, child } = transparentParent(outermostChainCall(parent));
  if (holder?.type === AST_NODE_TYPES.ReturnStatement) return enclosingFunction(holder);
  return isFunctionNode(holder) && holder.body === child ? holder : undefined;
}
