import type { FunctionNode } from './ast.js';
import type { FlowEvent, FunctionFlow, HandlerFlow } from './callback-flow.js';
import { type ForwardProblem, type Solution, solveForward } from './segment-dataflow.js';

/**
 * What ends a path as far as the callback is concerned:
 * - `handled`: the callback was called or handed off to someone who will call it (enough for "missing callback");
 * - `called`: the callback was called synchronously, right here (what "code after callback" is about).
 */
export type Completion = 'handled' | 'called';

export interface CallbackSummary {
  /** Calling the function calls or hands off the callback on every path that returns. */
  readonly handlesOnEveryPath: boolean;
  /** Calling the function calls the callback synchronously on every path that returns. */
  readonly callsOnEveryPath: boolean;
}

const NOTHING: CallbackSummary = { handlesOnEveryPath: false, callsOnEveryPath: false };

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
        return completion === 'handled';
      case 'receiverCall':
        // Trusted as a hand-off; it is a synchronous call when the receiver calls back on every path.
        return completion === 'handled' || receiverSummary(event.target).callsOnEveryPath;
      case 'perItem':
        return completion === 'handled' && summaryOf(event.node).handlesOnEveryPath;
      case 'localCall': {
        const summary = summaryOf(event.target);
        return completion === 'handled' ? summary.handlesOnEveryPath : summary.callsOnEveryPath;
      }
      default:
        return false;
    }
  }

  function completionProblem(completion: Completion): ForwardProblem<boolean> {
    return {
      entry: false,
      join: (a, b) => a && b,
      equals: (a, b) => a === b,
      transfer: (state, event) => state || completes(event, completion),
    };
  }

  const problems = { handled: completionProblem('handled'), called: completionProblem('called') };

  function solveCompletion(flow: FunctionFlow, completion: Completion): Solution<boolean> {
    return solveForward(flow, problems[completion]);
  }

  return { completes, solveCompletion, summaryOf };
}
