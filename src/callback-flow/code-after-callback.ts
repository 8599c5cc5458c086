import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { type ForwardProblem, replay, solveForward } from '../dataflow/segment-dataflow.js';
import { containsNode, skipTransparentWrappers } from '../util/ast.js';
import type { CallbackAnalysis } from './callback-summary.js';
import type { FlowEvent, FunctionFlow } from './flow-events.js';
import { hasEffect } from './statement-effects.js';
import { answersOf, type PartialAnswer } from './synchronous-answers.js';

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
    }
  /**
   * An answer (a callback, or a continuation sure to answer) after a helper or per-item function that answered on
   * some of its paths only: a second answer on those paths.
   */
  | {
      readonly kind: 'afterPartial';
      readonly node: TSESTree.Node;
      readonly partial: PartialAnswer;
    };

/**
 * The state of a path: the latest synchronous callback call on it (`null` before any), the statement already
 * reported as running after it (`null` while none has been), and whether some path joined here has not called
 * back yet. Only the first statement after a callback is reported, and the second callbacks that follow it belong
 * to that report; a call that is the first on some path starts a finding of its own. `DEAD` is a path that has
 * thrown (it read a name no scope declares): nothing after it runs, and it adds nothing where paths join.
 * `partialOnly`: `lastCall` is a helper or per-item function that answered on some of its paths only — the code
 * after it is what runs when it did not answer (not reported), but a later answer is a second one on its paths.
 */
interface AfterCallbackState {
  readonly lastCall: TSESTree.CallExpression | null;
  readonly reportedAt: TSESTree.Statement | null;
  readonly someUncalled: boolean;
  readonly partialOnly: boolean;
}

const NOT_CALLED: AfterCallbackState = { lastCall: null, reportedAt: null, someUncalled: true, partialOnly: false };
const DEAD: AfterCallbackState = { lastCall: null, reportedAt: null, someUncalled: false, partialOnly: false };

/**
 * Solves "what runs after a synchronous callback" over one function's segments: a forward problem whose state is
 * the last call and the statement that reported it, so each missing `return` is one finding, whatever the number
 * of paths or of later callbacks.
 */
