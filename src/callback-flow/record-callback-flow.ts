import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, skipTransparentWrappers } from '../util/ast.js';
import { type CallbackBindings, bindCallback, classifyValueUse } from '../handlers/callback-bindings.js';
import { findReceivers } from '../handlers/delegates.js';
import { functionHandoff } from '../handlers/function-handoff.js';
import { findHandlers } from '../handlers/find-handlers.js';

type CodePath = TSESLint.CodePath;
type CodePathSegment = TSESLint.CodePathSegment;

/**
 * What happens on a path, in order, as far as the callback is concerned. Each code path segment of a function
 * that uses the callback gets the list of events seen while it was current; the analyses replay them.
 */
export type FlowEvent =
  /** A direct, synchronous call of the callback or an alias of it. */
  | { readonly kind: 'call'; readonly node: TSESTree.CallExpression }
  /** The callback, or a function that uses it, leaves this function's hands: someone else will call it. */
  | { readonly kind: 'handoff'; readonly node: TSESTree.Node }
  /**
   * A function that uses the callback is given to `forEach`/`map`/…: it runs once per item. If it answers on
   * only some of its paths (`if (row.id === id) callback(null, row)`), no item may answer; if it answers on all
   * of them, every item does (a duplicate, reported by no-code-after-callback).
   */
  | { readonly kind: 'perItem'; readonly node: FunctionNode }
  /** A call of a local function (or IIFE) that uses the callback; what it does is its summary. */
  | { readonly kind: 'localCall'; readonly node: TSESTree.CallExpression; readonly target: FunctionNode }
  /**
   * The callback handed to a function of the same file (`reply(context, event, callback)`): a hand-off that is
   * also a synchronous call when that function calls back on every path.
   */
  | { readonly kind: 'receiverCall'; readonly node: TSESTree.Identifier; readonly target: FunctionNode }
  /** A statement starts to run. */
  | { readonly kind: 'statement'; readonly node: TSESTree.Statement }
  /** Something that can throw inside `try { … }` with a `catch`: the catch can start from the state here. */
  | { readonly kind: 'throwable'; readonly tryStatement: TSESTree.TryStatement };

export type JumpStatement =
  | TSESTree.BreakStatement
  | TSESTree.ContinueStatement
  | TSESTree.ReturnStatement
  | TSESTree.ThrowStatement;

export interface SegmentRecord {
  readonly events: FlowEvent[];
  /** The jump that ends this segment's path, when there is one. */
  exit?: JumpStatement;
}

/** The recorded code path of one function of a handler (the handler itself or a function nested in it). */
export interface FunctionFlow {
  readonly node: FunctionNode;
  readonly codePath: CodePath;
  readonly segments: Map<CodePathSegment, SegmentRecord>;
  /** The first segments of each `catch` clause, by their `try` statement. */
  readonly catchEntries: Map<TSESTree.TryStatement, CodePathSegment[]>;
  /** The first segments of each `finally` block, by their `try` statement. */
  readonly finallyEntries: Map<TSESTree.TryStatement, CodePathSegment[]>;
  /** The segments where a `try` block or its `catch` block completes normally (falls through to `finally`). */
  readonly normalEnds: Set<CodePathSegment>;
  /** Back edges ESLint draws although they are never taken (`do { … } while (false)`), by their target. */
  readonly deadBackEdges: Map<CodePathSegment, Set<CodePathSegment>>;
  /** Direct callback calls that ESLint's code path analysis proves unreachable. */
  readonly unreachableCalls: TSESTree.CallExpression[];
}

export interface HandlerFlow {
  readonly bindings: CallbackBindings;
  readonly functions: Map<FunctionNode, FunctionFlow>;
}

interface PathContext {
  readonly flow: FunctionFlow | undefined;
  readonly handlerFlow: HandlerFlow | undefined;
  readonly currentSegments: Set<CodePathSegment>;
  /** The `try` blocks (with a `catch`) we are inside, innermost last. */
  readonly tryBlocks: TSESTree.TryStatement[];
}

