import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { HelperCall } from '../cross-file/helper-summary.js';
import type { SegmentRecorder } from '../dataflow/segment-recorder.js';
import { classifyValueUse } from '../handlers/callback-bindings.js';
import { functionHandoff } from '../handlers/function-handoff.js';
import { type FunctionNode, isConsoleCall, isFunctionNode, skipTransparentWrappers } from '../util/ast.js';
import type { Responder } from '../handlers/responder-factories.js';
import { isNonThrowingResponseMethod, type ResponseObject, responseObjectReadsOf } from '../twilio-values/response-values.js';
import type { FlowEvent, FunctionFlow, HandlerFlow } from './flow-events.js';
import { guardedCallbackCall, isPresenceTest } from './guarded-call.js';

/** What the event classification knows about names, gathered once the handlers are found. */
export interface CallbackReads {
  /** Identifiers that read the callback or an alias. */
  readonly callbackReads: Set<TSESTree.Identifier>;
  /** Identifiers that read a local callback-using function, with that function. */
  readonly localFunctionReads: Map<TSESTree.Identifier, FunctionNode>;
  /** Identifiers that read a wrapper's extra parameter (`handleError`): calling it answers the request. */
  readonly wrapperParamReads: Set<TSESTree.Identifier>;
  /** The callback as an argument of a call of a same-file receiver, with that receiver. */
  readonly receiverArguments: Map<TSESTree.Identifier, FunctionNode>;
  /** Identifiers that read a function made from the callback, with where it was made. */
  readonly responderReads: Map<TSESTree.Identifier, Responder>;
  /** The callback as the argument of a factory whose made function answers: the answer comes where it is called. */
  readonly factoryArguments: Set<TSESTree.Identifier>;
  /** Reads of names no scope declares and the runtime does not provide: each throws a ReferenceError. */
  readonly undeclaredReads: ReadonlySet<TSESTree.Identifier>;
  /**
   * Reads of a variable that always holds a `new Twilio.Response()` or TwiML document: reading its members or
   * calling its setters and verbs cannot throw into a `catch`. Filled in as the traversal leaves each `new`, which
   * comes before the reads (a variable read before its declaration is a TDZ error or `undefined`, and not listed).
   */
  readonly responseObjectReads: Map<TSESTree.Identifier, ResponseObject>;
  /** The callback as an argument of a call of another project file's export, with what that export does. */
  readonly helperArguments: Map<TSESTree.Identifier, HelperCall>;
}

/** Statements that do something when they run; blocks, labels and declarations without effect are not listed. */
export const RUNNING_STATEMENTS = [
  'ClassDeclaration',
  'DoWhileStatement',
  'ExpressionStatement',
  'ForInStatement',
  'ForOfStatement',
  'ForStatement',
  'IfStatement',
  'ReturnStatement',
  'SwitchStatement',
  'ThrowStatement',
  'TryStatement',
  'VariableDeclaration',
  'WhileStatement',
  'WithStatement',
] as const;

/** Expressions that can throw into a `catch` once they have run (at their exit). */
export const THROWING_EXPRESSIONS = [
  'AwaitExpression',
  'ImportExpression',
  'MemberExpression',
  'NewExpression',
  'TaggedTemplateExpression',
  'YieldExpression',
] as const;

/**
 * What turns nodes into callback events, by the node it runs on: a fixed set of functions (not a listener object
 * keyed by selector), dispatched by node type in `recording-listeners.ts`.
 */
export interface CallbackEventHooks {
  readonly onCallEnter: (node: TSESTree.CallExpression) => void;
  readonly onCallExit: (node: TSESTree.CallExpression) => void;
  readonly onIdentifier: (node: TSESTree.Identifier) => void;
  readonly onIfStatement: (node: TSESTree.IfStatement) => void;
  readonly onLogicalExpression: (node: TSESTree.LogicalExpression) => void;
  readonly onThrowStatement: (node: TSESTree.ThrowStatement) => void;
  /** Every other statement of `RUNNING_STATEMENTS`, on entry. */
  readonly onStatement: (node: TSESTree.Statement) => void;
  /** At the exit of every expression of `THROWING_EXPRESSIONS`. */
  readonly onThrowingExpressionExit: (node: TSESTree.Node) => void;
  readonly onNewExpressionExit: (node: TSESTree.NewExpression) => void;
}

/**
 * The hooks that turn nodes into callback events: calls of the callback (and of local functions that use
 * it), hand-offs, statements, and the points that can throw into a `catch`.
 */
