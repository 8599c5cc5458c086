import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { HelperCall } from '../cross-file/helper-summary.js';
import { emptyGraph } from '../dataflow/segment-graph.js';
import { createSegmentRecorder, type SegmentRecorder } from '../dataflow/segment-recorder.js';
import { bindCallback, classifyValueUse } from '../handlers/callback-bindings.js';
import { findReceivers } from '../handlers/delegates.js';
import { findHandlers, type Handler } from '../handlers/find-handlers.js';
import { functionHandoff } from '../handlers/function-handoff.js';
import { type FunctionNode, isFunctionNode, skipTransparentWrappers } from '../util/ast.js';
import { readsOf } from '../util/variable-reads.js';
import { type CallbackEventHooks, type CallbackReads, callbackEventHooks } from './callback-events.js';
import { undeclaredReadsOf } from './undeclared-names.js';
import type { FlowEvent, FunctionFlow, HandlerFlow } from './flow-events.js';

export interface CallbackFlowRecorder {
  /** Finds the handlers and what reads their callbacks: run when the traversal reaches `Program`. */
  prepare(): void;
  /** What turns nodes into callback events (the segments' own hooks are `segments.hooks`). */
  readonly events: CallbackEventHooks;
  /** The segments of every recorded function: other engines record their events into the same graphs. */
  readonly segments: SegmentRecorder<FlowEvent, FunctionFlow>;
  /** The recorded flows of every handler in the file; complete once the traversal has left `Program`. */
  handlerFlows(): readonly HandlerFlow[];
  /** Whether the node reads the callback (or an alias), reads a local function that uses it, or is such a function. */
  usesCallback(node: TSESTree.Node): boolean;
}

/**
 * Records, during ESLint's single traversal, the callback events of every code path segment of every handler
 * and of every function nested in it that uses the callback. The analyses run afterwards over the segment graph,
 * so nothing here depends on the number of paths.
 */
export interface RecordOptions {
  /** The functions analysed as handlers: the file's handlers by default, another file's exports when summarising it. */
  readonly roots?: () => readonly Handler[];
  /** What a call hands the callback to in another project file, when it is one of its exports the plugin summarised. */
  readonly helperCallOf?: (argument: TSESTree.Identifier, handler: Handler) => HelperCall | undefined;
}

export function recordCallbackFlow(sourceCode: TSESLint.SourceCode, options: RecordOptions = {}): CallbackFlowRecorder {
  const handlerFlows = new Map<FunctionNode, HandlerFlow>();
  const owners = new WeakMap<FunctionFlow, HandlerFlow>();
  const undeclared = new Set<TSESTree.Identifier>();
  const reads: CallbackReads = {
    callbackReads: new Set(),
    localFunctionReads: new Map(),
    wrapperParamReads: new Set(),
    receiverArguments: new Map(),
    responderReads: new Map(),
    factoryArguments: new Set(),
    undeclaredReads: undeclared,
    responseObjectReads: new Map(),
    helperArguments: new Map(),
  };

  /** Finds the handlers, and the same-file functions they hand their callback to, before the traversal. */
  function prepare(): void {
    for (const read of undeclaredReadsOf(sourceCode)) undeclared.add(read);
    const pending = [...(options.roots?.() ?? findHandlers(sourceCode))];
    for (let handler = pending.shift(); handler; handler = pending.shift()) {
      if (handlerFlows.has(handler.node)) continue;
      const handlerFlow: HandlerFlow = { bindings: bindCallback(handler, sourceCode), functions: new Map() };
      handlerFlows.set(handler.node, handlerFlow);
      for (const receiver of findReceivers(handlerFlow.bindings, sourceCode)) {
        reads.receiverArguments.set(receiver.argument, receiver.handler.node);
        pending.push(receiver.handler);
      }
      for (const read of readsOf(handlerFlow.bindings.callbackVariables)) {
        reads.callbackReads.add(read);
        const helper = options.helperCallOf?.(read, handler);
        if (helper) reads.helperArguments.set(read, helper);
      }
      for (const read of readsOf(handler.wrapperParams)) reads.wrapperParamReads.add(read);
      for (const [variable, fn] of handlerFlow.bindings.localFunctions) {
        for (const read of readsOf([variable])) reads.localFunctionReads.set(read, fn);
      }
      for (const responder of handlerFlow.bindings.responders) {
        reads.factoryArguments.add(responder.argument);
        for (const read of readsOf([responder.variable])) reads.responderReads.set(read, responder);
      }
    }
  }

  /**
   * A handler gets a flow, and so does a function nested in one that uses the callback; passing such a function
   * on is a hand-off of the callback, recorded in the function around it.
   */
  function startFunction(node: FunctionNode, codePath: TSESLint.CodePath): FunctionFlow | undefined {
    let handlerFlow = handlerFlows.get(node);
    if (!handlerFlow) {
      const outer = segments.current();
      const outerHandlerFlow = outer && owners.get(outer);
      if (!outerHandlerFlow?.bindings.callbackUsers.has(node)) return undefined;
      handlerFlow = outerHandlerFlow;
      if (node.type !== AST_NODE_TYPES.FunctionDeclaration && classifyValueUse(node).kind === 'handoff') {
        segments.record(functionHandoff(node)?.kind === 'perItem' ? { kind: 'perItem', node } : { kind: 'handoff', node });
      }
    }
    const flow: FunctionFlow = { ...emptyGraph<FlowEvent>(node, codePath), unreachableCalls: [] };
    handlerFlow.functions.set(node, flow);
    owners.set(flow, handlerFlow);
    return flow;
  }

  const segments = createSegmentRecorder<FlowEvent, FunctionFlow>(startFunction);

  return {
    prepare,
    events: callbackEventHooks(segments, reads, (flow) => owners.get(flow), sourceCode),
    segments,
    handlerFlows: () => [...handlerFlows.values()],
    usesCallback(node) {
      const value = skipTransparentWrappers(node);
      if (value.type === AST_NODE_TYPES.Identifier) {
        return reads.callbackReads.has(value) || reads.localFunctionReads.has(value) || reads.responderReads.has(value);
      }
      if (!isFunctionNode(value)) return false;
      for (const handlerFlow of handlerFlows.values()) if (handlerFlow.bindings.callbackUsers.has(value)) return true;
      return false;
    },
  };
}