/** Statements that do something when they run; blocks, labels and declarations without effect are not listed. */
const RUNNING_STATEMENTS = [
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

const THROWING_EXPRESSIONS = [
  'AwaitExpression',
  'ImportExpression',
  'MemberExpression',
  'NewExpression',
  'TaggedTemplateExpression',
  'YieldExpression',
] as const;

export interface CallbackFlowRecorder {
  readonly listeners: TSESLint.RuleListener;
  /** The recorded flows of every handler in the file; complete once the traversal has left `Program`. */
  handlerFlows(): readonly HandlerFlow[];
}

/**
 * Records, during ESLint's single traversal, the callback events of every code path segment of every handler
 * and of every function nested in it that uses the callback. The analyses run afterwards over the segment graph,
 * so nothing here depends on the number of paths.
 */
export function recordCallbackFlow(sourceCode: TSESLint.SourceCode): CallbackFlowRecorder {
  const handlerFlows = new Map<FunctionNode, HandlerFlow>();
  /** Identifiers that read the callback or an alias. */
  const callbackReads = new Set<TSESTree.Identifier>();
  /** Identifiers that read a local callback-using function, with that function. */
  const localFunctionReads = new Map<TSESTree.Identifier, FunctionNode>();
  /** Identifiers that read a wrapper's extra parameter (`handleError`): calling it answers the request. */
  const wrapperParamReads = new Set<TSESTree.Identifier>();
  /** The callback as an argument of a call of a same-file receiver, with that receiver. */
  const receiverArguments = new Map<TSESTree.Identifier, FunctionNode>();
  /** Callback calls guarded by `if (callback)` or `callback && …`, recorded at the guard. */
  const hoistedCalls = new Set<TSESTree.CallExpression>();
  const stack: PathContext[] = [];

  function prepare(): void {
    const pending = [...findHandlers(sourceCode)];
    for (let handler = pending.shift(); handler; handler = pending.shift()) {
      if (handlerFlows.has(handler.node)) continue;
      const handlerFlow: HandlerFlow = { bindings: bindCallback(handler, sourceCode), functions: new Map() };
      handlerFlows.set(handler.node, handlerFlow);
      for (const receiver of findReceivers(handlerFlow.bindings, sourceCode)) {
        receiverArguments.set(receiver.argument, receiver.handler.node);
        pending.push(receiver.handler);
      }
      for (const read of readsOf(handlerFlow.bindings.callbackVariables)) callbackReads.add(read);
      for (const read of readsOf(handler.wrapperParams)) wrapperParamReads.add(read);
      for (const [variable, fn] of handlerFlow.bindings.localFunctions) {
        for (const read of readsOf([variable])) localFunctionReads.set(read, fn);
      }
    }
  }

  function top(): PathContext | undefined {
    return stack.at(-1);
  }

  function reachableSegments(context: PathContext): CodePathSegment[] {
    return [...context.currentSegments].filter((segment) => segment.reachable);
  }

  function record(event: FlowEvent): void {
    const context = top();
    if (!context?.flow) return;
    for (const segment of reachableSegments(context)) segmentRecord(context.flow, segment).events.push(event);
  }

  function recordThrowable(): void {
    const tryStatement = top()?.tryBlocks.at(-1);
    if (tryStatement) record({ kind: 'throwable', tryStatement });
  }

  function isCallbackRead(node: TSESTree.Node): boolean {
    return node.type === AST_NODE_TYPES.Identifier && callbackReads.has(node);
  }

  function recordCallbackCall(call: TSESTree.CallExpression): void {
    const context = top();
    if (!context?.flow) return;
    if (reachableSegments(context).length === 0) {
      context.flow.unreachableCalls.push(call);
      return;
    }
    record({ kind: 'call', node: call });
  }

  /** The function a call runs, when it is a local callback-using function or an IIFE of one. */
  function localCallTarget(callee: TSESTree.Node): FunctionNode | undefined {
    if (callee.type === AST_NODE_TYPES.Identifier) return localFunctionReads.get(callee);
    if (isFunctionNode(callee) && top()?.handlerFlow?.bindings.callbackUsers.has(callee)) return callee;
    return undefined;
  }

  function onCallExit(node: TSESTree.CallExpression): void {
    if (!top()?.flow || hoistedCalls.has(node)) return;
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
    if (callee.type === AST_NODE_TYPES.Identifier && wrapperParamReads.has(callee)) {
      record({ kind: 'handoff', node });
      return;
    }
    const target = localCallTarget(callee);
    if (target) {
      record({ kind: 'localCall', node, target });
      return;
    }
    recordThrowable();
  }

  /**
   * `callback?.()` is recorded where the call starts: ESLint forks a path where the callee is nullish, but the
   * runtime always passes a callback, so that path does not exist.
   */
  function onCallEnter(node: TSESTree.CallExpression): void {
    if (node.optional && isCallbackRead(skipTransparentWrappers(node.callee)) && !hoistedCalls.has(node)) {
      recordCallbackCall(node);
    }
  }

  function onIdentifier(node: TSESTree.Identifier): void {
    if (!top()?.flow) return;
    if (!callbackReads.has(node) && !localFunctionReads.has(node)) return;
    if (classifyValueUse(node).kind !== 'handoff') return;
    const receiver = receiverArguments.get(node);
    record(receiver ? { kind: 'receiverCall', node, target: receiver } : { kind: 'handoff', node });
  }

  /** A nested function is recorded when it uses the callback; passing it on is a hand-off of the callback. */
  function onCodePathStart(codePath: CodePath, node: TSESTree.Node): void {
    const outer = top();
    let handlerFlow = isFunctionNode(node) ? handlerFlows.get(node) : undefined;
    if (!handlerFlow && isFunctionNode(node) && outer?.handlerFlow?.bindings.callbackUsers.has(node)) {
      handlerFlow = outer.handlerFlow;
      if (node.type !== AST_NODE_TYPES.FunctionDeclaration && classifyValueUse(node).kind === 'handoff') {
        record(functionHandoff(node)?.kind === 'perItem' ? { kind: 'perItem', node } : { kind: 'handoff', node });
      }
    }
    let flow: FunctionFlow | undefined;
    if (handlerFlow && isFunctionNode(node)) {
      flow = {
        node,
        codePath,
        segments: new Map(),
        catchEntries: new Map(),
        finallyEntries: new Map(),
        normalEnds: new Set(),
        deadBackEdges: new Map(),
        unreachableCalls: [],
      };
      handlerFlow.functions.set(node, flow);
    }
    stack.push({ flow, handlerFlow: flow ? handlerFlow : outer?.handlerFlow, currentSegments: new Set(), tryBlocks: [] });
  }

  function onSegmentStart(segment: CodePathSegment, node: TSESTree.Node): void {
    const context = top();
    if (!context) return;
    context.currentSegments.add(segment);
    if (!context.flow || !segment.reachable) return;
    if (node.type === AST_NODE_TYPES.CatchClause) {
      addEntry(context.flow.catchEntries, node.parent, segment);
    } else if (node.parent?.type === AST_NODE_TYPES.TryStatement && node.parent.finalizer === node) {
      addEntry(context.flow.finallyEntries, node.parent, segment);
    }
  }

  /** ESLint knows `while (true)` but not `do { … } while (false)`, the "run once, break out early" idiom. */
  function onSegmentLoop(from: CodePathSegment, to: CodePathSegment, node: TSESTree.Node): void {
    const flow = top()?.flow;
    if (!flow || node.type !== AST_NODE_TYPES.DoWhileStatement) return;
    const test = skipTransparentWrappers(node.test);
    if (test.type !== AST_NODE_TYPES.Literal || test.value) return;
    const sources = flow.deadBackEdges.get(to) ?? new Set();
    sources.add(from);
    flow.deadBackEdges.set(to, sources);
  }

  function onSegmentEnd(segment: CodePathSegment): void {
    top()?.currentSegments.delete(segment);
  }

  /** ESLint ends the segment after the listeners of a jump ran, so the current segments are the ones it ends. */
  function onJump(node: JumpStatement): void {
    const context = top();
    if (!context?.flow) return;
    for (const segment of reachableSegments(context)) segmentRecord(context.flow, segment).exit = node;
  }

  function onBlock(node: TSESTree.BlockStatement): void {
    const parent = node.parent;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === node && parent.handler) {
      top()?.tryBlocks.push(parent);
    }
  }

  function onBlockExit(node: TSESTree.BlockStatement): void {
    const context = top();
    const parent = node.parent;
    const tryStatement = parent.type === AST_NODE_TYPES.CatchClause ? parent.parent : parent;
    if (context?.flow && tryStatement.type === AST_NODE_TYPES.TryStatement && tryStatement.finalizer && tryStatement.finalizer !== node) {
      for (const segment of reachableSegments(context)) context.flow.normalEnds.add(segment);
    }
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === node && parent.handler) {
      context?.tryBlocks.pop();
    }
  }

  /** `callback && callback()` and `if (callback) callback()`: the runtime always passes a callback. */
  function hoistGuardedCall(guard: TSESTree.Node, guarded: TSESTree.Node | null | undefined): void {
    if (!top()?.flow || !guarded || !isPresenceTest(guard, isCallbackRead)) return;
    const call = guardedCallbackCall(guarded, isCallbackRead);
    if (!call || hoistedCalls.has(call)) return;
    hoistedCalls.add(call);
    recordCallbackCall(call);
  }

  const listeners: Record<string, unknown> = {
    Program: prepare,
    onCodePathStart,
    onCodePathEnd: () => void stack.pop(),
    onCodePathSegmentStart: onSegmentStart,
    onCodePathSegmentEnd: onSegmentEnd,
    onCodePathSegmentLoop: onSegmentLoop,
    onUnreachableCodePathSegmentStart: onSegmentStart,
    onUnreachableCodePathSegmentEnd: onSegmentEnd,
    CallExpression: onCallEnter,
    'CallExpression:exit': onCallExit,
    Identifier: onIdentifier,
    BlockStatement: onBlock,
    'BlockStatement:exit': onBlockExit,
    'BreakStatement:exit': onJump,
    'ContinueStatement:exit': onJump,
    'ReturnStatement:exit': onJump,
    'ThrowStatement:exit': onJump,
    IfStatement: (node: TSESTree.IfStatement) => {
      record({ kind: 'statement', node });
      if (!node.alternate) hoistGuardedCall(node.test, node.consequent);
    },
    LogicalExpression: (node: TSESTree.LogicalExpression) => {
      if (node.operator === '&&') hoistGuardedCall(node.left, node.right);
    },
    ThrowStatement: (node: TSESTree.ThrowStatement) => {
      record({ kind: 'statement', node });
      recordThrowable();
    },
  };
  for (const type of RUNNING_STATEMENTS) {
    listeners[type] ??= (node: TSESTree.Statement) => {
      if (!isLoopHead(node)) record({ kind: 'statement', node });
    };
  }
  for (const type of THROWING_EXPRESSIONS) {
    listeners[`${type}:exit`] = recordThrowable;
  }

  return {
    listeners: listeners as TSESLint.RuleListener,
    handlerFlows: () => [...handlerFlows.values()],
  };
}

