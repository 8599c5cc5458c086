import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, skipTransparentWrappers } from '../util/ast.js';
import { type FunctionGraph, type JumpStatement, type SegmentEvent, segmentRecord, type ThrowableEvent } from './segment-graph.js';

type CodePath = TSESLint.CodePath;
type CodePathSegment = TSESLint.CodePathSegment;

interface PathContext<Graph> {
  readonly graph: Graph | undefined;
  readonly currentSegments: Set<CodePathSegment>;
  /** The `try` blocks (with a `catch`) we are inside, innermost last. */
  readonly tryBlocks: TSESTree.TryStatement[];
}

/**
 * What the recorder does on ESLint's code path events and on the few node events that shape the graph (`try`
 * blocks, jumps): a fixed set of functions rather than a listener object keyed by selector, so that the file's
 * listeners can be dispatched by node type without merging objects anew for every file (`recording-listeners.ts`).
 */
export interface SegmentHooks {
  readonly onCodePathStart: (codePath: CodePath, node: TSESTree.Node) => void;
  readonly onCodePathEnd: () => void;
  /** Reachable and unreachable segments alike. */
  readonly onSegmentStart: (segment: CodePathSegment, node: TSESTree.Node) => void;
  readonly onSegmentEnd: (segment: CodePathSegment) => void;
  readonly onSegmentLoop: (from: CodePathSegment, to: CodePathSegment, node: TSESTree.Node) => void;
  /** At the exit of `break`, `continue`, `return` and `throw`. */
  readonly onJump: (node: JumpStatement) => void;
  readonly onBlock: (node: TSESTree.BlockStatement) => void;
  readonly onBlockExit: (node: TSESTree.BlockStatement) => void;
}

export interface SegmentRecorder<Event extends SegmentEvent, Graph extends FunctionGraph<Event>> {
  readonly hooks: SegmentHooks;
  /** The graph of the innermost function, when that function is recorded. */
  current(): Graph | undefined;
  /** Appends the event to every reachable current segment of the innermost function, when it is recorded. */
  record(event: Event): void;
  /**
   * Notes a point that can throw into the innermost enclosing `try` with a `catch`, if any; `propertyRead`: it
   * throws only when a value is nullish (see `ThrowableEvent`).
   */
  recordThrowable(propertyRead?: boolean): void;
  /** Whether the innermost function is recorded and the code being traversed can run. */
  isReachable(): boolean;
}

/**
 * Records, during ESLint's single traversal, the segments of every function that `startFunction` gives a graph
 * to, with the bookkeeping the solver needs for `try`/`catch`/`finally` and `do … while (false)`. What the events
 * are is the engines' business: they call `record` from their own listeners.
 *
 * `startFunction` runs when a function's code path starts, before it becomes current, so it can still record an
 * event (a hand-off of the new function) in the function around it.
 */
/**
 * The context of every function that is not recorded (and of the program): nothing is tracked for it, so it is
 * shared and never changed — most functions of a file are not recorded, and each would otherwise get a set and an
 * array of its own, and a set update on every segment it starts and ends.
 */
const UNRECORDED: PathContext<never> = { graph: undefined, currentSegments: new Set(), tryBlocks: [] };

