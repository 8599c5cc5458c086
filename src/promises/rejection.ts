import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isConsoleCall, isFunctionNode, memberPropertyName, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import { visitOwnBody } from '../util/visit-own-body.js';
import { chainMethodOf, chainOf } from './promise-chain.js';
import { initializerOf } from './module-bindings.js';
import { knownProducer, localFunction, ownReturnArguments } from './promise-producers.js';
import { isNonThrowingResponseMethod, responseObjectOf } from '../twilio-values/response-values.js';

/**
 * Whether `node` sits in the `try` block of a `try` statement of its own function that takes over a rejection
 * thrown there: one with a `catch`, or with a `finally` for which `finallyAnswers` says it answers.
 */
export function isGuarded(node: TSESTree.Node, finallyAnswers: (finalizer: TSESTree.BlockStatement) => boolean): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.TryStatement || parent.block !== child) continue;
    if (parent.handler || (parent.finalizer && finallyAnswers(parent.finalizer))) return true;
  }
  return false;
}

export interface RejectionContext {
  readonly sourceCode: TSESLint.SourceCode;
  /** The callback and its aliases: calling them never throws. */
  readonly isCallback: (node: TSESTree.Node) => boolean;
  /** Whether a call of another project file's export can reject, when that file was summarised. */
  readonly otherFileRejects?: (call: TSESTree.CallExpression) => boolean | undefined;
}

/**
 * Whether awaiting `node` is known to be able to throw: a Promise the plugin knows to come from a request
 * (twilio-node, HTTP clients, SendGrid, Airtable), a chain of one without a `.catch` that absorbs its rejection,
 * `Promise.reject`, a `new Promise` that rejects or throws, a combinator over one of those, and a call of a same-file
 * function whose body can reject or which returns one. Other libraries' Promises are not known to reject: many
 * resolve with an error instead (`{ data, error }`), and a helper in another file may catch everything.
 */
export function canReject(node: TSESTree.Node, context: RejectionContext, seen = new Set<FunctionNode>()): boolean {
  const value = skipTransparentWrappers(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
      return false;
    case AST_NODE_TYPES.ImportExpression:
      // `await import('got')` of a package: loading fails only when it is not deployed (no-undeployed-require).
      return skipTransparentWrappers(value.source).type !== AST_NODE_TYPES.Literal;
    case AST_NODE_TYPES.NewExpression: {
      const callee = skipTransparentWrappers(value.callee);
      const [executor] = value.arguments;
      // Only a Promise rejects: `new Twilio.Response()` and other constructed values are what they are.
      if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Promise') return false;
      if (!executor || !isFunctionNode(executor)) return true;
      return readsRejectParameter(executor, context.sourceCode) || containsThrow(executor.body);
    }
    case AST_NODE_TYPES.CallExpression:
      return callCanReject(value, context, seen);
    case AST_NODE_TYPES.Identifier: {
      // A stored Promise: what it was created from.
      const init = initializerOf(value, context.sourceCode);
      return init !== undefined && canReject(init, context, seen);
    }
    default:
      return false;
  }
}

/**
 * Whether a `new Promise` executor can call its `reject`: it takes one that it reads (calls or hands on), or takes
 * it in a form the plugin does not follow (a pattern, a rest element). One it never reads cannot reject.
 */
function readsRejectParameter(executor: FunctionNode, sourceCode: TSESLint.SourceCode): boolean {
  const reject = executor.params[1];
  if (reject === undefined) return false;
  if (reject.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = sourceCode.getDeclaredVariables(executor).find((candidate) => candidate.name === reject.name);
  return variable === undefined || variable.references.length > 0;
}

function callCanReject(call: TSESTree.CallExpression, context: RejectionContext, seen: Set<FunctionNode>): boolean {
  const { root, links } = chainOf(call);
  const lastCatch = links.findLastIndex((link) => link.onRejected !== undefined);
  if (lastCatch !== -1) {
    const handler = links[lastCatch]!.onRejected!;
    const rethrows = isFunctionNode(handler) && containsThrow(handler.body);
    // What runs after the last `.catch` can still throw.
    const later = links.slice(lastCatch + 1).some((link) => link.onFulfilled !== undefined && mayThrow(link.onFulfilled, context.isCallback, context.sourceCode));
    return rethrows || later;
  }
  if (links.length > 0) {
    return canReject(root, context, seen) ||
      links.some((link) => link.onFulfilled !== undefined && link.method !== 'finally' && mayThrow(link.onFulfilled, context.isCallback, context.sourceCode));
  }
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipTransparentWrappers(callee.object);
    const method = memberPropertyName(callee);
    if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise') {
      if (method === 'reject') return true;
      if (method !== 'all' && method !== 'race' && method !== 'any') return false;
      const [argument] = call.arguments;
      return argument === undefined || combinedCanReject(argument, context, seen);
    }
  }
  const fn = callee.type === AST_NODE_TYPES.Identifier ? localFunction(callee, context.sourceCode) : isFunctionNode(callee) ? callee : undefined;
  if (fn) return functionCanReject(fn, context, seen);
  const otherFile = context.otherFileRejects?.(call);
  if (otherFile !== undefined) return otherFile;
  return knownProducer(call, context.sourceCode) !== undefined;
}

