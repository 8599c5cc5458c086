import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { isErrorName } from '../promises/error-names.js';
import { containsNode, enclosingFunction, skipTransparentWrappers } from '../util/ast.js';
import { isAnsweringEvent } from './answers-somewhere.js';
import type { FlowEvent, FunctionFlow, HandlerFlow } from './flow-events.js';

/**
 * A node-style continuation that answers only when it gets an error (`(err) => { if (err) callback(err); }`),
 * started beside another hand-off of the callback in the same straight run of code
 * (`base('Events').create(row, (err) => …); base('Users').select().all().then((users) => callback(null, …))`):
 * the other continuation gives the answer on success, so the error-only one leaves no path open. (Both may answer
 * when the first fails: a race, not a missing answer.)
 */
export function answeredBesideErrorOnly(flow: FunctionFlow, handlerFlow: HandlerFlow): boolean {
  if (!answersOnlyOnError(flow)) return false;
  const outerNode = enclosingFunction(flow.node);
  const outer = outerNode && handlerFlow.functions.get(outerNode);
  if (!outer) return false;
  for (const record of outer.segments.values()) {
    if (!record.events.some((event) => event.kind === 'handoff' && event.node === flow.node)) continue;
    return record.events.some((event) => isAnsweringEvent(event) && !startedWith(event, flow.node));
  }
  return false;
}

/** Every answer of the function sits in the consequent of an `if` that tests its error parameter. */
function answersOnlyOnError(flow: FunctionFlow): boolean {
  const [error] = flow.node.params;
  if (error?.type !== AST_NODE_TYPES.Identifier || !isErrorName(error.name)) return false;
  let answers = false;
  for (const record of flow.segments.values()) {
    for (const event of record.events) {
      if (!isAnsweringEvent(event)) continue;
      answers = true;
      if (!insideErrorBranch(event.node, flow, error.name)) return false;
    }
  }
  return answers;
}

function insideErrorBranch(node: TSESTree.Node, flow: FunctionFlow, error: string): boolean {
  for (let child = node, parent = node.parent; parent && child !== flow.node; child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.IfStatement || parent.consequent !== child) continue;
    const test = skipTransparentWrappers(parent.test);
    if (test.type === AST_NODE_TYPES.Identifier && test.name === error) return true;
  }
  return false;
}

/** The event is the continuation's own hand-off, or belongs to the call that started it. */
function startedWith(event: FlowEvent & { readonly node: TSESTree.Node }, fn: TSESTree.Node): boolean {
  const call = fn.parent;
  return event.node === fn || containsNode(fn, event.node) || (call !== undefined && containsNode(call, event.node));
}
