import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, type FunctionNode } from '../util/ast.js';
import { type FunctionFlow, type HandlerFlow } from '../callback-flow/flow-events.js';
import type { HandlerWrapper } from '../cross-file/cross-file-facts.js';
import { onFileAnalysis } from '../file-analysis/file-analysis.js';
import type { CallbackAnalysis } from '../callback-flow/callback-summary.js';
import { readsCallback } from '../handlers/callback-bindings.js';
import { functionHandoff } from '../handlers/function-handoff.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageIds =
  | 'delegateNeverCalls'
  | 'helperMissingOnPath'
  | 'missing'
  | 'missingOnPath'
  | 'rejectedOnPath'
  | 'unreachable'
  | 'unreachableInUncalledFunction';

interface ExitTexts {
  readonly returnExit: string;
  readonly endExit: string;
  /** What an async function's `throw` rejects, when that rejection is nobody's to turn into a response. */
  readonly rejects?: string;
}

const HANDLER_EXITS: ExitTexts = {
  returnExit: 'This `return` ends the handler',
  endExit: 'The handler can end here',
  rejects: 'the async handler',
};

/** The callback events that call or hand off the callback. */
const ANSWERING_EVENTS = new Set(['call', 'handoff', 'perItem', 'localCall', 'receiverCall', 'helperCall']);

const TIMEOUT = "the request runs into the 10-second limit and fails with 'runtime application timed out'";

