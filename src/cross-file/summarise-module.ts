import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { analyzeFile, type CallbackAnalysis } from '../callback-flow/callback-summary.js';
import type { FunctionFlow, HandlerFlow } from '../callback-flow/flow-events.js';
import { recordCallbackFlow } from '../callback-flow/record-callback-flow.js';
import { classifyValueUse, readsCallback } from '../handlers/callback-bindings.js';
import { type Handler, parameterIdentifier, parameterVariable } from '../handlers/find-handlers.js';
import { functionCanReject, type RejectionContext } from '../promises/rejection.js';
import { containsNode, type FunctionNode, isFunctionNode, skipTransparentWrappers } from '../util/ast.js';
import { type Listeners, recordingListeners } from '../file-analysis/recording-listeners.js';
import type { CallbackHelperSummary, ExportSummary, ModuleSummary, WrapperSummary } from './helper-summary.js';
import { knownWrapperCalled } from './known-wrappers.js';
import { exportedFunctions } from './module-exports.js';
import { requiredExportOf } from './required-binding.js';
import { rejectionIsAnswered, type RejectionJudge, sameFileFunction, type WrappedCall, wrapperShapeOf, type WrapperShape } from './wrapper-rejection.js';

/** The callback engine's listeners over a helper file, and its exports' summaries once the traversal is over. */
export interface ModuleSummariser {
  readonly listeners: Listeners;
  result(): ModuleSummary;
}

/** The third parameter when several are called (the runtime's position), else the first one that is. */
const PREFERRED_CALLBACK_INDEX = 2;

/**
 * Summarises what each exported function of a file does with a callback it is given and with a handler it wraps,
 * with the same recorder and solver as a handler of the linted file: each export's callback parameter (and each
 * handler-shaped function a wrapper returns) is a root of the callback engine, so same-file receivers and local
 * functions of the helper are followed exactly as they are in a handler. The helper's own `require`s are not
 * followed (only npm wrappers the plugin knows), so nothing here ever reads a third file.
 */
export function summariseModule(sourceCode: TSESLint.SourceCode): ModuleSummariser {
  const exported = exportedFunctions(sourceCode);
  const roots = new Map<FunctionNode, Handler>();
  const wrappers = new Map<FunctionNode, WrapperShape>();
  for (const fn of new Set(exported.values())) {
    const shape = wrapperShapeOf(fn, sourceCode);
    if (shape) {
      wrappers.set(fn, shape);
      for (const { runtimeHandler, forwarded } of shape.calls) {
        if (!roots.has(runtimeHandler.node)) roots.set(runtimeHandler.node, runtimeHandler);
        // A factory that makes the handler's callback from the runtime's: what its made function does is solved
        // with the factory's parameter as the callback.
        if (forwarded.kind === 'made' && !roots.has(forwarded.factory)) {
          roots.set(forwarded.factory, {
            node: forwarded.factory,
            callbackParam: forwarded.parameter,
            callbackVariable: forwarded.parameterVariable,
            wrapperParams: [],
          });
        }
      }
      continue;
    }
    const root = callbackRoot(fn, sourceCode);
    if (root && !roots.has(fn)) roots.set(fn, root);
  }
  const recorder = recordCallbackFlow(sourceCode, { roots: () => [...roots.values()] });

  function result(): ModuleSummary {
    const flows = recorder.handlerFlows();
    const analysisOf = analyzeFile(flows);
    const flowByRoot = new Map(flows.map((flow) => [flow.bindings.handler.node, flow]));
    const summaries = new Map<string, ExportSummary>();
    const rejection: RejectionContext = { sourceCode, isCallback: () => false };
    const catching = new Map<FunctionNode, boolean>();
    /** Whether a wrapper of this file answers its handler's rejection; one that reaches itself again catches nothing more. */
    function catchesRejection(fn: FunctionNode, shape: WrapperShape): boolean {
      const known = catching.get(fn);
      if (known !== undefined) return known;
      catching.set(fn, false);
      const catches =
        shape.handoffs.every((handoff) => handoff.catchesRejection) &&
        shape.calls.every((wrapped) => {
          const flow = flowByRoot.get(wrapped.runtimeHandler.node);
          return flow !== undefined && rejectionIsAnswered(wrapped.call, rejectionJudge(flow, analysisOf(flow), wrapped, sourceCode, isSameFileCatching));
        });
      catching.set(fn, catches);
      return catches;
    }
    /** `withErrorHandler(inner)` with `withErrorHandler` an export of this file that catches, `inner` where it takes the handler. */
    function isSameFileCatching(call: TSESTree.CallExpression, argument: TSESTree.Node): boolean {
      const fn = sameFileFunction(call.callee, sourceCode);
      const shape = fn && wrappers.get(fn);
      return shape !== undefined && call.arguments[shape.handlerIndex] === argument && catchesRejection(fn!, shape);
    }
    for (const [name, fn] of exported) {
      const unreadParams = unreadParameters(fn, sourceCode);
      const shape = wrappers.get(fn);
      if (shape) {
        const catches = catchesRejection(fn, shape);
        const forwarding = forwardingOf(shape, (root) => {
          const flow = flowByRoot.get(root);
          return flow && { flow, analysis: analysisOf(flow) };
        });
        summaries.set(name, { unreadParams, rejects: false, wrapper: { handlerIndex: shape.handlerIndex, catchesRejection: catches, ...forwarding } });
        continue;
      }
      const flow = roots.has(fn) ? flowByRoot.get(fn) : undefined;
      const callback = flow ? callbackSummary(flow, analysisOf(flow)) : undefined;
      const rejects = functionCanReject(fn, rejection);
      summaries.set(name, callback ? { unreadParams, rejects, callback } : { unreadParams, rejects });
    }
    return summaries;
  }

  return { listeners: recordingListeners(recorder, undefined), result };
}

