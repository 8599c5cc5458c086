import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { FunctionNode } from '../util/ast.js';

type CodePath = TSESLint.CodePath;
type CodePathSegment = TSESLint.CodePathSegment;

export type JumpStatement =
  | TSESTree.BreakStatement
  | TSESTree.ContinueStatement
  | TSESTree.ReturnStatement
  | TSESTree.ThrowStatement;

/**
 * Something that can throw inside `try { … }` with a `catch`: the catch can start from the state here. Every
 * engine's event list may hold these; the solver treats them itself and never hands them to a transfer function.
 */
export interface ThrowableEvent {
  readonly kind: 'throwable';
  readonly tryStatement: TSESTree.TryStatement;
  /**
   * A property read (`record.fields`), or a call whose only way to throw is one: it throws only on a value that
   * is `null` or `undefined`. An engine may decide such a point does not lead into the `catch` (see `atThrow`).
   */
  readonly propertyRead: boolean;
}

/** Every recorded event names its kind; the engines' unions add their own. */
export interface SegmentEvent {
  readonly kind: string;
}

export interface SegmentRecord<Event extends SegmentEvent> {
  readonly events: (Event | ThrowableEvent)[];
  /** The jump that ends this segment's path, when there is one. */
  exit?: JumpStatement;
}

/**
 * One function's code path as recorded during ESLint's traversal: its segments with their events in order, and
 * what the solver needs to know about `try` statements and loops that the segment graph itself does not say.
 */
export interface FunctionGraph<Event extends SegmentEvent> {
  readonly node: FunctionNode;
  readonly codePath: CodePath;
  readonly segments: Map<CodePathSegment, SegmentRecord<Event>>;
  /** The first segments of each `catch` clause, by their `try` statement. */
  readonly catchEntries: Map<TSESTree.TryStatement, CodePathSegment[]>;
  /** The first segments of each `finally` block, by their `try` statement. */
  readonly finallyEntries: Map<TSESTree.TryStatement, CodePathSegment[]>;
  /** The segments where a `try` block or its `catch` block completes normally (falls through to `finally`). */
  readonly normalEnds: Set<CodePathSegment>;
  /** Back edges ESLint draws although they are never taken (`do { … } while (false)`), by their target. */
  readonly deadBackEdges: Map<CodePathSegment, Set<CodePathSegment>>;
  /** Whether the function has a point that can throw other than a property read, inside a `try` or not. */
  mayThrow: boolean;
}

export function emptyGraph<Event extends SegmentEvent>(node: FunctionNode, codePath: CodePath): FunctionGraph<Event> {
  return {
    node,
    codePath,
    segments: new Map(),
    catchEntries: new Map(),
    finallyEntries: new Map(),
    normalEnds: new Set(),
    deadBackEdges: new Map(),
    mayThrow: false,
  };
}

export function segmentRecord<Event extends SegmentEvent>(
  graph: FunctionGraph<Event>,
  segment: CodePathSegment,
): SegmentRecord<Event> {
  let record = graph.segments.get(segment);
  if (!record) {
    record = { events: [] };
    graph.segments.set(segment, record);
  }
  return record;
}
