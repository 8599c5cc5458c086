import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { classifyValueUse } from '../handlers/callback-bindings.js';
import { type Handler, parameterIdentifier, parameterVariable, resolveBinding } from '../handlers/find-handlers.js';
import { chainMethodOf } from '../promises/promise-chain.js';
import { containsNode, enclosingFunction, type FunctionNode, isFunctionNode, memberPropertyName, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import { isExportsObject } from '../util/commonjs-exports.js';
import { type ForwardedCallback, forwardedCallback } from './forwarded-callback.js';
import { knownWrapperCalled } from './known-wrappers.js';
import { exportedFunctions } from './module-exports.js';

/** One call of the wrapped handler inside the handler-shaped function a wrapper returns. */
export interface WrappedCall {
  readonly call: TSESTree.CallExpression;
  /** The handler-shaped function around the call, whose third parameter is the runtime's callback. */
  readonly runtimeHandler: Handler;
  /**
   * The calls of same-file wrappers that evaluate to the runtime handler (`prepareFunction(handlerFn)` in
   * `TokenValidator(prepareFunction(handlerFn))`): where the runtime handler's own Promise may be caught.
   */
  readonly outlets: readonly TSESTree.Node[];
  /** What the wrapped handler gets in the runtime callback's place, and in which argument. */
  readonly forwarded: ForwardedCallback;
}

/**
 * The wrapped handler handed on, as the value the wrapper returns, to an npm wrapper the plugin knows
 * (`(handlerFn) => TokenValidator(handlerFn)`): that wrapper runs it, with the runtime's callback.
 */
export interface KnownWrapperHandoff {
  readonly call: TSESTree.CallExpression;
  readonly catchesRejection: boolean;
}

/** A wrapper's shape: the parameter that receives the handler, every call of it, and every hand-off to a known wrapper. */
export interface WrapperShape {
  readonly handlerIndex: number;
  readonly calls: readonly WrappedCall[];
  readonly handoffs: readonly KnownWrapperHandoff[];
}

/**
 * Whether `fn` wraps a handler: one of its parameters is called, inside a function nested in `fn` that takes the
 * runtime's `(context, event, callback)`, with that callback (or a function that calls it) as an argument
 * (`handlerFn(context, event, callback)`, `handlerFn(context, event, callback, response, handleError)`,
 * `handlerFn(context, event, (error, result) => { log(error); callback(error, result); })`), or handed to a same-file wrapper that does, or
 * handed to a known npm wrapper whose result `fn` returns (`(handlerFn) => TokenValidator(handlerFn)`).
 */
export function wrapperShapeOf(fn: FunctionNode, sourceCode: TSESLint.SourceCode, depth = 0): WrapperShape | undefined {
  for (const [index, param] of fn.params.entries()) {
    const variable = parameterVariable(fn, parameterIdentifier(param), sourceCode);
    if (!variable) continue;
    const calls: WrappedCall[] = [];
    const handoffs: KnownWrapperHandoff[] = [];
    let other = false;
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const identifier = reference.identifier as TSESTree.Identifier;
      const use = classifyValueUse(identifier);
      // A same-file runner called by an outer wrapper (`prepareFunction(context, event, callback, required,
      // handlerFn)` inside `TokenValidator((context, event, callback) => prepareFunction(…))`) takes the runtime's
      // callback itself.
      const handedBy = use.kind === 'call' ? callbackHandedBy(use.call, fn, sourceCode, depth > 0) : undefined;
      if (use.kind === 'call' && handedBy) {
        calls.push({ call: use.call, ...handedBy, outlets: [] });
        continue;
      }
      const handoff = use.kind === 'handoff' ? handedToKnownWrapper(identifier, fn, sourceCode) : undefined;
      const inner = use.kind === 'handoff' && !handoff && depth < 2 ? innerWrapperCall(identifier, fn, sourceCode, depth) : undefined;
      if (handoff) handoffs.push(handoff);
      else if (inner) {
        calls.push(...inner.calls);
        handoffs.push(...inner.handoffs);
      } else if (use.kind !== 'none') other = true;
    }
    if ((calls.length > 0 || handoffs.length > 0) && !other) return { handlerIndex: index, calls, handoffs };
  }
  return undefined;
}

/** The call `argument` is an argument of, and its position there. */
function argumentOf(argument: TSESTree.Node): { call: TSESTree.CallExpression; index: number } | undefined {
  const { parent: call, child } = transparentParent(argument);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === child) return undefined;
  const index = call.arguments.indexOf(child as TSESTree.CallExpressionArgument);
  return index < 0 ? undefined : { call, index };
}

