import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { containsNode, enclosingFunction, type FunctionNode } from '../util/ast.js';
import type { CallbackAnalysis } from './callback-summary.js';
import type { FunctionFlow, HandlerFlow } from './flow-events.js';

/** A callback call that cannot end the request: no path reaches it, or it sits in a local function nothing calls. */
export interface UnreachableCall {
  readonly call: TSESTree.CallExpression;
  /** The never-called local function around the call; absent when no path reaches the call. */
  readonly uncalledFunction?: string;
}

/**
 * The callback calls of a handler's functions that never run, where that matters: a call no path reaches, or
 * one in a local function nothing calls, matters only where a path goes without the answer it was meant to give.
 * After a `try` and a `catch` that both `return callback(…)`, it is dead code that changes nothing at runtime
 * (ESLint's `no-unreachable` reports that). Each call once.
 */
export function unreachableCallsOf(handlerFlow: HandlerFlow, analysis: CallbackAnalysis): UnreachableCall[] {
  const found: UnreachableCall[] = [];
  const seen = new Set<TSESTree.CallExpression>();
  const handlerFlowNode = handlerFlow.functions.get(handlerFlow.bindings.handler.node);
  const handlerComplete = handlerFlowNode !== undefined && answersOnEveryPath(handlerFlowNode, analysis);
  for (const flow of handlerFlow.functions.values()) {
    const deadCode = flow.unreachableCalls.length > 0 && answersOnEveryPath(flow, analysis);
    for (const call of deadCode ? [] : flow.unreachableCalls) {
      if (seen.has(call)) continue;
      seen.add(call);
      found.push({ call });
    }
    const uncalledFunction = handlerComplete ? undefined : uncalledAncestor(flow.node, handlerFlow);
    if (uncalledFunction === undefined) continue;
    for (const record of flow.segments.values()) {
      for (const event of record.events) {
        if (event.kind !== 'call' || seen.has(event.node)) continue;
        seen.add(event.node);
        found.push({ call: event.node, uncalledFunction });
      }
    }
  }
  return found;
}

/**
 * `return; callback(…)`: the path's answer is written, after the `return` that strands it. One mistake, reported
 * once, where the `unreachable` report asks to move the callback.
 */
export function strandsCallbackAfterIt(exit: TSESTree.ReturnStatement, flow: FunctionFlow): boolean {
  const block = exit.parent;
  const siblings = block.type === AST_NODE_TYPES.BlockStatement ? block.body : block.type === AST_NODE_TYPES.SwitchCase ? block.consequent : [];
  const later = siblings.slice(siblings.indexOf(exit) + 1);
  return flow.unreachableCalls.some((call) => later.some((statement) => containsNode(statement, call)));
}

/** Whether every path of the function that returns has called or handed off the callback. */
function answersOnEveryPath(flow: FunctionFlow, analysis: CallbackAnalysis): boolean {
  const { outStates } = analysis.solveCompletion(flow, 'handled');
  const returned = flow.codePath.returnedSegments;
  return returned.length > 0 && returned.every((segment) => outStates.get(segment) === true);
}

/** The name of the never-called local function that contains `fn` (or is `fn`), if any. */
function uncalledAncestor(fn: FunctionNode, handlerFlow: HandlerFlow): string | undefined {
  const handlerNode = handlerFlow.bindings.handler.node;
  for (let current: FunctionNode | undefined = fn; current && current !== handlerNode; current = enclosingFunction(current)) {
    const name = handlerFlow.bindings.neverCalled.get(current);
    if (name !== undefined) return name;
  }
  return undefined;
}
