import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, memberPropertyName, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import { readsOf } from '../util/variable-reads.js';
import type { FlowEvent, FunctionFlow, HandlerFlow } from './flow-events.js';
import { functionHandoff } from '../handlers/function-handoff.js';
import { type ForwardProblem, type Solution, solveForward } from '../dataflow/segment-dataflow.js';

/**
 * What ends a path as far as the callback is concerned:
 * - `handled`: the callback was called or handed off to someone who will call it (enough for "missing callback");
 * - `called`: the callback was called synchronously, right here (what "code after callback" is about);
 * - `answered`: the callback was called, or a continuation was set up that calls it on every path of its own
 *   (`.then((m) => callback(null, m.sid))`, `create(opts, callback)`): an answer will come from this path.
 */
export type Completion = 'handled' | 'called' | 'answered';

export interface CallbackSummary {
  /** Calling the function calls or hands off the callback on every path that returns. */
  readonly handlesOnEveryPath: boolean;
  /** Calling the function calls the callback synchronously on every path that returns. */
  readonly callsOnEveryPath: boolean;
  /** Calling the function answers on every path that returns, now or through a continuation. */
  readonly answersOnEveryPath: boolean;
}

const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

const NOTHING: CallbackSummary = { handlesOnEveryPath: false, callsOnEveryPath: false, answersOnEveryPath: false };

export interface CallbackAnalysis {
  /** Whether the event completes a path, in the given sense. */
  completes(event: FlowEvent, completion: Completion): boolean;
  /** Which paths of `flow` have completed, in the given sense, at each segment. */
  solveCompletion(flow: FunctionFlow, completion: Completion): Solution<boolean>;
  summaryOf(fn: FunctionNode): CallbackSummary;
}

/**
 * The analyses of every handler and receiver of a file, created on demand, so that a handler's call of a
 * same-file receiver (`reply(context, event, callback)`) can use what the receiver does on its paths.
 */
export function analyzeFile(handlerFlows: readonly HandlerFlow[]): (handlerFlow: HandlerFlow) => CallbackAnalysis {
  const byNode = new Map(handlerFlows.map((handlerFlow) => [handlerFlow.bindings.handler.node, handlerFlow]));
  const analyses = new Map<HandlerFlow, CallbackAnalysis>();
  function analysisOf(handlerFlow: HandlerFlow): CallbackAnalysis {
    let analysis = analyses.get(handlerFlow);
    if (!analysis) {
      analysis = analyzeCallbacks(handlerFlow, (receiver) => {
        const receiverFlow = byNode.get(receiver);
        return receiverFlow ? analysisOf(receiverFlow).summaryOf(receiver) : NOTHING;
      });
      analyses.set(handlerFlow, analysis);
    }
    return analysis;
  }
  return analysisOf;
}

/**
 * The must-analysis behind both rules: a path is complete once the callback was called (or handed off) on it.
 * Local functions are summarised once, on demand, so a call of `finish()` counts as what `finish` does on all
 * its paths; recursion between local functions is cut by assuming the least.
 */
export function analyzeCallbacks(
  handlerFlow: HandlerFlow,
  receiverSummary: (receiver: FunctionNode) => CallbackSummary = () => NOTHING,
): CallbackAnalysis {
  const summaries = new Map<FunctionNode, CallbackSummary>();
  const inProgress = new Set<FunctionNode>();

  function summaryOf(fn: FunctionNode): CallbackSummary {
    const known = summaries.get(fn);
    if (known) return known;
    const flow = handlerFlow.functions.get(fn);
    if (!flow || inProgress.has(fn)) return NOTHING;
    inProgress.add(fn);
    const summary: CallbackSummary = {
      handlesOnEveryPath: completesOnEveryReturn(flow, 'handled'),
      // An async function runs its body only up to the first `await` when called: not a synchronous call.
      callsOnEveryPath: !fn.async && !fn.generator && completesOnEveryReturn(flow, 'called'),
      answersOnEveryPath: completesOnEveryReturn(flow, 'answered'),
    };
    inProgress.delete(fn);
    summaries.set(fn, summary);
    return summary;
  }

  function completesOnEveryReturn(flow: FunctionFlow, completion: Completion): boolean {
    const { outStates } = solveCompletion(flow, completion);
    return flow.codePath.returnedSegments.every((segment) => outStates.get(segment) !== false);
  }

  function completes(event: FlowEvent, completion: Completion): boolean {
    switch (event.kind) {
      case 'call':
        return true;
      case 'handoff':
        return completion === 'handled' || (completion === 'answered' && isAnsweringContinuation(event.node));
      case 'receiverCall':
        // Trusted as a hand-off; it is a synchronous call when the receiver calls back on every path.
        return completion === 'handled' || receiverSummary(event.target).callsOnEveryPath;
      case 'helperCall':
        // A helper that never reads the parameter never answers; otherwise its own gaps are reported at the call.
        if (completion === 'handled') return event.helper.handles !== 'never';
        return completion === 'called' ? event.helper.callsOnEveryPath : event.helper.answersOnEveryPath;
      case 'perItem':
        return completion === 'handled' && summaryOf(event.node).handlesOnEveryPath;
      case 'localCall': {
        const summary = summaryOf(event.target);
        if (completion === 'handled') return summary.handlesOnEveryPath;
        return completion === 'called' ? summary.callsOnEveryPath : summary.answersOnEveryPath;
      }
      default:
        return false;
    }
  }

  /**
   * A hand-off that is sure to answer once its API calls back: a function that answers on every path, given to
   * a one-shot API other than `.catch` (which runs on failure only), or the callback itself given to a node-style
   * API (not to `.then`/`.catch`/`.finally`, which call it on one outcome only).
   */
  function isAnsweringContinuation(node: TSESTree.Node): boolean {
    if (isFunctionNode(node)) {
      const handoff = functionHandoff(node);
      return handoff?.kind === 'once' && handoff.calleeName !== 'catch' && summaryOf(node).answersOnEveryPath;
    }
    const { parent, child } = transparentParent(node);
    if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(child as TSESTree.CallExpressionArgument)) {
      return false;
    }
    const callee = skipTransparentWrappers(parent.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberPropertyName(callee) : undefined;
    return method !== undefined && !PROMISE_METHODS.has(method) && node.type === AST_NODE_TYPES.Identifier && isCallbackIdentifier(node);
  }

  let callbackReads: ReadonlySet<TSESTree.Identifier> | undefined;
  function isCallbackIdentifier(node: TSESTree.Identifier): boolean {
    callbackReads ??= new Set(readsOf(handlerFlow.bindings.callbackVariables));
    return callbackReads.has(node);
  }

  function completionProblem(completion: Completion): ForwardProblem<boolean, FlowEvent> {
    return {
      entry: false,
      join: (a, b) => a && b,
      equals: (a, b) => a === b,
      transfer: (state, event) => state || completes(event, completion),
    };
  }

  const problems = {
    handled: completionProblem('handled'),
    called: completionProblem('called'),
    answered: completionProblem('answered'),
  };

  // Every rule reads the same solutions: solve each function once per completion kind.
  const solutions: Record<Completion, Map<FunctionFlow, Solution<boolean>>> = {
    handled: new Map(),
    called: new Map(),
    answered: new Map(),
  };

  function solveCompletion(flow: FunctionFlow, completion: Completion): Solution<boolean> {
    const known = solutions[completion].get(flow);
    if (known) return known;
    const solution = solveForward(flow, problems[completion]);
    solutions[completion].set(flow, solution);
    return solution;
  }

  return { completes, solveCompletion, summaryOf };
}