/**
 * `inner(handlerFn)` with `inner` a module-level wrapper of the same file: its calls, with this call as an outlet,
 * and its hand-offs to known wrappers when this call is what `fn` returns (else that wrapper's result may go anywhere).
 */
function innerWrapperCall(
  argument: TSESTree.Identifier,
  fn: FunctionNode,
  sourceCode: TSESLint.SourceCode,
  depth: number,
): Pick<WrapperShape, 'calls' | 'handoffs'> | undefined {
  const at = argumentOf(argument);
  const inner = at && sameFileFunction(at.call.callee, sourceCode);
  if (!at || !inner) return undefined;
  const { call, index } = at;
  const shape = wrapperShapeOf(inner, sourceCode, depth + 1);
  if (shape?.handlerIndex !== index) return undefined;
  if (shape.handoffs.length > 0 && !isReturnedBy(call, fn)) return undefined;
  return { calls: shape.calls.map((wrapped) => ({ ...wrapped, outlets: [...wrapped.outlets, call] })), handoffs: shape.handoffs };
}

/**
 * The module-level function a callee names: `inner` bound in the file, or the file's own export read back
 * (`module.exports.prepareFunction`, `exports.prepareFunction`, as the Flex plugin library's helpers call their runner).
 */
export function sameFileFunction(callee: TSESTree.Node, sourceCode: TSESLint.SourceCode): FunctionNode | undefined {
  const node = skipTransparentWrappers(callee);
  if (node.type === AST_NODE_TYPES.MemberExpression && isExportsObject(node.object)) {
    const name = memberPropertyName(node);
    return name === undefined ? undefined : exportedFunctions(sourceCode).get(name);
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const values = resolveBinding(node, sourceCode);
  const inner = values.length === 1 && values[0] ? skipTransparentWrappers(values[0]) : undefined;
  return isFunctionNode(inner) && enclosingFunction(inner) === undefined ? inner : undefined;
}

/** `KnownWrapper(handlerFn)` in the position the known wrapper takes its handler, as the value `fn` returns. */
function handedToKnownWrapper(argument: TSESTree.Identifier, fn: FunctionNode, sourceCode: TSESLint.SourceCode): KnownWrapperHandoff | undefined {
  const at = argumentOf(argument);
  const known = at && knownWrapperCalled(at.call, sourceCode);
  if (!at || known?.handlerIndex !== at.index || !isReturnedBy(at.call, fn)) return undefined;
  return { call: at.call, catchesRejection: known.catchesRejection };
}

/** Whether `node`'s value is what `fn` returns: its expression body, or the argument of one of its own `return`s. */
function isReturnedBy(node: TSESTree.Node, fn: FunctionNode): boolean {
  const { parent, child } = transparentParent(node);
  if (parent === fn) return fn.body === child;
  return parent?.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(parent) === fn;
}

/**
 * The function between `call` and `wrapper` whose third parameter the call passes on, itself or in a function that
 * calls it (see `forwardedCallback`); with `includeWrapper`, the wrapper itself may be it (a runner that takes the
 * callback and the handler).
 */
function callbackHandedBy(
  call: TSESTree.CallExpression,
  wrapper: FunctionNode,
  sourceCode: TSESLint.SourceCode,
  includeWrapper: boolean,
): Pick<WrappedCall, 'runtimeHandler' | 'forwarded'> | undefined {
  for (
    let current = enclosingFunction(call);
    current && (current !== wrapper || includeWrapper);
    current = current === wrapper ? undefined : enclosingFunction(current)
  ) {
    const callbackParam = parameterIdentifier(current.params[2]);
    const callbackVariable = parameterVariable(current, callbackParam, sourceCode);
    if (!callbackParam || !callbackVariable) continue;
    const forwarded = forwardedCallback(call, callbackVariable, sourceCode);
    if (forwarded) return { runtimeHandler: { node: current, callbackParam, callbackVariable, wrapperParams: [] }, forwarded };
  }
  return undefined;
}

/** What the judgement of a rejection needs to know about the runtime handler's callback and the file. */
export interface RejectionJudge {
  /** Whether running `node` (a `catch` block, a `.catch` handler) answers the request. */
  answers(node: TSESTree.Node): boolean;
  /**
   * Whether a call hands a function (`argument`) to a wrapper known to catch its rejection: a known npm wrapper
   * (`functionValidator(fn)`) or a wrapper of the same file whose summary catches.
   */
  isCatchingWrapperCall(call: TSESTree.CallExpression, argument: TSESTree.Node): boolean;
  /** Whether a call's callee is a function that the file loads from another module (`require`, `import`). */
  isLoadedFunctionCall(call: TSESTree.CallExpression): boolean;
  /** The wrapped call being judged: its runtime handler's Promise may be caught where its outlets go. */
  readonly wrapped: WrappedCall;
}

/**
 * Whether the rejection of the Promise `expression` evaluates to is caught and answered: awaited in a `try` whose
 * `catch` answers, followed by a `.catch` (or `.then(_, onRejected)`) that answers, or returned from a function
 * whose own Promise is (a `.then` link, a function handed to a catching wrapper). `return handlerFn(…)` inside a
 * `try` does not catch: the Promise is returned before it rejects.
 */
export function rejectionIsAnswered(expression: TSESTree.Node, judge: RejectionJudge, depth = 0): boolean {
  if (depth > 16) return false;
  const { parent, child } = transparentParent(expression);
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return caughtAround(parent, judge) || functionRejectionIsAnswered(enclosingFunction(parent), judge, depth);
    case AST_NODE_TYPES.ReturnStatement:
      return functionRejectionIsAnswered(enclosingFunction(parent), judge, depth);
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === child && functionRejectionIsAnswered(parent, judge, depth);
    case AST_NODE_TYPES.CallExpression:
      // `Promise.resolve(handlerFn(…))` adopts the handler's Promise: its rejection goes on where that call's value goes.
      return parent.callee !== child && parent.arguments[0] === child && isPromiseResolve(parent) && rejectionIsAnswered(parent, judge, depth + 1);
    case AST_NODE_TYPES.MemberExpression: {
      const call = parent.parent;
      if (parent.object !== child || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return false;
      const link = chainMethodOf(call);
      if (!link) return false;
      const onRejected = link.method === 'catch' ? call.arguments[0] : link.method === 'then' ? call.arguments[1] : undefined;
      if (onRejected && judge.answers(onRejected)) return true;
      return rejectionIsAnswered(call, judge, depth + 1);
    }
    default:
      return false;
  }
}

/** `Promise.resolve(…)`. */
function isPromiseResolve(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberPropertyName(callee) !== 'resolve') return false;
  const object = skipTransparentWrappers(callee.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise';
}

/** The Promise a function returns rejects with what it returns or awaits unguarded: where does that go? */
function functionRejectionIsAnswered(fn: FunctionNode | undefined, judge: RejectionJudge, depth: number): boolean {
  if (!fn) return false;
  if (fn === judge.wrapped.runtimeHandler.node) {
    // An outlet is a call of a same-file wrapper (its value is the runtime handler) or of a runner (its value is
    // the handler's Promise, which goes on where the runner call's value goes).
    const caught = judge.wrapped.outlets.some((outlet) => isCaughtByWrapper(outlet, judge) || rejectionIsAnswered(outlet, judge, depth + 1));
    if (caught) return true;
  }
  const { parent, child } = transparentParent(fn);
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(child as TSESTree.CallExpressionArgument)) return false;
  // `x.then(fn)`: the chain's Promise carries fn's rejection on to the links after it.
  if (chainMethodOf(parent) !== undefined) return rejectionIsAnswered(parent, judge, depth + 1);
  return isCaughtByWrapper(fn, judge);
}

