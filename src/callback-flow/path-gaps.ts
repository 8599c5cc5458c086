import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type ForwardProblem, solveForward } from '../dataflow/segment-dataflow.js';
import { containsNode, type FunctionNode, isFunctionNode } from '../util/ast.js';
import type { CallbackAnalysis } from './callback-summary.js';
import type { DecisionNode, FlowEvent, FunctionFlow } from './flow-events.js';

/**
 * What let the paths that have not called back get this far: the decision where they parted from paths that did
 * (`if (event.ok) callback(…)` without `else`: its false side), or the per-item function that answers for some
 * items only. `single` when every such path went through that one decision; otherwise `decision` is the latest of
 * them in the source, and `null` when some path never met a path that called back.
 */
export interface PathGap {
  /**
   * A decision, a per-item function, or the call of a local function that answers on some of its own paths only
   * (`deleteMessage(sid)` whose `catch` answers one error class): its paths that end without the callback are
   * the ones that get here.
   */
  readonly decision: GapNode | null;
  readonly single: boolean;
  /**
   * Set when the paths got past `decision` by its empty side alone, the other branches having jumped away
   * (`if (ok) return callback(…);`): the gap they had before, which comes back as soon as anything runs after the
   * decision (it is then that code, not the decision, that skips the callback).
   */
  readonly bypassed?: PathGap;
}

/** What a gap can name as the place the paths that did not call back got through. */
type GapNode = DecisionNode | FunctionNode | TSESTree.CallExpression;

/** The gaps of one decision, made once so that states compare by identity; bypasses keyed by the gap they hide. */
interface InternedGaps {
  readonly single: PathGap;
  readonly several: PathGap;
  bypasses?: Map<PathGap, PathGap>;
}

/** Every path here has called back (or thrown): no gap. */
const HANDLED: PathGap = { decision: null, single: true };
/** Paths that have not called back and never parted from one that did. */
const OPEN: PathGap = { decision: null, single: true };

/**
 * The gap of the paths that end, without calling back, in given segments of `flow` (solved once, asked per exit): a forward problem over the
 * segments whose state is the gap of the paths that have not called back yet. At a meeting point where a path
 * that called back joins one that did not, the gap becomes that decision — unless the paths that did not already
 * went through a decision nested in it (an `else if` chain, an `if` inside a branch), which explains them better.
 * The state only moves up (open, one decision, several), so the fixpoint is reached whatever the number of paths.
 */
export function solveGaps(
  flow: FunctionFlow,
  analysis: CallbackAnalysis,
): (segments: readonly TSESLint.CodePathSegment[]) => PathGap | undefined {
  const handled = analysis.solveCompletion(flow, 'handled').outStates;
  const interned = new Map<GapNode, InternedGaps>();
  function pairOf(decision: GapNode): InternedGaps {
    let pair = interned.get(decision);
    if (!pair) interned.set(decision, (pair = { single: { decision, single: true }, several: { decision, single: false } }));
    return pair;
  }
  function gap(decision: GapNode, single: boolean): PathGap {
    const pair = pairOf(decision);
    return single ? pair.single : pair.several;
  }
  function bypass(decision: DecisionNode, before: PathGap): PathGap {
    const bypasses = (pairOf(decision).bypasses ??= new Map<PathGap, PathGap>());
    let found = bypasses.get(before);
    if (!found) bypasses.set(before, (found = { decision, single: true, bypassed: before }));
    return found;
  }

  function parts(segment: TSESLint.CodePathSegment): boolean {
    let called = false;
    let uncalled = false;
    for (const previous of segment.prevSegments) {
      const state = handled.get(previous);
      if (state === true) called = true;
      else if (state === false) uncalled = true;
    }
    return called && uncalled;
  }

  const problem: ForwardProblem<PathGap, FlowEvent> = {
    entry: OPEN,
    join(a, b) {
      if (a === HANDLED || a === b) return b;
      // Paths that called back add no gap: a bypass met only by them still explains every path that did not.
      if (b === HANDLED) return a;
      // Paths that only bypassed a decision meet others: the decision no longer explains them all.
      if (a.bypassed) return problem.join(a.bypassed, b);
      if (b.bypassed) return problem.join(a, b.bypassed);
      const latest = !a.decision ? b.decision : !b.decision ? a.decision : a.decision.range[0] >= b.decision.range[0] ? a.decision : b.decision;
      return latest ? gap(latest, false) : OPEN;
    },
    equals: (a, b) => a === b,
    transfer(state, event) {
      if (state === HANDLED) return state;
      if (event.kind === 'merge' && event.bypass) {
        if (state === OPEN || state.bypassed) return bypass(event.node, state);
        if (!state.single) return state;
        return containsNode(event.node, state.decision!) ? state : bypass(event.node, state);
      }
      // `finally` code runs on every path: it is not where the callback was left out.
      if (state.bypassed && event.kind !== 'merge' && !(event.kind === 'statement' && inFinallyAround(event.node, state.decision!))) {
        return problem.transfer(state.bypassed, event);
      }
      if (event.kind === 'merge') {
        // Paths enter a `catch` from throw points: those that have not called back part there from the others.
        // A `switch` whose other cases jumped away, met here only by cases that did not call back: they bypassed it.
        if (!event.entersCatch && !parts(event.segment)) return event.jumpedAway && state === OPEN ? bypass(event.node, state) : state;
        if (state === OPEN) return gap(event.node, true);
        if (!state.single) return gap(laterOf(state.decision!, event.node), false);
        return containsNode(event.node, state.decision!) ? state : gap(event.node, true);
      }
      if (event.kind === 'perItem' && !analysis.completes(event, 'handled')) return state === OPEN || state.single ? gap(event.node, true) : state;
      if (event.kind === 'localCall' && !analysis.completes(event, 'handled') && analysis.summaryOf(event.target).callsOnSomePath) {
        return state === OPEN || state.single ? gap(event.node, true) : state;
      }
      return analysis.completes(event, 'handled') ? HANDLED : state;
    },
  };

  const { outStates } = solveForward(flow, problem);
  return (segments) => {
    let result: PathGap | undefined;
    for (const segment of segments) {
      const state = outStates.get(segment);
      if (state === undefined || state === HANDLED) continue;
      result = result === undefined ? state : problem.join(result, state);
    }
    return result;
  };
}

/** Whether `node` is in the `finally` block of a `try` whose block or `catch` holds `decision`. */
function inFinallyAround(node: TSESTree.Node, decision: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer === child) return !containsNode(child, decision) && containsNode(parent, decision);
  }
  return false;
}

function laterOf<T extends TSESTree.Node>(a: T, b: T): T {
  return a.range[0] >= b.range[0] ? a : b;
}

/**
 * The `if` without `else` (or the last `if` of an `else if` chain without a final `else`), or the `switch`, that a
 * gap names as the place to act. A `switch` with a `default:` lets paths through only by its cases that `break`
 * without calling back (or by falling off its last case): the caller looks for those (`openSwitchCases`).
 */
export function openDecision(gapState: PathGap | undefined): TSESTree.IfStatement | TSESTree.SwitchStatement | undefined {
  if (!gapState?.single || !gapState.decision) return undefined;
  const decision = gapState.decision;
  if (decision.type === AST_NODE_TYPES.IfStatement) return decision.alternate ? undefined : decision;
  if (decision.type === AST_NODE_TYPES.SwitchStatement) return decision;
  return undefined;
}