/** The identifiers that read any of the variables. */
export function readsOf(variables: Iterable<TSESLint.Scope.Variable>): TSESTree.Identifier[] {
  const reads: TSESTree.Identifier[] = [];
  for (const variable of variables) {
    for (const reference of variable.references) {
      if (reference.isRead()) reads.push(reference.identifier as TSESTree.Identifier);
    }
  }
  return reads;
}

function addEntry(
  entries: Map<TSESTree.TryStatement, CodePathSegment[]>,
  tryStatement: TSESTree.TryStatement,
  segment: CodePathSegment,
): void {
  const list = entries.get(tryStatement);
  if (list) list.push(segment);
  else entries.set(tryStatement, [segment]);
}

function segmentRecord(flow: FunctionFlow, segment: CodePathSegment): SegmentRecord {
  let segmentRecordValue = flow.segments.get(segment);
  if (!segmentRecordValue) {
    segmentRecordValue = { events: [] };
    flow.segments.set(segment, segmentRecordValue);
  }
  return segmentRecordValue;
}

/** `for (let i = 0; …)`'s declaration is part of the loop's head, not a statement of its own. */
function isLoopHead(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (
    (parent?.type === AST_NODE_TYPES.ForStatement && parent.init === node) ||
    ((parent?.type === AST_NODE_TYPES.ForInStatement || parent?.type === AST_NODE_TYPES.ForOfStatement) && parent.left === node)
  );
}

