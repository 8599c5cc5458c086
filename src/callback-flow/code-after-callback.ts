import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { type ForwardProblem, replay, solveForward } from '../dataflow/segment-dataflow.js';
import { containsNode, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import type { CallbackAnalysis } from './callback-summary.js';
import type { FlowEvent, FunctionFlow } from './flow-events.js';
import { hasEffect } from './statement-effects.js';

/** What runs after a synchronous callback call in one function, one finding per mistake. */
export type AfterCallbackFinding =
  /**
   * The first statement with an effect that runs after `call`; `laterCalls` are the second callbacks reached
   * from it (the same missing `return`, so they get no report of their own).
   */
  | {
      readonly kind: 'codeAfter';
      readonly statement: TSESTree.Statement;
      readonly call: TSESTree.CallExpression;
      readonly laterCalls: readonly TSESTree.CallExpression[];
    }
  /** A second synchronous callback that no earlier statement report covers (`callback(err); callback(null, x)`). */
  | {
      readonly kind: 'duplicate';
      readonly call: TSESTree.CallExpression;
      readonly previous: TSESTree.CallExpression;
      /** The call is a local function's, not the callback's own (`respond('again')`). */
      readonly throughFunction: boolean;
    };

/**
 * The state of a path: the latest synchronous callback call on it (`null` before any), the statement already
 * reported as running after it (`null` while none has been), and whether some path joined here has not called
 * back yet. Only the first statement after a callback is reported, and the second callbacks that follow it belong
 * to that report; a call that is the first on some path starts a finding of its own. `DEAD` is a path that has
 * thrown (it read a name no scope declares): nothing after it runs, and it adds nothing where paths join.
 */
interface AfterCallbackState {
  readonly lastCall: TSESTree.CallExpression | null;
  readonly reportedAt: TSESTree.Statement | null;
  readonly someUncalled: boolean;
}

const NOT_CALLED: AfterCallbackState = { lastCall: null, reportedAt: null, someUncalled: true };
const DEAD: AfterCallbackState = { lastCall: null, reportedAt: null, someUncalled: false };

/**
 * Solves "what runs after a synchronous callback" over one function's segments: a forward problem whose state is
 * the last call and the statement that reported it, so each missing `return` is one finding, whatever the number
 * of paths or of later callbacks.
 */
export function findCodeAfterCallback(
  flow: FunctionFlow,
  analysis: CallbackAnalysis,
  options: { readonly allowLogging: boolean },
): AfterCallbackFinding[] {
  /** The call that ends the invocation synchronously, when the event is one. */
  function synchronousCall(event: FlowEvent): TSESTree.CallExpression | undefined {
    if (event.kind === 'call') return event.node;
    if (event.kind === 'localCall' && analysis.summaryOf(event.target).callsOnEveryPath) return event.node;
    if (event.kind === 'receiverCall' && analysis.completes(event, 'called')) {
      const { parent } = transparentParent(event.node);
      return parent?.type === AST_NODE_TYPES.CallExpression ? parent : undefined;
    }
    return undefined;
  }

  // Decided once per event: the solver replays every event on each pass.
  const callOfEvent = new Map<FlowEvent, TSESTree.CallExpression>();
  const synchronousCalls = new Set<TSESTree.Node>();
  const directCalls = new Set<TSESTree.Node>();
  /** Statements that throw before they do anything: the first thing they evaluate reads an undeclared name. */
  const throwingStatements = new Set<TSESTree.Statement>();
  for (const record of flow.segments.values()) {
    const { events } = record;
    for (let index = 0; index < events.length; index += 1) {
      const event = events[index]!;
      if (event.kind !== 'statement') continue;
      let next = index + 1;
      while (events[next]?.kind === 'throwable') next += 1;
      const following = events[next];
      if (following?.kind === 'throws' && containsNode(event.node, following.node)) throwingStatements.add(event.node);
    }
    for (const event of record.events) {
      if (event.kind === 'throwable') continue;
      const call = synchronousCall(event);
      if (call) {
        callOfEvent.set(event, call);
        synchronousCalls.add(call);
      }
      if (event.kind === 'call') directCalls.add(event.node);
    }
  }
  // Without a synchronous call nothing in this function runs after one.
  if (callOfEvent.size === 0) return [];

  /** `callback(…);` or `return callback(…);` after a callback is a second call, not code after the first. */
  function isCallbackStatement(statement: TSESTree.Statement): boolean {
    const expression =
      statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression :
      statement.type === AST_NODE_TYPES.ReturnStatement ? statement.argument : null;
    return expression !== null && synchronousCalls.has(skipTransparentWrappers(expression));
  }

  // States are interned: the solver joins and transfers on every pass, and compares states by identity.
  const states = new Map<TSESTree.CallExpression, Map<TSESTree.Statement | null, [AfterCallbackState?, AfterCallbackState?]>>();
  function stateOf(lastCall: TSESTree.CallExpression | null, reportedAt: TSESTree.Statement | null, someUncalled: boolean): AfterCallbackState {
    if (!lastCall) return NOT_CALLED;
    let byStatement = states.get(lastCall);
    if (!byStatement) states.set(lastCall, (byStatement = new Map<TSESTree.Statement | null, [AfterCallbackState?, AfterCallbackState?]>()));
    let pair = byStatement.get(reportedAt);
    if (!pair) byStatement.set(reportedAt, (pair = []));
    const index = someUncalled ? 1 : 0;
    return (pair[index] ??= { lastCall, reportedAt, someUncalled });
  }

  const codeAfter = new Map<TSESTree.Statement, TSESTree.CallExpression>();
  /** The second calls reached after each reported statement. */
  const coveredBy = new Map<TSESTree.Statement, Set<TSESTree.CallExpression>>();
  const duplicates = new Map<TSESTree.CallExpression, TSESTree.CallExpression>();

  const problem: ForwardProblem<AfterCallbackState, FlowEvent> = {
    entry: NOT_CALLED,
    join(a, b) {
      if (a === DEAD) return b;
      if (b === DEAD) return a;
      if (!a.lastCall) return b.lastCall ? stateOf(b.lastCall, b.reportedAt, true) : a;
      if (!b.lastCall) return stateOf(a.lastCall, a.reportedAt, true);
      // A path on which nothing was reported yet keeps the join open; two reports: the earlier one stands for both.
      const reportedAt = !a.reportedAt || !b.reportedAt ? null : a.reportedAt.range[0] <= b.reportedAt.range[0] ? a.reportedAt : b.reportedAt;
      return stateOf(laterCall(a.lastCall, b.lastCall), reportedAt, a.someUncalled || b.someUncalled);
    },
    equals: (a, b) => a === b,
    transfer(state, event, report) {
      if (state === DEAD) return state;
      if (event.kind === 'throws') return DEAD;
      const call = callOfEvent.get(event);
      if (call) {
        if (report && state.lastCall) noteSecondCall(call, state);
        // A second call on a path already reported stays covered by that report; on a path that had not called
        // back, it is a first call, and what follows it is a finding of its own.
        return stateOf(call, state.someUncalled ? null : state.reportedAt, false);
      }
      if (
        event.kind !== 'statement' || !state.lastCall || state.reportedAt || !hasEffect(event.node, options) ||
        isCallbackStatement(event.node) || throwingStatements.has(event.node)
      ) {
        return state;
      }
      if (report && !codeAfter.has(event.node)) codeAfter.set(event.node, state.lastCall);
      return stateOf(state.lastCall, event.node, state.someUncalled);
    },
  };

  function noteSecondCall(call: TSESTree.CallExpression, state: AfterCallbackState): void {
    if (state.reportedAt) {
      const covered = coveredBy.get(state.reportedAt) ?? new Set();
      coveredBy.set(state.reportedAt, covered.add(call));
    } else if (!duplicates.has(call)) {
      duplicates.set(call, state.lastCall!);
    }
  }

  replay(flow, problem, solveForward(flow, problem));

  // A call reached both on a covered path and on an open one (a `finally` block's two copies) is covered.
  const covered = new Set<TSESTree.CallExpression>();
  for (const calls of coveredBy.values()) for (const call of calls) covered.add(call);
  const findings: AfterCallbackFinding[] = [];
  for (const [statement, call] of codeAfter) {
    const laterCalls = [...(coveredBy.get(statement) ?? [])].sort((a, b) => a.range[0] - b.range[0]);
    findings.push({ kind: 'codeAfter', statement, call, laterCalls });
  }
  for (const [call, previous] of duplicates) {
    if (covered.has(call)) continue;
    const callee = skipTransparentWrappers(call.callee);
    findings.push({ kind: 'duplicate', call, previous, throughFunction: !directCalls.has(call) && callee.type === AST_NODE_TYPES.Identifier });
  }
  return findings;
}

function laterCall(a: TSESTree.CallExpression | null, b: TSESTree.CallExpression | null): TSESTree.CallExpression | null {
  if (!a || !b) return a ?? b;
  return a.range[0] >= b.range[0] ? a : b;
}
