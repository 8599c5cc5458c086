import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, type FunctionNode, isFunctionNode, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import type { CallbackBindings } from './callback-bindings.js';
import { type Handler, parameterIdentifier, parameterVariable, resolveBinding } from './find-handlers.js';

/** A function of the same file that receives a handler's callback as an argument. */
export interface CallbackReceiver {
  /** The receiving function, seen as a handler whose callback is the parameter that receives it. */
  readonly handler: Handler;
  /** The callback as the argument of the receiving call. */
  readonly argument: TSESTree.Identifier;
}

/**
 * Functions of the same file that a handler hands its callback to: `handleRequest(context, event, callback)`
 * with a module-level `function handleRequest(context, event, callback) { … }`. They are analysed like handlers,
 * with the parameter that receives the callback as their callback, so that a call of one is known to answer
 * on every path (or not).
 *
 * A receiver answers in the handler's place (`delegatedBy.answersForHandler`) only when the call is the
 * handler's last word: a guard helper (`if (!isValid(context, event, callback)) return;`) answers on one outcome
 * only and tells the caller by its return value, and a helper the handler goes on after answers on some only.
 */
export function findReceivers(bindings: CallbackBindings, sourceCode: TSESLint.SourceCode): CallbackReceiver[] {
  const receivers: CallbackReceiver[] = [];
  for (const variable of bindings.callbackVariables) {
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const argument = reference.identifier as TSESTree.Identifier;
      const found = receiverOf(argument, bindings.handler.node, sourceCode);
      if (!found) continue;
      // One receiver per function: the first call site decides whether it answers for the handler.
      const handler = receivers.find((receiver) => receiver.handler.node === found.node)?.handler ?? found;
      receivers.push({ handler, argument });
    }
  }
  return receivers;
}

function receiverOf(
  reference: TSESTree.Identifier,
  handler: FunctionNode,
  sourceCode: TSESLint.SourceCode,
): Handler | undefined {
  const { parent: call, child } = transparentParent(reference);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === child) return undefined;
  const index = call.arguments.indexOf(child as TSESTree.CallExpressionArgument);
  if (index < 0) return undefined;
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const fn = moduleLevelFunction(callee, sourceCode);
  if (!fn || fn === handler || fn.generator) return undefined;
  const callbackParam = parameterIdentifier(fn.params[index]);
  const callbackVariable = parameterVariable(fn, callbackParam, sourceCode);
  if (!callbackParam || !callbackVariable) return undefined;
  return {
    node: fn,
    callbackParam,
    callbackVariable,
    wrapperParams: [],
    delegatedBy: { call, name: callee.name, answersForHandler: isResultIgnored(call, handler) },
  };
}

/**
 * The handler's last word: `return helper(…)` (the runtime ignores the return value), an arrow body, or
 * `helper(…);` / `await helper(…);` as the last statement the handler runs. When the handler goes on after the
 * call (`await doWork(context, event, callback); callback(null, 'ok');`), the helper only answers on some outcomes.
 */
export function isResultIgnored(call: TSESTree.CallExpression, handler: FunctionNode): boolean {
  let { parent, child } = transparentParent(call);
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) ({ parent, child } = transparentParent(parent));
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return enclosingFunction(parent) === handler;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return isLastStatement(parent, handler);
  return parent === handler && handler.body === child; // an arrow handler's expression body
}

/** Whether nothing of the handler runs after `statement` (it ends its block, and each enclosing one, up to the body). */
function isLastStatement(statement: TSESTree.Statement, handler: FunctionNode): boolean {
  let current: TSESTree.Node = statement;
  while (current !== handler.body) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent || isFunctionNode(parent)) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.BlockStatement:
        if (parent.body.at(-1) !== current) return false;
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (parent.consequent.at(-1) !== current) return false;
        break;
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.WhileStatement:
        return false;
      default:
        break;
    }
    current = parent;
  }
  return true;
}

/** A function declared at the top of the module: `function f() {}` or `const f = () => {}`. */
function moduleLevelFunction(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): FunctionNode | undefined {
  const values = resolveBinding(identifier, sourceCode);
  const fn = values.length === 1 && values[0] ? skipTransparentWrappers(values[0]) : undefined;
  return isFunctionNode(fn) && enclosingFunction(fn) === undefined ? fn : undefined;
}

/**
 * `try { return handler(context, event, callback); } catch (error) { … }`: the `try` with a `catch`, in the caller,
 * that a returned call (not awaited) leaves before the promise it returns rejects, so the `catch` never sees that
 * rejection; the caller's own promise rejects instead.
 */
export function tryLeftByReturnedCall(call: TSESTree.CallExpression): TSESTree.TryStatement | undefined {
  const { parent } = transparentParent(call);
  if (parent?.type !== AST_NODE_TYPES.ReturnStatement) return undefined;
  for (let child: TSESTree.Node = parent, current: TSESTree.Node | undefined = parent.parent; current && !isFunctionNode(current); child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) return current;
  }
  return undefined;
}