/** How many wrappers of other files a handler-shaped function is followed through (`withErrors(withContext(withLog(fn)))`). */
const MAX_PASS_THROUGH = 4;

/**
 * Whether the value of `node` (a function, or a call that returns one) is handed to a catching wrapper, directly
 * or through wrappers of other files: `withErrorHandler(withAppContext((context, event, callback) => handler(…)))`
 * with `withAppContext` imported. A wrapper this file loads is not read (a helper's own requires are trusted), so
 * it is trusted to run the function it is given and return its Promise, as a wrapper of a handler does.
 */
function isCaughtByWrapper(node: TSESTree.Node, judge: RejectionJudge): boolean {
  let value = node;
  for (let depth = 0; depth <= MAX_PASS_THROUGH; depth++) {
    const { parent, child } = transparentParent(value);
    if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(child as TSESTree.CallExpressionArgument)) return false;
    if (judge.isCatchingWrapperCall(parent, child)) return true;
    if (!judge.isLoadedFunctionCall(parent)) return false;
    value = parent;
  }
  return false;
}

/** Whether `node` is in the block of a `try` of its own function whose `catch` answers. */
function caughtAround(node: TSESTree.Node, judge: RejectionJudge): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler && containsNode(parent.block, node)) {
      return judge.answers(parent.handler.body);
    }
  }
  return false;
}