/** The export seen as a handler whose callback is the parameter it calls. */
function callbackRoot(fn: FunctionNode, sourceCode: TSESLint.SourceCode): Handler | undefined {
  const called: { index: number; param: TSESTree.Identifier; variable: TSESLint.Scope.Variable }[] = [];
  for (const [index, param] of fn.params.entries()) {
    const identifier = parameterIdentifier(param);
    const variable = parameterVariable(fn, identifier, sourceCode);
    if (!identifier || !variable) continue;
    if (variable.references.some((reference) => reference.isRead() && classifyValueUse(reference.identifier).kind === 'call')) {
      called.push({ index, param: identifier, variable });
    }
  }
  const chosen = called.find((entry) => entry.index === PREFERRED_CALLBACK_INDEX) ?? called[0];
  return chosen && { node: fn, callbackParam: chosen.param, callbackVariable: chosen.variable, wrapperParams: [] };
}

function unreadParameters(fn: FunctionNode, sourceCode: TSESLint.SourceCode): number[] {
  const unread: number[] = [];
  for (const [index, param] of fn.params.entries()) {
    const variable = parameterVariable(fn, parameterIdentifier(param), sourceCode);
    if (variable && !variable.references.some((reference) => reference.isRead())) unread.push(index);
  }
  return unread;
}

function callbackSummary(flow: HandlerFlow, analysis: CallbackAnalysis): CallbackHelperSummary | undefined {
  const { handler } = flow.bindings;
  const own = flow.functions.get(handler.node);
  if (!own) return undefined;
  const summary = analysis.summaryOf(handler.node);
  const handles = !readsCallback(flow.bindings) ? 'never' : summary.handlesOnEveryPath ? 'every' : 'some';
  const callbackIndex = handler.node.params.findIndex((param) => parameterIdentifier(param) === handler.callbackParam);
  const gapLine = handles === 'some' ? firstOpenReturnLine(own, analysis) : undefined;
  const answersWhenReturning = handles === 'some' && !handler.node.async ? guardResult(flow, analysis) : undefined;
  return {
    callbackIndex,
    handles,
    callsOnEveryPath: summary.callsOnEveryPath,
    answersOnEveryPath: summary.answersOnEveryPath,
    ...(gapLine === undefined ? {} : { gapLine }),
    ...(answersWhenReturning === undefined ? {} : { answersWhenReturning }),
  };
}

/** The first line where a path of `own` returns without having handled the callback: its exit, or the function's end. */
function firstOpenReturnLine(own: FunctionFlow, analysis: CallbackAnalysis): number | undefined {
  const { outStates } = analysis.solveCompletion(own, 'handled');
  let gapLine: number | undefined;
  for (const segment of own.codePath.returnedSegments) {
    if (outStates.get(segment) !== false) continue;
    const line = own.segments.get(segment)?.exit?.loc.start.line ?? own.node.loc.end.line;
    gapLine = gapLine === undefined ? line : Math.min(gapLine, line);
  }
  return gapLine;
}

type Solved = { readonly flow: HandlerFlow; readonly analysis: CallbackAnalysis } | undefined;

/**
 * How the wrapper passes the runtime's callback to the handler: in which argument (when its calls agree), and
 * whether what it passes calls the runtime's callback on every path. A hand-off to a known npm wrapper passes
 * the callback itself, third.
 */