export function createSegmentRecorder<Event extends SegmentEvent, Graph extends FunctionGraph<Event>>(
  startFunction: (node: FunctionNode, codePath: CodePath) => Graph | undefined,
): SegmentRecorder<Event, Graph> {
  const stack: PathContext<Graph>[] = [];

  function top(): PathContext<Graph> | undefined {
    return stack.at(-1);
  }

  // These run for every statement, call and member access of a recorded function: no allocation on the way.
  function record(event: Event | ThrowableEvent): void {
    const context = top();
    if (!context?.graph) return;
    for (const segment of context.currentSegments) {
      if (segment.reachable) segmentRecord(context.graph, segment).events.push(event);
    }
  }

  /**
   * Two event objects per `try` (a property read, anything else): every member access and call inside it records
   * one, so they are not allocated anew.
   */
  const throwableEvents = new Map<TSESTree.TryStatement, readonly [ThrowableEvent, ThrowableEvent]>();

  function recordThrowable(propertyRead = false): void {
    const context = top();
    if (!context?.graph) return;
    if (!propertyRead) context.graph.mayThrow = true;
    const tryStatement = context.tryBlocks.at(-1);
    if (!tryStatement) return;
    let events = throwableEvents.get(tryStatement);
    if (!events) {
      events = [{ kind: 'throwable', tryStatement, propertyRead: false }, { kind: 'throwable', tryStatement, propertyRead: true }];
      throwableEvents.set(tryStatement, events);
    }
    record(events[propertyRead ? 1 : 0]);
  }

  function isReachable(): boolean {
    const context = top();
    if (!context?.graph) return false;
    for (const segment of context.currentSegments) if (segment.reachable) return true;
    return false;
  }

  function onCodePathStart(codePath: CodePath, node: TSESTree.Node): void {
    const graph = isFunctionNode(node) ? startFunction(node, codePath) : undefined;
    stack.push(graph ? { graph, currentSegments: new Set(), tryBlocks: [] } : UNRECORDED);
  }

  function onSegmentStart(segment: CodePathSegment, node: TSESTree.Node): void {
    const context = top();
    if (!context?.graph) return;
    context.currentSegments.add(segment);
    if (!segment.reachable) return;
    if (node.type === AST_NODE_TYPES.CatchClause) {
      addEntry(context.graph.catchEntries, node.parent, segment);
    } else if (node.parent?.type === AST_NODE_TYPES.TryStatement && node.parent.finalizer === node) {
      addEntry(context.graph.finallyEntries, node.parent, segment);
    }
  }

  function onSegmentEnd(segment: CodePathSegment): void {
    const context = top();
    if (context?.graph) context.currentSegments.delete(segment);
  }

  /** ESLint knows `while (true)` but not `do { … } while (false)`, the "run once, break out early" idiom. */
  function onSegmentLoop(from: CodePathSegment, to: CodePathSegment, node: TSESTree.Node): void {
    const graph = top()?.graph;
    if (!graph || node.type !== AST_NODE_TYPES.DoWhileStatement) return;
    const test = skipTransparentWrappers(node.test);
    if (test.type !== AST_NODE_TYPES.Literal || test.value) return;
    const sources = graph.deadBackEdges.get(to) ?? new Set();
    sources.add(from);
    graph.deadBackEdges.set(to, sources);
  }

  /** ESLint ends the segment after the listeners of a jump ran, so the current segments are the ones it ends. */
  function onJump(node: JumpStatement): void {
    const context = top();
    if (!context?.graph) return;
    for (const segment of context.currentSegments) if (segment.reachable) segmentRecord(context.graph, segment).exit = node;
  }

  function onBlock(node: TSESTree.BlockStatement): void {
    const context = top();
    const parent = node.parent;
    if (context?.graph && parent.type === AST_NODE_TYPES.TryStatement && parent.block === node && parent.handler) {
      context.tryBlocks.push(parent);
    }
  }

  function onBlockExit(node: TSESTree.BlockStatement): void {
    const context = top();
    if (!context?.graph) return;
    const parent = node.parent;
    const tryStatement = parent.type === AST_NODE_TYPES.CatchClause ? parent.parent : parent;
    if (tryStatement.type === AST_NODE_TYPES.TryStatement && tryStatement.finalizer && tryStatement.finalizer !== node) {
      for (const segment of context.currentSegments) if (segment.reachable) context.graph.normalEnds.add(segment);
    }
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === node && parent.handler) {
      context.tryBlocks.pop();
    }
  }

  return {
    hooks: {
      onCodePathStart,
      onCodePathEnd: () => void stack.pop(),
      onSegmentStart,
      onSegmentEnd,
      onSegmentLoop,
      onJump,
      onBlock,
      onBlockExit,
    },
    current: () => top()?.graph,
    record,
    recordThrowable,
    isReachable,
  };
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
