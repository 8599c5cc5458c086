import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, memberPropertyName, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import { readsOf } from '../util/variable-reads.js';
import type { FlowEvent, FunctionFlow, HandlerFlow } from './flow-events.js';
import { functionHandoff } from '../handlers/function-handoff.js';
import { type ForwardProblem, type Solution, solveForward } from '../dataflow/segment-dataflow.js';
import type { ThrowableEvent } from '../dataflow/segment-graph.js';
import { isAwaitedCall, mayCallProblem } from './partial-calls.js';
import type { Responder } from '../handlers/responder-factories.js';

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
  /** Awaiting a call of the function calls the callback on every path that returns (its whole body has run). */
  readonly callsOnEveryPathWhenAwaited: boolean;
  /**
   * Calling the function (awaiting it, when async) calls the callback on some path that returns: a guard helper
   * (`if (!valid) callback(null, 401)`) comes back to its caller after answering on that path.
   */
  readonly callsOnSomePath: boolean;
}

const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

const NOTHING: CallbackSummary = {
  handlesOnEveryPath: false,
  callsOnEveryPath: false,
  answersOnEveryPath: false,
  callsOnEveryPathWhenAwaited: false,
  callsOnSomePath: false,
};

export interface CallbackAnalysis {
  /** Whether the event completes a path, in the given sense. */
  completes(event: FlowEvent, completion: Completion): boolean;
  /** Which paths of `flow` have completed, in the given sense, at each segment. */
  solveCompletion(flow: FunctionFlow, completion: Completion): Solution<boolean>;
  summaryOf(fn: FunctionNode): CallbackSummary;
  /** Whether the event calls the callback synchronously on some of its paths (on all of them, or only some). */
  mayCall(event: FlowEvent): boolean;
}

/** What a call of a function made from the callback does when its factory is not read: it answers. */
const ANSWERS: CallbackSummary = {
  handlesOnEveryPath: true,
  callsOnEveryPath: true,
  answersOnEveryPath: true,
  callsOnEveryPathWhenAwaited: true,
  callsOnSomePath: true,
};

/**
 * The analyses of every handler and receiver of a file, created on demand, so that a handler's call of a
 * same-file receiver (`reply(context, event, callback)`) can use what the receiver does on its paths, and a call
 * of a function made from the callback (`respond(…)` after `const respond = makeResponder(callback)`) what the
 * factory's returned function does. `otherFileResponder` is where a summary of a factory of another file plugs in;
 * without one, such a made function is trusted to answer.
 */