function forwardingOf(shape: WrapperShape, solved: (root: FunctionNode) => Solved): Pick<WrapperSummary, 'callbackIndex' | 'forwards' | 'forwardGapLine'> {
  const indexes = new Set<number>(shape.handoffs.map(() => 2));
  let forwards: WrapperSummary['forwards'] = 'every';
  let forwardGapLine: number | undefined;
  for (const { forwarded, runtimeHandler } of shape.calls) {
    indexes.add(forwarded.index);
    if (forwarded.kind === 'itself') continue;
    const { fn, root } = forwarded.kind === 'function' ? { fn: forwarded.fn, root: runtimeHandler.node } : { fn: forwarded.returned, root: forwarded.factory };
    const found = solved(root);
    const own = found?.flow.functions.get(fn);
    // Not recorded (nothing of it reaches the callback): nothing says it answers.
    if (!found || !own) {
      forwards = 'some';
      continue;
    }
    if (found.analysis.summaryOf(fn).answersOnEveryPath) continue;
    forwards = 'some';
    const line = firstOpenReturnLine(own, found.analysis) ?? fn.loc.end.line;
    forwardGapLine = forwardGapLine === undefined ? line : Math.min(forwardGapLine, line);
  }
  const [index] = indexes;
  return { callbackIndex: indexes.size === 1 ? index : undefined, forwards, ...(forwardGapLine === undefined ? {} : { forwardGapLine }) };
}

/**
 * The value a guard returns when it called back: every path that returns either called the callback
 * synchronously and returns that value, or never touched it and returns the opposite.
 */
function guardResult(flow: HandlerFlow, analysis: CallbackAnalysis): boolean | undefined {
  const own = flow.functions.get(flow.bindings.handler.node)!;
  const called = analysis.solveCompletion(own, 'called').outStates;
  const handled = analysis.solveCompletion(own, 'handled').outStates;
  const isCallback = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.Identifier && [...flow.bindings.callbackVariables].some((variable) => variable.references.some((reference) => reference.identifier === node));
  let answered: boolean | undefined;
  let open: boolean | undefined;
  for (const segment of own.codePath.returnedSegments) {
    const exit = own.segments.get(segment)?.exit;
    const value = returnedTruthiness(exit?.type === AST_NODE_TYPES.ReturnStatement ? exit : undefined, flow.bindings.handler.node, isCallback);
    if (value === undefined) return undefined;
    if (called.get(segment) === true) {
      if (answered === !value) return undefined;
      answered = value;
    } else if (handled.get(segment) === false) {
      if (open === !value) return undefined;
      open = value;
    } else {
      return undefined;
    }
  }
  return answered !== undefined && open === !answered ? answered : undefined;
}

/** Whether a path's return value is truthy: `return true`, `return false`, `return;`, `return callback(…)` (undefined), the end. */
function returnedTruthiness(exit: TSESTree.ReturnStatement | undefined, fn: FunctionNode, isCallback: (node: TSESTree.Node) => boolean): boolean | undefined {
  if (!exit) return fn.body.type === AST_NODE_TYPES.BlockStatement ? false : undefined;
  const argument = exit.argument && skipTransparentWrappers(exit.argument);
  if (!argument) return false;
  if (argument.type === AST_NODE_TYPES.Literal) return typeof argument.value === 'boolean' ? argument.value : argument.value === null ? false : undefined;
  if (argument.type === AST_NODE_TYPES.Identifier && argument.name === 'undefined') return false;
  if (argument.type === AST_NODE_TYPES.UnaryExpression && argument.operator === 'void') return false;
  // Twilio's callback returns undefined.
  if (argument.type === AST_NODE_TYPES.CallExpression && isCallback(skipTransparentWrappers(argument.callee))) return false;
  return undefined;
}

/** Answers, for the runtime handler a wrapper returns, whether a `catch` or `.catch` handler answers the request. */
function rejectionJudge(
  flow: HandlerFlow,
  analysis: CallbackAnalysis,
  wrapped: WrappedCall,
  sourceCode: TSESLint.SourceCode,
  isSameFileCatching: (call: TSESTree.CallExpression, argument: TSESTree.Node) => boolean,
): RejectionJudge {
  const { bindings } = flow;
  const reads = [...bindings.callbackVariables, ...bindings.localFunctions.keys()].flatMap((variable) =>
    variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier),
  );
  function localFunctionOf(identifier: TSESTree.Identifier): FunctionNode | undefined {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    return variable ? bindings.localFunctions.get(variable) : undefined;
  }
  return {
    wrapped,
    answers(node) {
      const value = skipTransparentWrappers(node);
      if (value.type === AST_NODE_TYPES.Identifier) {
        if (reads.includes(value) && [...bindings.callbackVariables].some((variable) => variable.references.some((reference) => reference.identifier === value))) {
          return true;
        }
        const fn = localFunctionOf(value);
        return fn !== undefined && analysis.summaryOf(fn).answersOnEveryPath;
      }
      if (isFunctionNode(value) && flow.functions.has(value)) return analysis.summaryOf(value).answersOnEveryPath;
      // A `catch` block: it answers when it calls back (or calls a local function that does) somewhere in it.
      return reads.some((read) => containsNode(value, read));
    },
    isCatchingWrapperCall(call, argument) {
      return knownWrapperCalled(call, sourceCode)?.catchesRejection === true || isSameFileCatching(call, argument);
    },
    isLoadedFunctionCall(call) {
      return sameFileFunction(call.callee, sourceCode) === undefined && requiredExportOf(call.callee, sourceCode) !== undefined;
    },
  };
}
