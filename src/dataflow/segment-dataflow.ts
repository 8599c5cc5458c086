import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { FunctionGraph, SegmentEvent, ThrowableEvent } from './segment-graph.js';

type CodePathSegment = TSESLint.CodePathSegment;

/**
 * A forward dataflow problem over one function's code path segments. States only grow along the lattice,
 * so the fixpoint is reached after a number of passes bounded by the lattice height, whatever the number of paths.
 */
export interface ForwardProblem<State extends NonNullable<unknown>, Event extends SegmentEvent> {
  /** The state where the function starts. */
  readonly entry: State;
  join(a: State, b: State): State;
  equals(a: State, b: State): boolean;
  /** The state after `event`; `report` is only given on the final replay, never while solving. */
  transfer(state: State, event: Event, report?: boolean): State;
  /**
   * The state a `catch` clause takes from a point of its `try` that can throw (the state itself when absent), or
   * undefined when the problem holds that the point does not throw in that state (see `ThrowableEvent.propertyRead`).
   */
  atThrow?(state: State, event: ThrowableEvent): State | undefined;
}

export interface Solution<State extends NonNullable<unknown>> {
  /** The state at the start of each reached segment; a segment absent here is reached by no path. */
  readonly inStates: ReadonlyMap<CodePathSegment, State>;
  readonly outStates: ReadonlyMap<CodePathSegment, State>;
}

const NO_EVENTS: readonly never[] = [];

/**
 * Solves `problem` over `flow`, visiting the segments round-robin in reverse post-order until nothing changes:
 * every forward edge is seen in the same round, so the number of rounds is bounded by the loop nesting depth, and
 * each round is linear in the number of segments. A `catch` clause does not take the state at
 * the end of its `try` (ESLint's graph approximates it so), but the join of the states at every point of the
 * `try` block that can throw: the callback itself never throws, so `try { callback(null, x) } catch (e) { callback(e) }`
 * cannot call back twice, and a `try` with nothing that throws has a dead `catch`.
 */
export function solveForward<State extends NonNullable<unknown>, Event extends SegmentEvent>(
  flow: FunctionGraph<Event>,
  problem: ForwardProblem<State, Event>,
): Solution<State> {
  const { order, indexOf, catchEntryOf, finallyEntries } = topologyOf(flow);
  const inStates = new Map<CodePathSegment, State>();
  const outStates = new Map<CodePathSegment, State>();
  const catchStates = new Map<TSESTree.TryStatement, State>();
  // Pending segments by their place in `order`; every reached segment starts pending.
  const dirty = new Uint8Array(order.length).fill(1);
  let pending = order.length;

  function enqueue(segment: CodePathSegment): void {
    const index = indexOf.get(segment);
    if (index !== undefined && dirty[index] === 0) {
      dirty[index] = 1;
      pending++;
    }
  }

  function inStateOf(segment: CodePathSegment): State | undefined {
    const tryStatement = catchEntryOf.get(segment);
    if (tryStatement) return catchStates.get(tryStatement);
    if (segment === flow.codePath.initialSegment) return problem.entry;
    const isLeavingCopy = finallyEntries.has(segment) && segment.prevSegments.some((other) => !flow.normalEnds.has(other));
    const deadSources = flow.deadBackEdges.get(segment);
    let state: State | undefined;
    for (const previous of segment.prevSegments) {
      if (isLeavingCopy && !jumpsOut(previous)) continue;
      if (deadSources?.has(previous)) continue;
      const out = outStates.get(previous);
      if (out !== undefined) state = state === undefined ? out : problem.join(state, out);
    }
    return state;
  }

  /**
   * ESLint gives a `finally` block two copies: one entered by completing the `try`/`catch` normally, which goes on
   * to the code after it, and a "leaving" copy entered by every jump out of the `try` and by every throw, which
   * ends the function. The leaving copy also lists the normal ends among its predecessors, and its throwing ways are
   * no ways to finish the request: an exception before the callback ends the invocation anyway (a 500, or a
   * rejection), and keeping them would make a `return callback()` in the `try` look incomplete. So the leaving
   * copy starts from the jumps alone.
   */
  function jumpsOut(previous: CodePathSegment): boolean {
    const exit = flow.segments.get(previous)?.exit;
    return exit !== undefined && exit.type !== AST_NODE_TYPES.ThrowStatement;
  }

  function noteThrowPoint(tryStatement: TSESTree.TryStatement, state: State): void {
    const before = catchStates.get(tryStatement);
    const after = before === undefined ? state : problem.join(before, state);
    if (before !== undefined && problem.equals(before, after)) return;
    catchStates.set(tryStatement, after);
    for (const entry of flow.catchEntries.get(tryStatement) ?? []) enqueue(entry);
  }

  function processSegment(segment: CodePathSegment): void {
    const inState = inStateOf(segment);
    if (inState === undefined) return;
    inStates.set(segment, inState);
    let state = inState;
    for (const event of flow.segments.get(segment)?.events ?? NO_EVENTS) {
      if (isThrowable(event)) {
        const thrown = problem.atThrow ? problem.atThrow(state, event) : state;
        if (thrown !== undefined) noteThrowPoint(event.tryStatement, thrown);
      } else {
        state = problem.transfer(state, event);
      }
    }
    const previousOut = outStates.get(segment);
    if (previousOut !== undefined && problem.equals(previousOut, state)) return;
    outStates.set(segment, state);
    for (const next of segment.nextSegments) enqueue(next);
  }

  while (pending > 0) {
    for (let index = 0; index < order.length; index++) {
      if (dirty[index] === 0) continue;
      dirty[index] = 0;
      pending--;
      processSegment(order[index]!);
    }
  }
  return { inStates, outStates };
}