/**
 * Whether a Promise is known never to reject: `Promise.allSettled(…)`, `Promise.resolve(…)`, a chain whose last
 * `.catch` takes the rejection without rethrowing and has nothing after it that can throw, and `Promise.all`,
 * `race` or `any` over such Promises (an array literal, or `items.map(fn)` where `fn` returns one), and a call of
 * a same-file function whose result cannot reject (`functionCanReject`). Unlike `!canReject(…)`, an unknown Promise
 * does not count.
 */
export function cannotReject(node: TSESTree.Node, context: RejectionContext): boolean {
  const value = skipTransparentWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const init = initializerOf(value, context.sourceCode);
    return init !== undefined && cannotReject(init, context);
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const { links } = chainOf(value);
  if (links.length > 0) return links.some((link) => link.onRejected !== undefined) && !callCanReject(value, context, new Set());
  const callee = skipTransparentWrappers(value.callee);
  // A same-file function is judged by its body, as an `await` of it is: `helper().then(() => callback(null))` of an
  // async helper whose every request ends in a `.catch` cannot reject.
  const fn = callee.type === AST_NODE_TYPES.Identifier ? localFunction(callee, context.sourceCode) : isFunctionNode(callee) ? callee : undefined;
  if (fn) return !functionCanReject(fn, context);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipTransparentWrappers(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Promise') return false;
  const method = memberPropertyName(callee);
  if (method === 'allSettled' || method === 'resolve') return true;
  if (method !== 'all' && method !== 'race' && method !== 'any') return false;
  const [argument] = value.arguments;
  const combined = argument && skipTransparentWrappers(argument);
  if (combined?.type === AST_NODE_TYPES.ArrayExpression) {
    return combined.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && cannotReject(element, context));
  }
  const mapped = combined && mappedFunction(combined, context.sourceCode);
  if (!mapped || mapped.async) return false;
  const returned = mapped.body.type === AST_NODE_TYPES.BlockStatement ? ownReturnArguments(mapped.body) : [mapped.body];
  return returned.length > 0 && returned.every((argument) => cannotReject(argument, context));
}

/**
 * Whether what a combinator (`Promise.all(…)`) is given can hold a Promise that rejects: an array literal's
 * elements, or what `items.map(fn)` returns for each item, written inline or stored in a `const`. Any other array
 * (`Promise.all(tasks)` filled by `push`) is not followed and counts as rejecting: it most often holds requests.
 */
function combinedCanReject(argument: TSESTree.Node, context: RejectionContext, seen: Set<FunctionNode>): boolean {
  const value = skipTransparentWrappers(argument);
  if (value.type === AST_NODE_TYPES.ArrayExpression) {
    return value.elements.some((element) =>
      element !== null && (element.type === AST_NODE_TYPES.SpreadElement ? combinedCanReject(element.argument, context, seen) : canReject(element, context, seen)),
    );
  }
  // `Promise.all(items.map(async (item) => …))`: each element is what one call of the mapped function gives.
  const mapped = mappedFunction(value, context.sourceCode);
  return mapped ? functionCanReject(mapped, context, seen) : true;
}

/**
 * Whether calling `fn` gives a Promise that can reject: an async body that can reject, or a returned Promise that
 * can (`return request()` passes the request's rejection on, from a `try` too: it is not awaited there).
 */
export function functionCanReject(fn: FunctionNode, context: RejectionContext, seen = new Set<FunctionNode>()): boolean {
  if (seen.has(fn)) return false;
  seen.add(fn);
  if (fn.async && bodyCanReject(fn, context, seen)) return true;
  const returned = fn.body.type === AST_NODE_TYPES.BlockStatement ? ownReturnArguments(fn.body) : [fn.body];
  return returned.some((argument) => canReject(argument, context, seen));
}

/** The function of `items.map(fn)` (written there, or a same-file function by name), directly or through a `const`. */
function mappedFunction(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): FunctionNode | undefined {
  let value = skipTransparentWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier) value = skipTransparentWrappers(initializerOf(value, sourceCode) ?? value);
  if (value.type !== AST_NODE_TYPES.CallExpression || value.arguments.length !== 1) return undefined;
  const callee = skipTransparentWrappers(value.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberPropertyName(callee) !== 'map') return undefined;
  const fn = skipTransparentWrappers(value.arguments[0]!);
  return isFunctionNode(fn) ? fn : fn.type === AST_NODE_TYPES.Identifier ? localFunction(fn, sourceCode) : undefined;
}