/** `callback`, `typeof callback === 'function'`, `callback != null`, `callback !== undefined`. */
function isPresenceTest(node: TSESTree.Node, isCallback: (node: TSESTree.Node) => boolean): boolean {
  const test = skipTransparentWrappers(node);
  if (isCallback(test)) return true;
  if (test.type !== AST_NODE_TYPES.BinaryExpression) return false;
  const { left, right, operator } = test;
  if (operator === '===' || operator === '==') {
    return [left, right].some((side) => side.type === AST_NODE_TYPES.UnaryExpression && side.operator === 'typeof' && isCallback(side.argument)) &&
      [left, right].some((side) => side.type === AST_NODE_TYPES.Literal && side.value === 'function');
  }
  if (operator === '!==' || operator === '!=') {
    return [left, right].some((side) => isCallback(side)) &&
      [left, right].some((side) => (side.type === AST_NODE_TYPES.Literal && side.value === null) || (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined'));
  }
  return false;
}

/** The callback call that is the whole of a guarded expression or statement. */
function guardedCallbackCall(
  node: TSESTree.Node,
  isCallback: (node: TSESTree.Node) => boolean,
): TSESTree.CallExpression | undefined {
  let current: TSESTree.Node | null | undefined = node;
  if (current.type === AST_NODE_TYPES.BlockStatement) current = current.body.length === 1 ? current.body[0] : undefined;
  if (current?.type === AST_NODE_TYPES.ExpressionStatement) current = current.expression;
  else if (current?.type === AST_NODE_TYPES.ReturnStatement) current = current.argument;
  if (!current) return undefined;
  current = skipTransparentWrappers(current);
  return current.type === AST_NODE_TYPES.CallExpression && isCallback(skipTransparentWrappers(current.callee))
    ? current
    : undefined;
}