export function findCodeAfterCallback(
  flow: FunctionFlow,
  analysis: CallbackAnalysis,
  options: {
    readonly allowLogging: boolean;
    /** Where a hand-off sure to answer later answers (its continuation's callback call, or the hand-off itself). */
    readonly answerSite: (event: FlowEvent) => TSESTree.Node | undefined;
  },
): AfterCallbackFinding[] {
  // Decided once per event: the solver replays every event on each pass.
  const answers = answersOf(flow, analysis, options.answerSite);
  const { synchronousCalls, directCalls } = answers;
  // Without a synchronous answer nothing in this function runs after one.
  if (answers.ofEvent.size === 0) return [];
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
  }
  /** `callback(…);`, `return callback(…);` or `await reply(…);` after a callback is a second call, not code after the first. */
  function isCallbackStatement(statement: TSESTree.Statement): boolean {
    const expression =
      statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression :
      statement.type === AST_NODE_TYPES.ReturnStatement ? statement.argument : null;
    if (expression === null) return false;
    const value = skipTransparentWrappers(expression);
    return synchronousCalls.has(value.type === AST_NODE_TYPES.AwaitExpression ? skipTransparentWrappers(value.argument) : value);
  }

  // States are interned: the solver joins and transfers on every pass, and compares states by identity.
  type Variants = [AfterCallbackState?, AfterCallbackState?, AfterCallbackState?, AfterCallbackState?];
  const states = new Map<TSESTree.CallExpression, Map<TSESTree.Statement | null, Variants>>();
  function stateOf(
    lastCall: TSESTree.CallExpression | null,
    reportedAt: TSESTree.Statement | null,
    someUncalled: boolean,
    partialOnly = false,
  ): AfterCallbackState {
    if (!lastCall) return NOT_CALLED;
    let byStatement = states.get(lastCall);
    if (!byStatement) states.set(lastCall, (byStatement = new Map<TSESTree.Statement | null, Variants>()));
    let variants = byStatement.get(reportedAt);
    if (!variants) byStatement.set(reportedAt, (variants = []));
    const index = (someUncalled ? 1 : 0) + (partialOnly ? 2 : 0);
    return (variants[index] ??= { lastCall, reportedAt, someUncalled, partialOnly });
  }

  const codeAfter = new Map<TSESTree.Statement, TSESTree.CallExpression>();
  /** The second calls reached after each reported statement. */
  const coveredBy = new Map<TSESTree.Statement, Set<TSESTree.CallExpression>>();
  const duplicates = new Map<TSESTree.CallExpression, TSESTree.CallExpression>();
  const afterPartial = new Map<TSESTree.Node, PartialAnswer>();

  const problem: ForwardProblem<AfterCallbackState, FlowEvent> = {
    entry: NOT_CALLED,
    join(a, b) {
      if (a === DEAD) return b;
      if (b === DEAD) return a;
      if (!a.lastCall) return b.lastCall ? stateOf(b.lastCall, b.reportedAt, true, b.partialOnly) : a;
      if (!b.lastCall) return stateOf(a.lastCall, a.reportedAt, true, a.partialOnly);
      // A path that surely answered outweighs one that answered on some paths of a helper: what follows is code
      // after (and a second call after) that answer.
      if (a.partialOnly !== b.partialOnly) {
        const sure = a.partialOnly ? b : a;
        return stateOf(sure.lastCall, sure.reportedAt, true);
      }
      // A path on which nothing was reported yet keeps the join open; two reports: the earlier one stands for both.
      const reportedAt = !a.reportedAt || !b.reportedAt ? null : a.reportedAt.range[0] <= b.reportedAt.range[0] ? a.reportedAt : b.reportedAt;
      return stateOf(laterCall(a.lastCall, b.lastCall), reportedAt, a.someUncalled || b.someUncalled, a.partialOnly);
    },
    equals: (a, b) => a === b,
    // A property read after a callback throws only on a value that is already a bug (`null.fields`): the `catch`
    // running after the answer on that account is not a second callback worth a report.
    atThrow: (state, event) => (event.propertyRead && state.lastCall ? undefined : state),
    transfer(state, event, report) {
      if (state === DEAD) return state;
      if (event.kind === 'throws') return DEAD;
      const later = state.partialOnly ? answers.laterAnswers.get(event) : undefined;
      if (report && later && !afterPartial.has(later)) afterPartial.set(later, answers.partial.get(state.lastCall!)!);
      const answer = answers.ofEvent.get(event);
      if (answer?.kind === 'always') {
        const call = answer.call;
        if (report && state.lastCall) noteSecondCall(call, state);
        // A second call on a path already reported stays covered by that report; on a path that had not called
        // back (or after a helper that answered on some paths only), it is a first call, and what follows it is a
        // finding of its own.
        return stateOf(call, state.someUncalled || state.partialOnly ? null : state.reportedAt, false);
      }
      // Answered on some paths of a helper or loop: a later answer is a second one there, but the code after it
      // is the code that runs when it did not answer.
      if (answer) return state.lastCall ? state : stateOf(answer.call, null, true, true);
      if (
        state.partialOnly ||
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
    if (state.partialOnly) {
      if (!afterPartial.has(call)) afterPartial.set(call, answers.partial.get(state.lastCall!)!);
    } else if (state.reportedAt) {
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
  for (const [node, partial] of afterPartial) findings.push({ kind: 'afterPartial', node, partial });
  return findings;
}

function laterCall(a: TSESTree.CallExpression | null, b: TSESTree.CallExpression | null): TSESTree.CallExpression | null {
  if (!a || !b) return a ?? b;
  return a.range[0] >= b.range[0] ? a : b;
}