/** What every solve of one function needs to know about its graph, whatever the problem. */
interface Topology {
  /** The reached segments in reverse post-order. */
  readonly order: readonly CodePathSegment[];
  readonly indexOf: ReadonlyMap<CodePathSegment, number>;
  readonly catchEntryOf: ReadonlyMap<CodePathSegment, TSESTree.TryStatement>;
  readonly finallyEntries: ReadonlySet<CodePathSegment>;
}

/**
 * Kept per graph: each function is solved for several problems (the completion kinds, and the rules' own), and
 * the graph is complete before the first solve (the traversal has left `Program`).
 */
const topologies = new WeakMap<FunctionGraph<SegmentEvent>, Topology>();

function topologyOf<Event extends SegmentEvent>(flow: FunctionGraph<Event>): Topology {
  let topology = topologies.get(flow);
  if (!topology) {
    const order = reversePostOrder(flow.codePath.initialSegment);
    const indexOf = new Map<CodePathSegment, number>();
    for (let index = 0; index < order.length; index++) indexOf.set(order[index]!, index);
    topology = {
      order,
      indexOf,
      catchEntryOf: entryIndex(flow.catchEntries),
      finallyEntries: new Set(entryIndex(flow.finallyEntries).keys()),
    };
    topologies.set(flow, topology);
  }
  return topology;
}

/** Replays each reached segment's events from its solved in-state, with reporting on. */
export function replay<State extends NonNullable<unknown>, Event extends SegmentEvent>(
  flow: FunctionGraph<Event>,
  problem: ForwardProblem<State, Event>,
  solution: Solution<State>,
): void {
  for (const [segment, inState] of solution.inStates) {
    let state = inState;
    for (const event of flow.segments.get(segment)?.events ?? NO_EVENTS) {
      if (!isThrowable(event)) state = problem.transfer(state, event, true);
    }
  }
}

function isThrowable(event: SegmentEvent): event is ThrowableEvent {
  return event.kind === 'throwable';
}

function entryIndex(entries: ReadonlyMap<TSESTree.TryStatement, CodePathSegment[]>): Map<CodePathSegment, TSESTree.TryStatement> {
  const index = new Map<CodePathSegment, TSESTree.TryStatement>();
  for (const [tryStatement, segments] of entries) {
    for (const segment of segments) index.set(segment, tryStatement);
  }
  return index;
}

function reversePostOrder(initial: CodePathSegment): CodePathSegment[] {
  const visited = new Set<CodePathSegment>([initial]);
  const postOrder: CodePathSegment[] = [];
  // An explicit stack: a handler with thousands of segments must not overflow the call stack.
  const stack: Array<{ segment: CodePathSegment; next: number }> = [{ segment: initial, next: 0 }];
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const successor = frame.segment.nextSegments[frame.next++];
    if (successor === undefined) {
      postOrder.push(frame.segment);
      stack.pop();
    } else if (!visited.has(successor)) {
      visited.add(successor);
      stack.push({ segment: successor, next: 0 });
    }
  }
  return postOrder.reverse();
}