export default createRule<Options, MessageIds>({
  name: 'require-callback',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every path of a Twilio Function handler to call its callback',
      recommended: true,
    },
    schema: [],
    messages: {
      delegateNeverCalls:
        `The handler hands its callback to \`{{function}}()\` (as \`{{name}}\`), which never calls it: every request that gets here runs into the 10-second limit and fails with 'runtime application timed out'. Call \`{{name}}(null, response)\` when the work is done and \`{{name}}(error)\` when it fails.`,
      helperMissingOnPath:
        `The handler leaves the answer to \`{{function}}()\` ({{file}}), which can return without calling the callback (line {{line}} there): on that path ${TIMEOUT}. Make \`{{function}}()\` call back on every path, or answer here when it does not.`,
      missing:
        `This handler never calls \`{{name}}()\`. Twilio ends a Function only when its callback is called, so every request runs into the 10-second limit and fails with 'runtime application timed out'. Call \`{{name}}(null, response)\` when the work is done and \`{{name}}(error)\` when it fails.`,
      missingOnPath: `{{exit}} without calling \`{{name}}()\`: on this path ${TIMEOUT}. Call \`{{name}}(…)\` on this path too.`,
      rejectedOnPath:
        `This \`throw\` rejects {{subject}} without calling \`{{name}}()\`. Twilio does not turn a rejection into a response: ${TIMEOUT}. Use \`return {{name}}(error)\` instead of throwing.`,
      unreachable:
        'This `{{name}}()` call can never run: no path reaches it (it follows a `return`, `throw`, `break`, `continue` or an endless loop), so it cannot end the request. Move it to where the work finishes.',
      unreachableInUncalledFunction:
        'This `{{name}}()` call never runs because `{{function}}` is never called, so it cannot end the request. Call `{{function}}()` where the work finishes, or remove it.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;

    function checkHandler(handlerFlow: HandlerFlow, analysis: CallbackAnalysis, wrapper: HandlerWrapper | undefined): void {
      const { handler } = handlerFlow.bindings;
      const flow = handlerFlow.functions.get(handler.node);
      if (!flow) return;
      const name = handler.callbackParam.name;
      // A receiver that does not answer in the handler's place (a guard helper) answers on some outcomes only.
      if (handler.delegatedBy && !handler.delegatedBy.answersForHandler) return;
      const delegate = handler.delegatedBy?.name;
      if (!readsCallback(handlerFlow.bindings)) {
        context.report({
          loc: ASTUtils.getFunctionHeadLocation(handler.node, sourceCode),
          ...(delegate === undefined
            ? { messageId: 'missing', data: { name } }
            : { messageId: 'delegateNeverCalls', data: { name, function: delegate } }),
        });
        return;
      }
      const exits: ExitTexts =
        delegate === undefined
          ? // A wrapper that catches the handler's rejection and answers makes a `throw` an answer.
            wrapper?.catchesRejection ? { ...HANDLER_EXITS, rejects: undefined } : HANDLER_EXITS
          : {
              returnExit: `This \`return\` ends \`${delegate}()\`, which answers for the handler,`,
              endExit: `\`${delegate}()\`, which answers for the handler, can end here`,
              rejects: `the promise of \`${delegate}()\`, which answers for the handler,`,
            };
      reportIncompletePaths(flow, analysis, name, exits);
      reportHelperGaps(flow);
      for (const nested of handlerFlow.functions.values()) {
        if (nested !== flow) checkHandedOffFunction(nested, handlerFlow, analysis, name);
      }
      reportUnreachableCalls(handlerFlow, name);
    }

    /**
     * A function handed to a one-shot API (`.then(fn)`, `create(opts, (err, message) => …)`) that calls back on
     * some of its paths is where the request gets answered: each of its other paths leaves the request open.
     */
    function checkHandedOffFunction(flow: FunctionFlow, handlerFlow: HandlerFlow, analysis: CallbackAnalysis, name: string): void {
      const handoff = functionHandoff(flow.node);
      if (handoff?.kind !== 'once' || runsRepeatedly(flow.node, handlerFlow.bindings.handler.node)) return;
      if (!answersSomewhere(flow) || answeredAroundIt(flow, handlerFlow, analysis)) return;
      reportIncompletePaths(flow, analysis, name, {
        returnExit: `This \`return\` ends the function passed to \`${handoff.calleeName}()\``,
        endExit: `The function passed to \`${handoff.calleeName}()\` can end here`,
      });
    }

    /**
     * A continuation set up by a function that then calls back synchronously on every path needs no answer of its
     * own: the response is sent before it runs (the work it does is cut off, which no-floating-promises reports).
     */
    function answeredAroundIt(flow: FunctionFlow, handlerFlow: HandlerFlow, analysis: CallbackAnalysis): boolean {
      const outerNode = enclosingFunction(flow.node);
      const outer = outerNode && handlerFlow.functions.get(outerNode);
      if (!outer) return false;
      const { outStates } = analysis.solveCompletion(outer, 'called');
      return outer.codePath.returnedSegments.length > 0 && outer.codePath.returnedSegments.every((segment) => outStates.get(segment) === true);
    }

    /** Inside a listener, a timer or a loop over items, a one-shot function runs many times too (polling, retries). */
    function runsRepeatedly(fn: FunctionNode, handler: FunctionNode): boolean {
      for (let current = enclosingFunction(fn); current && current !== handler; current = enclosingFunction(current)) {
        const kind = functionHandoff(current)?.kind;
        if (kind === 'repeated' || kind === 'perItem') return true;
      }
      return false;
    }

    /** Whether the function itself calls or hands off the callback on some path (not only functions nested in it). */
    function answersSomewhere(flow: FunctionFlow): boolean {
      return [...flow.segments.values()].some((record) => record.events.some((event) => ANSWERING_EVENTS.has(event.kind)));
    }

    /** One report per place where a path ends without the callback: its `return`, its `throw`, or the closing brace. */
    function reportIncompletePaths(flow: FunctionFlow, analysis: CallbackAnalysis, name: string, exits: ExitTexts): void {
      const { outStates } = analysis.solveCompletion(flow, 'handled');
      const reported = new Set<TSESTree.Node | undefined>();
      for (const segment of flow.codePath.returnedSegments) {
        if (outStates.get(segment) !== false) continue;
        const returns = incompleteReturnsInto(segment, flow, outStates);
        for (const exit of returns) {
          if (reported.has(exit)) continue;
          reported.add(exit);
          context.report({ node: exit, messageId: 'missingOnPath', data: { name, exit: exits.returnExit } });
        }
        if (returns.length > 0 || reported.has(undefined)) continue;
        reported.add(undefined);
        context.report({ loc: endOf(flow.node), messageId: 'missingOnPath', data: { name, exit: exits.endExit } });
      }
      // A throw in a plain handler becomes a 500 response; in an async handler it is a rejection nobody answers.
      if (exits.rejects === undefined || !flow.node.async) return;
      for (const segment of flow.codePath.thrownSegments) {
        const exit = flow.segments.get(segment)?.exit;
        if (outStates.get(segment) !== false || exit?.type !== AST_NODE_TYPES.ThrowStatement || reported.has(exit)) continue;
        reported.add(exit);
        context.report({ node: exit, messageId: 'rejectedOnPath', data: { name, subject: exits.rejects } });
      }
    }

    /**
     * The `return` statements whose incomplete paths end in `segment`: its own, or, when the function ends in a
     * `finally` block, those of the `try` that jumped into it. None means the path fell off the end.
     */
    function incompleteReturnsInto(
      segment: TSESLint.CodePathSegment,
      flow: FunctionFlow,
      outStates: ReadonlyMap<TSESLint.CodePathSegment, boolean>,
    ): TSESTree.ReturnStatement[] {
      const returns: TSESTree.ReturnStatement[] = [];
      const seen = new Set([segment]);
      const pending = [segment];
      for (let current = pending.pop(); current; current = pending.pop()) {
        const exit = flow.segments.get(current)?.exit;
        if (exit) {
          if (exit.type === AST_NODE_TYPES.ReturnStatement && outStates.get(current) === false) returns.push(exit);
          continue;
        }
        // Only a finally block's leaving copy has a jump among its predecessors; elsewhere the walk finds none.
        for (const previous of current.prevSegments) {
          if (!seen.has(previous)) {
            seen.add(previous);
            pending.push(previous);
          }
        }
      }
      return returns.sort((a, b) => a.range[0] - b.range[0]);
    }

    /** Where a path that falls off the end of the function stops: the closing brace, or an arrow's expression body. */
    function endOf(fn: FunctionNode): TSESTree.SourceLocation {
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body.loc;
      const closingBrace = sourceCode.getLastToken(fn.body)!;
      return closingBrace.loc;
    }

    /** A helper of another file that answers in the handler's place but returns without calling back on some path. */
    function reportHelperGaps(flow: FunctionFlow): void {
      for (const record of flow.segments.values()) {
        for (const event of record.events) {
          if (event.kind !== 'helperCall' || !event.helper.answersForHandler || event.helper.handles !== 'some') continue;
          const { helper } = event;
          context.report({
            node: helper.call.callee,
            messageId: 'helperMissingOnPath',
            data: { function: helper.name, file: helper.file, line: String(helper.gapLine ?? '?') },
          });
        }
      }
    }

    function reportUnreachableCalls(handlerFlow: HandlerFlow, name: string): void {
      const reported = new Set<TSESTree.CallExpression>();
      for (const flow of handlerFlow.functions.values()) {
        for (const call of flow.unreachableCalls) {
          if (reported.has(call)) continue;
          reported.add(call);
          context.report({ node: call, messageId: 'unreachable', data: { name } });
        }
        const uncalled = uncalledAncestor(flow.node, handlerFlow);
        if (uncalled === undefined) continue;
        for (const record of flow.segments.values()) {
          for (const event of record.events) {
            if (event.kind !== 'call' || reported.has(event.node)) continue;
            reported.add(event.node);
            context.report({ node: event.node, messageId: 'unreachableInUncalledFunction', data: { name, function: uncalled } });
          }
        }
      }
    }

    /** The name of the never-called local function that contains `fn` (or is `fn`), if any. */
    function uncalledAncestor(fn: FunctionNode, handlerFlow: HandlerFlow): string | undefined {
      const handlerNode = handlerFlow.bindings.handler.node;
      for (let current: FunctionNode | undefined = fn; current && current !== handlerNode; current = enclosingFunction(current)) {
        const name = handlerFlow.bindings.neverCalled.get(current);
        if (name !== undefined) return name;
      }
      return undefined;
    }

    return onFileAnalysis(context, (analysis) => {
      for (const handlerFlow of analysis.handlerFlows) {
        checkHandler(handlerFlow, analysis.callbackAnalysisOf(handlerFlow), analysis.wrapperOf(handlerFlow.bindings.handler));
      }
    });
  },
});