export function analyzeFile(
  handlerFlows: readonly HandlerFlow[],
  otherFileResponder: (responder: Responder) => CallbackSummary | undefined = () => undefined,
): (handlerFlow: HandlerFlow) => CallbackAnalysis {
  const byNode = new Map(handlerFlows.map((handlerFlow) => [handlerFlow.bindings.handler.node, handlerFlow]));
  const analyses = new Map<HandlerFlow, CallbackAnalysis>();
  function responderSummary(responder: Responder): CallbackSummary {
    const factoryFlow = responder.factory && byNode.get(responder.factory);
    if (factoryFlow && responder.returned) return analysisOf(factoryFlow).summaryOf(responder.returned);
    return otherFileResponder(responder) ?? ANSWERS;
  }
  function analysisOf(handlerFlow: HandlerFlow): CallbackAnalysis {
    let analysis = analyses.get(handlerFlow);
    if (!analysis) {
      analysis = analyzeCallbacks(
        handlerFlow,
        (receiver) => {
          const receiverFlow = byNode.get(receiver);
          return receiverFlow ? analysisOf(receiverFlow).summaryOf(receiver) : NOTHING;
        },
        responderSummary,
      );
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
  responderSummary: (responder: Responder) => CallbackSummary = () => ANSWERS,
): CallbackAnalysis {
  const summaries = new Map<FunctionNode, CallbackSummary>();
  const inProgress = new Set<FunctionNode>();

  function summaryOf(fn: FunctionNode): CallbackSummary {
    const known = summaries.get(fn);
    if (known) return known;
    const flow = handlerFlow.functions.get(fn);
    if (!flow || inProgress.has(fn)) return NOTHING;
    const summary = dependsOnOrder(fn) ? wholeSummary(fn, flow) : lazySummary(fn, flow);
    summaries.set(fn, summary);
    return summary;
  }

  /**
   * Every field at once, with `fn` in progress meanwhile: what a recursion back into `fn` assumes (the least)
   * depends on where the cycle was entered, so such a summary is computed whole and at the moment it was first
   * asked for, as it always was.
   */
  function wholeSummary(fn: FunctionNode, flow: FunctionFlow): CallbackSummary {
    inProgress.add(fn);
    const callsWhenAwaited = !fn.generator && completesOnEveryReturn(flow, 'called');
    const summary: CallbackSummary = {
      handlesOnEveryPath: completesOnEveryReturn(flow, 'handled'),
      // An async function runs its body only up to the first `await` when called: not a synchronous call.
      callsOnEveryPath: !fn.async && callsWhenAwaited,
      answersOnEveryPath: completesOnEveryReturn(flow, 'answered'),
      callsOnEveryPathWhenAwaited: callsWhenAwaited,
      callsOnSomePath: !fn.generator && callsOnSomeReturn(flow),
    };
    inProgress.delete(fn);
    return summary;
  }

  /**
   * Each field solved on first use: most summaries are asked one thing (does the function hand off the callback
   * on every path?), and each field is a solve of its own. Only for a function whose summary leads to no cycle
   * (see `dependsOnOrder`), whose fields are then the same whenever and in whatever order they are computed.
   */
  function lazySummary(fn: FunctionNode, flow: FunctionFlow): CallbackSummary {
    return new LazySummary(fn, flow, completesOnEveryReturn, callsOnSomeReturn);
  }

  /**
   * Whether the summary of `fn` can depend on the order summaries are computed in: when it leads (through the
   * local functions it calls, its per-item functions and its continuations) to a cycle, whose recursion is cut
   * by assuming the least, or into another handler's analysis (a receiver, a function made from the callback).
   * Decided once per function, over the events only, without solving anything.
   */
  const orderDependent = new Map<FunctionNode, boolean>();
  function dependsOnOrder(fn: FunctionNode, path = new Set<FunctionNode>()): boolean {
    const known = orderDependent.get(fn);
    if (known !== undefined) return known;
    // Back on the path: `fn` is on a cycle (and so is every function on the path after it).
    if (path.has(fn)) return true;
    const flow = handlerFlow.functions.get(fn);
    // An unrecorded function's summary is NOTHING, asked for whenever.
    if (!flow) return false;
    path.add(fn);
    let dependent = false;
    search: for (const record of flow.segments.values()) {
      for (const event of record.events) {
        const next = summaryDependency(event);
        if (next === ANOTHER_ANALYSIS || (next && dependsOnOrder(next, path))) {
          dependent = true;
          break search;
        }
      }
    }
    path.delete(fn);
    orderDependent.set(fn, dependent);
    return dependent;
  }

  function completesOnEveryReturn(flow: FunctionFlow, completion: Completion): boolean {
    const { outStates } = solveCompletion(flow, completion);
    return flow.codePath.returnedSegments.every((segment) => outStates.get(segment) !== false);
  }

  function callsOnSomeReturn(flow: FunctionFlow): boolean {
    const { outStates } = solveForward(flow, mayCallProblem(mayCall));
    return flow.codePath.returnedSegments.some((segment) => outStates.get(segment) === true);
  }

  /** What a call of `target` does by the time the caller goes on: its whole body when it is synchronous or awaited. */
  function runsToTheEnd(target: FunctionNode, call: TSESTree.CallExpression | undefined): boolean {
    return !target.async || (call !== undefined && isAwaitedCall(call));
  }

  function mayCall(event: FlowEvent): boolean {
    switch (event.kind) {
      case 'call':
        return true;
      case 'localCall':
        return runsToTheEnd(event.target, event.node) && summaryOf(event.target).callsOnSomePath;
      case 'receiverCall':
        return runsToTheEnd(event.target, callOfArgument(event.node)) && receiverSummary(event.target).callsOnSomePath;
      case 'perItem':
        return !event.node.async && summaryOf(event.node).callsOnSomePath;
      case 'responderCall': {
        const { returned } = event.responder;
        return (!returned || runsToTheEnd(returned, event.node)) && responderSummary(event.responder).callsOnSomePath;
      }
      default:
        return false;
    }
  }

  /** An awaited async function calls back on every path when its body does. */
  function callsWhenRun(summary: CallbackSummary, target: FunctionNode, call: TSESTree.CallExpression | undefined): boolean {
    return summary.callsOnEveryPath || (runsToTheEnd(target, call) && summary.callsOnEveryPathWhenAwaited);
  }

  function completes(event: FlowEvent, completion: Completion): boolean {
    // A ReferenceError (`throws`) ends the path: nothing after it runs, so nothing is missing on it.
    switch (event.kind) {
      case 'call':
      case 'throws':
        return true;
      case 'handoff':
        return completion === 'handled' || (completion === 'answered' && isAnsweringContinuation(event.node));
      case 'receiverCall':
        // Trusted as a hand-off; it is a synchronous call when the receiver calls back on every path.
        return completion === 'handled' || callsWhenRun(receiverSummary(event.target), event.target, callOfArgument(event.node));
      case 'helperCall':
        // A helper that never reads the parameter never answers; otherwise its own gaps are reported at the call.
        if (completion === 'handled') return event.helper.handles !== 'never';
        return completion === 'called' ? event.helper.callsOnEveryPath : event.helper.answersOnEveryPath;
      case 'perItem':
        return completion === 'handled' && summaryOf(event.node).handlesOnEveryPath;
      case 'responderCall': {
        const summary = responderSummary(event.responder);
        if (completion === 'handled') return summary.handlesOnEveryPath;
        if (completion === 'answered') return summary.answersOnEveryPath;
        const { returned } = event.responder;
        return returned ? callsWhenRun(summary, returned, event.node) : summary.callsOnEveryPath;
      }
      case 'localCall': {
        const summary = summaryOf(event.target);
        if (completion === 'handled') return summary.handlesOnEveryPath;
        return completion === 'called' ? callsWhenRun(summary, event.target, event.node) : summary.answersOnEveryPath;
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

  return { completes, solveCompletion, summaryOf, mayCall };
}

/**
 * A summary whose fields are solved on first use. A class, not an object literal with getters: a literal's
 * getters are closures of their own, and V8 gives every such object a shape of its own, which would make every
 * read of a summary field a megamorphic look-up.
 */
class LazySummary implements CallbackSummary {
  #handles: boolean | undefined;
  #answers: boolean | undefined;
  #callsWhenAwaited: boolean | undefined;
  #callsOnSome: boolean | undefined;

  constructor(
    private readonly fn: FunctionNode,
    private readonly flow: FunctionFlow,
    private readonly completesOnEveryReturn: (flow: FunctionFlow, completion: Completion) => boolean,
    private readonly callsOnSomeReturn: (flow: FunctionFlow) => boolean,
  ) {}

  get handlesOnEveryPath(): boolean {
    return (this.#handles ??= this.completesOnEveryReturn(this.flow, 'handled'));
  }

  get callsOnEveryPath(): boolean {
    // An async function runs its body only up to the first `await` when called: not a synchronous call.
    return !this.fn.async && this.callsOnEveryPathWhenAwaited;
  }

  get answersOnEveryPath(): boolean {
    return (this.#answers ??= this.completesOnEveryReturn(this.flow, 'answered'));
  }

  get callsOnEveryPathWhenAwaited(): boolean {
    return (this.#callsWhenAwaited ??= !this.fn.generator && this.completesOnEveryReturn(this.flow, 'called'));
  }

  get callsOnSomePath(): boolean {
    return (this.#callsOnSome ??= !this.fn.generator && this.callsOnSomeReturn(this.flow));
  }
}

const ANOTHER_ANALYSIS = 'another analysis';

/** The function whose summary the event's completions and may-calls ask for, if any. */
function summaryDependency(event: FlowEvent | ThrowableEvent): FunctionNode | typeof ANOTHER_ANALYSIS | undefined {
  switch (event.kind) {
    case 'localCall':
      return event.target;
    case 'perItem':
      return event.node;
    case 'handoff':
      return isFunctionNode(event.node) ? event.node : undefined;
    case 'receiverCall':
    case 'responderCall':
      return ANOTHER_ANALYSIS;
    default:
      return undefined;
  }
}

/** The call that receives `argument`. */
function callOfArgument(argument: TSESTree.Node): TSESTree.CallExpression | undefined {
  const { parent } = transparentParent(argument);
  return parent?.type === AST_NODE_TYPES.CallExpression ? parent : undefined;
}