export function callbackEventHooks(
  segments: SegmentRecorder<FlowEvent, FunctionFlow>,
  reads: CallbackReads,
  handlerFlowOf: (flow: FunctionFlow) => HandlerFlow | undefined,
  sourceCode: TSESLint.SourceCode,
): CallbackEventHooks {
  /** Callback calls guarded by `if (callback)` or `callback && …`, recorded at the guard. */
  const hoistedCalls = new Set<TSESTree.CallExpression>();

  function isCallbackRead(node: TSESTree.Node): boolean {
    return node.type === AST_NODE_TYPES.Identifier && reads.callbackReads.has(node);
  }

  function recordCallbackCall(call: TSESTree.CallExpression): void {
    const flow = segments.current();
    if (!flow) return;
    if (!segments.isReachable()) {
      flow.unreachableCalls.push(call);
      return;
    }
    segments.record({ kind: 'call', node: call });
  }

  /** The function a call runs, when it is a local callback-using function or an IIFE of one. */
  function localCallTarget(callee: TSESTree.Node, flow: FunctionFlow): FunctionNode | undefined {
    if (callee.type === AST_NODE_TYPES.Identifier) return reads.localFunctionReads.get(callee);
    if (isFunctionNode(callee) && handlerFlowOf(flow)?.bindings.callbackUsers.has(callee)) return callee;
    return undefined;
  }

  function onCallExit(node: TSESTree.CallExpression): void {
    const flow = segments.current();
    if (!flow || hoistedCalls.has(node)) return;
    const callee = skipTransparentWrappers(node.callee);
    if (isCallbackRead(callee)) {
      if (!node.optional) recordCallbackCall(node);
      return;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && isCallbackRead(skipTransparentWrappers(callee.object))) {
      const use = classifyValueUse(skipTransparentWrappers(callee.object));
      if (use.kind === 'call' && use.call === node) {
        recordCallbackCall(node);
        return;
      }
    }
    const responder = callee.type === AST_NODE_TYPES.Identifier ? reads.responderReads.get(callee) : undefined;
    if (responder) {
      if (segments.isReachable()) segments.record({ kind: 'responderCall', node, responder });
      return;
    }
    if (callee.type === AST_NODE_TYPES.Identifier && reads.wrapperParamReads.has(callee)) {
      segments.record({ kind: 'handoff', node });
      return;
    }
    const target = localCallTarget(callee, flow);
    if (target) {
      segments.record({ kind: 'localCall', node, target });
      return;
    }
    if (handsOnCallback(node) || isNonThrowingResponseCall(callee) || isConsoleCall(node)) return;
    segments.recordThrowable(perItemFunctionsNeverThrow(node, flow));
  }

  /**
   * `rows.forEach((row) => { if (row.id === id) callback(null, row); })`: once an item has answered, the call
   * can throw only from its function, in a later item. When every function it is given is recorded here and
   * throws at most on a property read, so does the call.
   */
  function perItemFunctionsNeverThrow(node: TSESTree.CallExpression, flow: FunctionFlow): boolean {
    let perItem = false;
    for (const argument of node.arguments) {
      if (!isFunctionNode(argument)) continue;
      const itemFlow = handlerFlowOf(flow)?.functions.get(argument);
      if (!itemFlow || itemFlow.mayThrow || functionHandoff(argument)?.kind !== 'perItem') return false;
      perItem = true;
    }
    return perItem;
  }

  /** `response.setStatusCode(404)`, `twiml.say(…)`: a setter or verb of a response object the handler built. */
  function isNonThrowingResponseCall(callee: TSESTree.Node): boolean {
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
    const kind = responseObjectOf(callee.object);
    return kind !== undefined && isNonThrowingResponseMethod(kind, callee.property.name);
  }

  function isConsoleObject(node: TSESTree.Node): boolean {
    return node.type === AST_NODE_TYPES.Identifier && node.name === 'console';
  }

  function responseObjectOf(node: TSESTree.Node): ResponseObject | undefined {
    return node.type === AST_NODE_TYPES.Identifier && reads.responseObjectReads.size > 0 ? reads.responseObjectReads.get(node) : undefined;
  }

  /**
   * `helper(…, callback)`: the call can throw before the helper answers (recorded where the call starts), but a
   * helper that answers and then throws is not a path worth a report, so its end is no throw point.
   */
  function handsOnCallback(node: TSESTree.CallExpression): boolean {
    // A plain loop: this runs twice for every call of the file, and a closure per call is garbage.
    for (const argument of node.arguments) {
      const value = skipTransparentWrappers(argument);
      if (value.type === AST_NODE_TYPES.Identifier && (reads.callbackReads.has(value) || reads.localFunctionReads.has(value))) return true;
    }
    return false;
  }

  /**
   * A call that hands the callback on throws, if at all, before the helper answers: its throw point is here.
   * `callback?.()` is recorded where the call starts: ESLint forks a path where the callee is nullish, but the
   * runtime always passes a callback, so that path does not exist.
   */
  function onCallEnter(node: TSESTree.CallExpression): void {
    // Outside a recorded function nothing is recorded (it runs for every call of the file).
    if (!segments.current()) return;
    if (handsOnCallback(node)) segments.recordThrowable();
    if (node.optional && isCallbackRead(skipTransparentWrappers(node.callee)) && !hoistedCalls.has(node)) {
      recordCallbackCall(node);
    }
  }

  /**
   * Every identifier `onIdentifier` can record an event for, in one set: it runs for every identifier of the file,
   * and almost none of them is one of these, so one look-up turns them away instead of five. Built on the first
   * identifier, after the handlers' reads are known (they are gathered at `Program`, and never change afterwards).
   */
  let watched: Set<TSESTree.Identifier> | undefined;
  function watchedIdentifiers(): Set<TSESTree.Identifier> {
    const union = new Set<TSESTree.Identifier>(reads.undeclaredReads);
    for (const read of reads.callbackReads) union.add(read);
    for (const read of reads.localFunctionReads.keys()) union.add(read);
    for (const read of reads.responderReads.keys()) union.add(read);
    return union;
  }

  function onIdentifier(node: TSESTree.Identifier): void {
    if (!(watched ??= watchedIdentifiers()).has(node)) return;
    if (!segments.current() || reads.factoryArguments.has(node)) return;
    if (reads.undeclaredReads.has(node)) {
      // Into a `catch` from the state before the read; the path itself ends here.
      segments.recordThrowable();
      segments.record({ kind: 'throws', node });
      return;
    }
    if (!reads.callbackReads.has(node) && !reads.localFunctionReads.has(node) && !reads.responderReads.has(node)) return;
    if (classifyValueUse(node).kind !== 'handoff') return;
    const helper = reads.helperArguments.get(node);
    if (helper) {
      // A guard's answer is recorded on the branch that runs when it called back (see recordStatement).
      if (!helper.answeredBranch) segments.record({ kind: 'helperCall', node, helper });
      return;
    }
    const receiver = reads.receiverArguments.get(node);
    segments.record(receiver ? { kind: 'receiverCall', node, target: receiver } : { kind: 'handoff', node });
  }

  /** `callback && callback()` and `if (callback) callback()`: the runtime always passes a callback. */
  function hoistGuardedCall(guard: TSESTree.Node, guarded: TSESTree.Node | null | undefined): void {
    if (!segments.current() || !guarded || !isPresenceTest(guard, isCallbackRead)) return;
    const call = guardedCallbackCall(guarded, isCallbackRead);
    if (!call || hoistedCalls.has(call)) return;
    hoistedCalls.add(call);
    recordCallbackCall(call);
  }

  /** The first statement of each branch that runs when a guard helper of another file called back (known once the handlers are). */
  let guardBranches: Map<TSESTree.Node, { node: TSESTree.Identifier; helper: HelperCall }> | undefined;
  function guardAt(node: TSESTree.Node): { node: TSESTree.Identifier; helper: HelperCall } | undefined {
    if (!guardBranches) {
      guardBranches = new Map();
      for (const [argument, helper] of reads.helperArguments) {
        if (helper.answeredBranch) guardBranches.set(helper.answeredBranch, { node: argument, helper });
      }
    }
    return guardBranches.size > 0 ? guardBranches.get(node) : undefined;
  }

  function recordStatement(node: TSESTree.Statement): void {
    const guard = reads.helperArguments.size > 0 ? guardAt(node) : undefined;
    if (guard) segments.record({ kind: 'helperCall', ...guard });
    segments.record({ kind: 'statement', node });
  }

  // `await helper(…, callback)`: like the call's own end, a helper that answers and then rejects is not a path worth a
  // report (its rejection before it answers is the throw point recorded where the call starts).
  function onThrowingExpression(node: TSESTree.Node): void {
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      // A member of an object the handler built, or of `console`, is read without a TypeError.
      if (!responseObjectOf(node.object) && !isConsoleObject(node.object)) segments.recordThrowable(true);
      return;
    }
    if (node.type === AST_NODE_TYPES.AwaitExpression) {
      const awaited = skipTransparentWrappers(node.argument);
      if (awaited.type === AST_NODE_TYPES.CallExpression && handsOnCallback(awaited)) return;
    }
    segments.recordThrowable();
  }

  return {
    onCallEnter,
    onCallExit,
    onIdentifier,
    onIfStatement(node) {
      recordStatement(node);
      if (!node.alternate) hoistGuardedCall(node.test, node.consequent);
    },
    onLogicalExpression(node) {
      if (node.operator === '&&') hoistGuardedCall(node.left, node.right);
    },
    onThrowStatement(node) {
      recordStatement(node);
      segments.recordThrowable();
    },
    onStatement(node) {
      if (!isLoopHead(node)) recordStatement(node);
    },
    onThrowingExpressionExit: onThrowingExpression,
    onNewExpressionExit(node) {
      if (!segments.current()) return;
      const found = responseObjectReadsOf(node, sourceCode);
      if (found) for (const read of found.reads) reads.responseObjectReads.set(read, found.kind);
    },
  };
}

/** `for (let i = 0; …)`'s declaration is part of the loop's head, not a statement of its own. */
function isLoopHead(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (
    (parent?.type === AST_NODE_TYPES.ForStatement && parent.init === node) ||
    ((parent?.type === AST_NODE_TYPES.ForInStatement || parent?.type === AST_NODE_TYPES.ForOfStatement) && parent.left === node)
  );
}