/**
 * Whether an async function's own body can reject: an `await` of something that can reject, or a `throw`, outside
 * a `try` with a `catch`. (A synchronous throw of a call inside would reject too; like a call anywhere, it is not
 * counted, or nothing could ever be shown safe.)
 */
export function bodyCanReject(fn: FunctionNode, context: RejectionContext, seen = new Set<FunctionNode>([fn])): boolean {
  let rejects = false;
  visitOwnBody(fn.body, (node) => {
    if (rejects) return;
    if (node.type === AST_NODE_TYPES.ThrowStatement && !isGuarded(node, () => false)) rejects = true;
    if (node.type === AST_NODE_TYPES.AwaitExpression && !isGuarded(node, () => false) && canReject(node.argument, context, seen)) {
      rejects = true;
    }
  });
  return rejects;
}

/**
 * Whether running a chain link can throw: a `throw`, `await`, `new`, or a call of anything but `console`, the
 * callback, a same-file async function and the chain links on what it returns, a `Twilio.Response`'s setters and
 * a TwiML document's verbs (on one the link builds or a binding holds), `push`, and an array method whose
 * function cannot throw either. A property read is not counted: it throws only on a value that is already a bug.
 */
export function mayThrow(handler: TSESTree.Node, isCallback: (node: TSESTree.Node) => boolean, sourceCode: TSESLint.SourceCode): boolean {
  if (isCallback(handler)) return false;
  if (!isFunctionNode(handler)) return true;
  let throws = false;
  visitOwnBody(handler.body, (node) => {
    if (throws) return;
    if (node.type === AST_NODE_TYPES.ThrowStatement || node.type === AST_NODE_TYPES.AwaitExpression) {
      throws = true;
    } else if (node.type === AST_NODE_TYPES.NewExpression) {
      throws = responseObjectOf(node, sourceCode) === undefined;
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      throws = !isHarmlessCall(node, isCallback) && !isAsyncLocalCall(node, sourceCode) && !isBookkeepingCall(node, isCallback, sourceCode);
    }
  });
  return throws;
}

/** Array methods that only call the function they are given (or store a value): they throw only where it does. */
const ARRAY_ITERATIONS = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'reduce', 'flatMap']);

/**
 * `response.setBody(…)`, `twiml.message(…)` on a response object the code built; `list.push(row)`;
 * `rows.forEach((row) => …)` whose function cannot throw.
 */
function isBookkeepingCall(call: TSESTree.CallExpression, isCallback: (node: TSESTree.Node) => boolean, sourceCode: TSESLint.SourceCode): boolean {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberPropertyName(callee);
  if (method === undefined) return false;
  const kind = responseObjectOf(callee.object, sourceCode);
  if (kind !== undefined) return isNonThrowingResponseMethod(kind, method);
  if (method === 'push') return true;
  if (!ARRAY_ITERATIONS.has(method)) return false;
  const fn = call.arguments[0] && skipTransparentWrappers(call.arguments[0]);
  return fn !== undefined && isFunctionNode(fn) && !mayThrow(fn, isCallback, sourceCode);
}

/** `console.*()` and the callback never throw (or the plugin could never show a continuation safe). */
function isHarmlessCall(call: TSESTree.CallExpression, isCallback: (node: TSESTree.Node) => boolean): boolean {
  return isCallback(skipTransparentWrappers(call.callee)) || isConsoleCall(call);
}

/**
 * `helper(…)` of a same-file async function, and `.then`/`.catch`/`.finally` on it: an async function turns
 * everything its body throws into a rejection, so the call itself never throws (its arguments are judged apart).
 */
function isAsyncLocalCall(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return localFunction(callee, sourceCode)?.async === true;
  const link = chainMethodOf(call);
  const object = link && skipTransparentWrappers(link.member.object);
  return object?.type === AST_NODE_TYPES.CallExpression && isAsyncLocalCall(object, sourceCode);
}

export function containsThrow(body: TSESTree.Node): boolean {
  let found = false;
  visitOwnBody(body, (node) => {
    if (node.type === AST_NODE_TYPES.ThrowStatement) found = true;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTransparentWrappers(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberPropertyName(callee) === 'reject') {
        const object = skipTransparentWrappers(callee.object);
        if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise') found = true;
      }
    }
  });
  return found;
}


/** `try { await startSession(context, event, callback); } catch (error) { … }`: the call's rejection lands in that `catch`. */
export function isAwaitedInTry(call: TSESTree.CallExpression): boolean {
  const { parent } = transparentParent(call);
  return parent?.type === AST_NODE_TYPES.AwaitExpression && isGuarded(parent, () => false);
}
