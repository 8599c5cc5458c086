import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { FlowEvent, FunctionFlow } from '../callback-flow/flow-events.js';
import type { SegmentRecorder } from '../dataflow/segment-recorder.js';
import { isConsoleCall, isFunctionNode, memberPropertyName, skipTransparentWrappers } from '../util/ast.js';
import { chainMethodOf, chainOf, isChainReceiver } from './promise-chain.js';
import { fateOf, type PromiseFate, settlesStoredPromise } from './promise-fate.js';
import { isWaitingAsyncFunction, knownProducer, nodeStyleWork } from './promise-producers.js';

type Variable = TSESLint.Scope.Variable;

/** A `.then`/`.catch`/`.finally` chain in a recorded function, with what becomes of it. */
export interface PromiseChainSite {
  readonly node: TSESTree.CallExpression;
  readonly flow: FunctionFlow;
  readonly fate: PromiseFate;
}

/** `(async () => { … })()` in a recorded function. */
export interface AsyncIifeSite {
  readonly node: TSESTree.CallExpression;
  readonly fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  readonly flow: FunctionFlow;
  readonly fate: PromiseFate;
}

/** What records promise events, by the node it runs on (dispatched by node type in `recording-listeners.ts`). */
export interface PromiseEventHooks {
  /** At the exit of every call, `new` and `import()`. */
  readonly onExpressionExit: (node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ImportExpression) => void;
  readonly onIdentifier: (node: TSESTree.Identifier) => void;
  readonly onAwaitExit: (node: TSESTree.AwaitExpression) => void;
}

export interface PromiseRecorder {
  readonly hooks: PromiseEventHooks;
  readonly chains: readonly PromiseChainSite[];
  readonly asyncIifes: readonly AsyncIifeSite[];
}

/**
 * Records the promise events of every function the callback engine records, in the same traversal and into the
 * same segments: where a Promise starts without anything waiting for it, where a stored one is waited for, and
 * every `await`. `usesCallback` tells the callback, its aliases and the functions that use it.
 */
export function recordPromiseFlow(
  segments: SegmentRecorder<FlowEvent, FunctionFlow>,
  sourceCode: TSESLint.SourceCode,
  usesCallback: (node: TSESTree.Node) => boolean,
): PromiseRecorder {
  const chains: PromiseChainSite[] = [];
  const asyncIifes: AsyncIifeSite[] = [];
  /** Reads of variables that hold a started Promise, with the variable. */
  const storedReads = new Map<TSESTree.Identifier, Variable>();

  function onExpressionExit(node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ImportExpression): void {
    const flow = segments.current();
    if (!flow || isChainReceiver(node)) return;
    const callee = node.type === AST_NODE_TYPES.CallExpression ? skipTransparentWrappers(node.callee) : undefined;
    // The callback itself, or a name for a function that uses it: the callback engine's events.
    if (callee?.type === AST_NODE_TYPES.Identifier && usesCallback(callee)) return;
    const fate = fateOf(node, sourceCode);
    // Only a `.then`/`.catch`/`.finally` call is the end of a chain worth splitting into links.
    const chain = node.type === AST_NODE_TYPES.CallExpression && chainMethodOf(node) ? chainOf(node) : undefined;
    if (node.type === AST_NODE_TYPES.CallExpression && chain && chain.links.length > 0) chains.push({ node, flow, fate });
    if (node.type === AST_NODE_TYPES.CallExpression && callee && isFunctionNode(callee) && callee.async && callee.type !== AST_NODE_TYPES.FunctionDeclaration) {
      asyncIifes.push({ node, fn: callee, flow, fate });
    }
    if (fate.kind !== 'statement' && fate.kind !== 'voided' && fate.kind !== 'stored') return;
    // An IIFE that answers is where the answer comes from (require-catch-callback judges its rejection).
    if (callee && isFunctionNode(callee) && usesCallback(callee)) return;
    // A chain with a link that answers is the answer itself, not work the answer could cut off.
    if (chain?.links.some((link) => [link.onFulfilled, link.onRejected].some((handler) => handler && usesCallback(handler)))) return;
    const producer = knownProducer(node, sourceCode) ?? forEachAsync(node, usesCallback);
    if (producer === undefined && (node.type !== AST_NODE_TYPES.CallExpression || isConsoleCall(node))) return;
    // Node-style work whose own function does not answer: the answer can end the invocation before it reports.
    const nodeStyle = producer === undefined && node.type === AST_NODE_TYPES.CallExpression && fate.kind === 'statement' ? nodeStyleWork(node, sourceCode) : undefined;
    if (nodeStyle && !usesCallback(nodeStyle.continuation)) {
      segments.record({ kind: 'promiseStart', node, key: undefined, voided: false, producer: nodeStyle.producer, continuation: nodeStyle.continuation });
      return;
    }
    const key = fate.kind === 'stored' ? fate.variable : undefined;
    if (key) {
      for (const reference of key.references) {
        if (reference.isRead()) storedReads.set(reference.identifier as TSESTree.Identifier, key);
      }
    }
    segments.record({ kind: 'promiseStart', node, key, voided: fate.kind === 'voided', producer });
  }

  function onIdentifier(node: TSESTree.Identifier): void {
    const key = storedReads.get(node);
    if (key && segments.current() && settlesStoredPromise(node)) segments.record({ kind: 'promiseSettle', key, node });
  }

  return {
    hooks: {
      onExpressionExit,
      onIdentifier,
      onAwaitExit: (node) => segments.record({ kind: 'await', node }),
    },
    chains,
    asyncIifes,
  };
}

/** `items.forEach(async (item) => { await … })`: forEach drops every Promise the function returns. */
function forEachAsync(node: TSESTree.Node, usesCallback: (node: TSESTree.Node) => boolean): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTransparentWrappers(node.callee);
  const [fn] = node.arguments;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberPropertyName(callee) !== 'forEach') return undefined;
  return fn && isFunctionNode(fn) && isWaitingAsyncFunction(fn) && !usesCallback(fn) ? '`forEach(async …)`' : undefined;
}
