import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode } from '../util/ast.js';
import { endExit, type ExitTexts, HANDLER_EXITS, laterAssertsText, returnExit } from '../callback-flow/exit-texts.js';
import { functionEnd } from '../util/function-end.js';
import { answeredByLaterLink } from '../callback-flow/later-links.js';
import { answersSomewhere } from '../callback-flow/answers-somewhere.js';
import { answeredBesideErrorOnly } from '../callback-flow/error-only-answer.js';
import { answersInsideLoop } from '../callback-flow/loop-answers.js';
import { answeredAround } from '../callback-flow/answered-around.js';
import { statementHead } from '../util/statement-head.js';
import { openDecision, type PathGap, solveGaps } from '../callback-flow/path-gaps.js';
import { isExhaustiveByEnclosingCondition } from '../callback-flow/exhaustive-chain.js';
import { isFalseSideExcludedByGuards, isNoCaseExcludedByGuards } from '../callback-flow/guarded-values.js';
import { inBranchThatNeverRuns, isAlwaysTrue } from '../callback-flow/known-truthiness.js';
import { incompleteReturnsInto } from '../callback-flow/incomplete-returns.js';
import { decisionText, openDecisionCondition, openDecisionFix } from '../callback-flow/decision-text.js';
import { hasDefaultCase, openSwitchCases } from '../callback-flow/open-switch-cases.js';
import { type FunctionFlow, type HandlerFlow } from '../callback-flow/flow-events.js';
import type { HandlerWrapper } from '../cross-file/cross-file-facts.js';
import { onFileAnalysis } from '../file-analysis/file-analysis.js';
import type { CallbackAnalysis } from '../callback-flow/callback-summary.js';
import { readsCallback } from '../handlers/callback-bindings.js';
import { functionHandoff, runsRepeatedlyWithin, singlePageIteration } from '../handlers/function-handoff.js';
import { localCallTargetOf } from '../callback-flow/local-call-target.js';
import { tryLeftByReturnedCall } from '../handlers/delegates.js';
import { isAwaitedInTry } from '../promises/rejection.js';
import { strandsCallbackAfterIt, unreachableCallsOf } from '../callback-flow/unreachable-calls.js';
import { partlyAnsweringHelperCalls } from '../callback-flow/helper-gaps.js';
import { unansweredPageFailure } from '../callback-flow/unanswered-page-failure.js';
import { rejectionPointsOf } from '../callback-flow/rejection-points.js';
import { runsAfterLocalOnlyGuard } from '../twilio-values/local-only.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageIds =
  | 'delegateNeverCalls'
  | 'helperMissingOnPath'
  | 'missing'
  | 'missingAfterDecision'
  | 'missingAfterIteration'
  | 'missingAtEnd'
  | 'missingOnPath'
  | 'pageFailureUnanswered'
  | 'rejectedByAssert'
  | 'rejectedByUndeclaredName'
  | 'rejectedOnPath'
  | 'unreachable'
  | 'unreachableInUncalledFunction'
  | 'wrapperLosesAnswer';

/** ` returned without \`await\` from the \`try\` on line 8 (so its \`catch\` never sees the rejection),`, or nothing. */
function missedCatch(call: TSESTree.CallExpression): string {
  const tryStatement = tryLeftByReturnedCall(call);
  return tryStatement ? ` returned without \`await\` from the \`try\` on line ${tryStatement.loc.start.line} (so its \`catch\` never sees the rejection),` : '';
}

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
      missingAfterDecision: `When {{condition}}, {{subject}} goes on past this \`{{statement}}\` and ends without calling \`{{name}}()\`: on this path ${TIMEOUT}. {{fix}}`,
      missingAfterIteration: `{{exit}} without calling \`{{name}}()\` when no item of \`{{method}}()\` answers (none matches, or there are none): on this path ${TIMEOUT}. Find the result first, then call \`{{name}}()\` once after \`{{method}}()\`.`,
      missingAtEnd: `{{exit}} without calling \`{{name}}()\` after {{decision}}: on this path ${TIMEOUT}. Call \`{{name}}(…)\` on this path too.`,
      missingOnPath: `{{exit}} without calling \`{{name}}()\`: on this path ${TIMEOUT}. Call \`{{name}}(…)\` on this path too.`,
      pageFailureUnanswered:
        `When the query fails, Airtable runs only this function of \`eachPage()\` (not the page function, which answers), and it never calls \`{{name}}()\`: on that path ${TIMEOUT}. Answer the failure here: \`if ({{error}}) return {{name}}({{error}});\`.`,
      rejectedOnPath:
        `This \`throw\` rejects {{subject}} without calling \`{{name}}()\`. Twilio does not turn a rejection into a response: ${TIMEOUT}. Use \`return {{name}}(error)\` instead of throwing.`,
      rejectedByAssert:
        `This \`assert()\`{{more}} throws an AssertionError when its check fails, which rejects {{subject}} without calling \`{{name}}()\`. Twilio does not turn a rejection into a response: ${TIMEOUT}. Test the value and answer instead (\`return {{name}}(null, response)\` with a 400 status), or catch the error and call \`{{name}}(error)\`.`,
      rejectedByUndeclaredName:
        `No scope declares \`{{read}}\` and the runtime does not provide it: reading it throws a ReferenceError, which rejects {{subject}} without calling \`{{name}}()\`. Twilio does not turn a rejection into a response: ${TIMEOUT}. Declare or import \`{{read}}\` (or correct its name).`,
      unreachable:
        'This `{{name}}()` call can never run: no path reaches it (it follows a `return`, `throw`, `break`, `continue` or an endless loop), so it cannot end the request. Move it to where the work finishes.',
      wrapperLosesAnswer:
        `\`{{function}}()\` ({{file}}) hands this handler a callback of its own that can return without calling the runtime's (line {{line}} there): an answer the handler gives on that path never reaches Twilio, and ${TIMEOUT}. Make that callback call the runtime's on every path.`,
      unreachableInUncalledFunction:
        'This `{{name}}()` call never runs because `{{function}}` is never called, so it cannot end the request. Call `{{function}}()` where the work finishes, or remove it.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    /** Local functions whose own gaps were reported for a caller: one report per function, however many call it. */
    const reportedLocalFunctions = new Set<FunctionNode>();

    function checkHandler(handlerFlow: HandlerFlow, analysis: CallbackAnalysis, wrapper: HandlerWrapper | undefined): void {
      const { handler } = handlerFlow.bindings;
      const flow = handlerFlow.functions.get(handler.node);
      if (!flow) return;
      if (wrapper?.lostAnswer) {
        const { name: wrapperName, file, line } = wrapper.lostAnswer;
        context.report({ node: wrapper.call.callee, messageId: 'wrapperLosesAnswer', data: { function: wrapperName, file, line: String(line) } });
      }
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
          : // Awaited in the caller's `try`, its rejection lands in that `catch`.
            isAwaitedInTry(handler.delegatedBy!.call) ? { subject: `\`${delegate}()\`, which answers for the handler,` } : {
              subject: `\`${delegate}()\`, which answers for the handler,`,
              rejects: `the promise of \`${delegate}()\`, which answers for the handler,${missedCatch(handler.delegatedBy!.call)}`,
            };
      reportIncompletePaths(flow, analysis, name, exits, handlerFlow);
      reportHelperGaps(flow);
      for (const nested of handlerFlow.functions.values()) {
        if (nested !== flow) checkHandedOffFunction(nested, handlerFlow, analysis, name);
      }
      reportUnreachableCalls(handlerFlow, analysis, name);
    }

    /**
     * A function handed to a one-shot API (`.then(fn)`, `create(opts, (err, message) => …)`) that calls back on
     * some of its paths is where the request gets answered: each of its other paths leaves the request open.
     */
    function checkHandedOffFunction(flow: FunctionFlow, handlerFlow: HandlerFlow, analysis: CallbackAnalysis, name: string): void {
      const handoff = functionHandoff(flow.node);
      if (handoff?.kind !== 'once' || runsRepeatedlyWithin(flow.node, handlerFlow.bindings.handler.node)) return;
      if (!answersSomewhere(flow) || answeredAround(flow.node, handlerFlow, analysis)) return;
      // What it returns goes on to a later link that answers (no-code-after-callback reports a link run after one that answered).
      if (answeredByLaterLink(flow.node, handlerFlow, analysis)) return;
      reportUnansweredPageFailure(flow.node, handlerFlow, name);
      if (answeredBesideErrorOnly(flow, handlerFlow)) return;
      reportIncompletePaths(flow, analysis, name, {
        subject: `the function passed to \`${handoff.calleeName}()\``,
        // Airtable runs a single page's `done` only with an error: the path past `if (error)` never runs.
        fallingOffRuns: singlePageIteration(flow.node)?.done !== flow.node,
      }, handlerFlow);
    }

    /** An Airtable page function that answers: a failed query runs only its `done`, which never calls back. */
    function reportUnansweredPageFailure(page: FunctionNode, handlerFlow: HandlerFlow, name: string): void {
      const done = unansweredPageFailure(page, handlerFlow);
      if (!done) return;
      const [error] = done.params;
      const data = { name, error: error?.type === AST_NODE_TYPES.Identifier ? error.name : 'error' };
      context.report({ loc: ASTUtils.getFunctionHeadLocation(done, sourceCode), messageId: 'pageFailureUnanswered', data });
    }

    /** One report per place where a path ends without the callback: its `return`, its `throw`, or the closing brace. */
    function reportIncompletePaths(flow: FunctionFlow, analysis: CallbackAnalysis, name: string, exits: ExitTexts, handlerFlow: HandlerFlow): void {
      const { outStates } = analysis.solveCompletion(flow, 'handled');
      const reported = new Set<TSESTree.Node | undefined>();
      const fallsOff: TSESLint.CodePathSegment[] = [];
      let gapOf: ((segments: readonly TSESLint.CodePathSegment[]) => PathGap | undefined) | undefined;
      for (const segment of flow.codePath.returnedSegments) {
        if (outStates.get(segment) !== false) continue;
        const returns = incompleteReturnsInto(segment, flow, outStates);
        for (const exit of returns) {
          if (reported.has(exit)) continue;
          reported.add(exit);
          if (strandsCallbackAfterIt(exit, flow) || inBranchThatNeverRuns(exit, flow.node, sourceCode)) continue;
          // A `return` after a per-item function that answers for some items: answer once, after the iteration.
          const perItem = (gapOf ??= solveGaps(flow, analysis))([segment])?.decision;
          // A local function that answers on some of its paths only: those paths are the mistake, reported there.
          if (perItem?.type === AST_NODE_TYPES.CallExpression && reportLocalFunctionGaps(perItem, analysis, name, handlerFlow)) continue;
          const method = isFunctionNode(perItem) ? functionHandoff(perItem)?.calleeName : undefined;
          const messageId = method === undefined ? 'missingOnPath' : 'missingAfterIteration';
          context.report({ node: exit, messageId, data: { name, exit: returnExit(exits), method } });
        }
        if (returns.length === 0) fallsOff.push(segment);
      }
      if (fallsOff.length > 0 && exits.fallingOffRuns !== false) {
        const gap = (gapOf ?? solveGaps(flow, analysis))(fallsOff);
        // `for (const to of numbers) callback(null, to)`: the answer per item is the mistake, reported where it is.
        // A local function that answers on some of its paths only: reported inside it, where its paths end.
        const reportedInside = gap?.single === true && gap.decision?.type === AST_NODE_TYPES.CallExpression &&
          reportLocalFunctionGaps(gap.decision, analysis, name, handlerFlow);
        if (!reportedInside && !(gap?.decision && answersInsideLoop(flow, gap.decision, analysis))) reportFallingOff(flow, gap, name, exits, outStates);
      }
      // A throw in a plain handler becomes a 500 response; in an async handler it is a rejection nobody answers.
      if (exits.rejects === undefined || !flow.node.async) return;
      // A handler that refuses to run anywhere but locally (`assert(context.DOMAIN_NAME.startsWith('localhost'))`)
      // rejects on purpose once deployed, and the code after its guard runs only where a rejection is a 500.
      const points = rejectionPointsOf(flow, analysis, sourceCode);
      const deployed = (node: TSESTree.Node): boolean => !runsAfterLocalOnlyGuard(node, handlerFlow.bindings.handler.node);
      const throws = points.throws.filter(deployed);
      const undeclaredReads = points.undeclaredReads.filter(deployed);
      const [firstAssert, ...laterAsserts] = points.asserts.filter(deployed);
      for (const exit of throws) context.report({ node: exit, messageId: 'rejectedOnPath', data: { name, subject: exits.rejects } });
      for (const read of undeclaredReads) {
        context.report({ node: read, messageId: 'rejectedByUndeclaredName', data: { name, subject: exits.rejects, read: read.name } });
      }
      // One report for the function's asserts: one `try` (or one way of answering bad input) is the fix for all.
      const more = laterAssertsText(laterAsserts);
      if (firstAssert) context.report({ node: firstAssert, messageId: 'rejectedByAssert', data: { name, subject: exits.rejects, more } });
    }

    /**
     * `deleteMessage(sid)`, a function of the handler that uses the callback and answers on some of its own paths
     * only: the caller's paths that end without an answer are that function's, so they are reported inside it, once
     * per function, naming the call. Whether it reported (a function without such a path of its own leaves the
     * report to the caller).
     */
    function reportLocalFunctionGaps(call: TSESTree.CallExpression, analysis: CallbackAnalysis, name: string, handlerFlow: HandlerFlow): boolean {
      const target = localCallTargetOf(call, handlerFlow);
      const targetFlow = target && handlerFlow.functions.get(target);
      if (!targetFlow) return false;
      if (reportedLocalFunctions.has(target)) return true;
      const { outStates } = analysis.solveCompletion(targetFlow, 'handled');
      if (!targetFlow.codePath.returnedSegments.some((segment) => outStates.get(segment) === false)) return false;
      reportedLocalFunctions.add(target);
      const callee = sourceCode.getText(call.callee);
      const line = String(call.loc.start.line);
      reportIncompletePaths(targetFlow, analysis, name, { subject: `\`${callee}()\` (called on line ${line})` }, handlerFlow);
      return true;
    }

    /**
     * Paths that fall off the end: reported at the one `if` without `else` (or `switch` without `default`) that
     * lets them through, naming its condition; otherwise at the closing brace, naming the last decision on them.
     */
    function reportFallingOff(
      flow: FunctionFlow,
      gap: PathGap | undefined,
      name: string,
      exits: ExitTexts,
      handled: ReadonlyMap<TSESLint.CodePathSegment, boolean>,
    ): void {
      const open = openDecision(gap);
      const openCases = open?.type === AST_NODE_TYPES.SwitchStatement ? openSwitchCases(open, flow, handled) : [];
      // The `if` around the chain runs it only when one of its conditions holds: no path gets past it.
      if (open?.type === AST_NODE_TYPES.IfStatement && isExhaustiveByEnclosingCondition(open, sourceCode)) return;
      // `if (call)` after `const call = await client.calls(sid).update(…)`: its false side never runs.
      if (open?.type === AST_NODE_TYPES.IfStatement && isAlwaysTrue(open.test, sourceCode)) return;
      // The guards before it let only values through that the chain (or the `switch`'s cases) all take.
      if (open?.type === AST_NODE_TYPES.IfStatement && isFalseSideExcludedByGuards(open, flow.node, sourceCode)) return;
      if (open?.type === AST_NODE_TYPES.SwitchStatement && openCases.length === 0 && !hasDefaultCase(open) && isNoCaseExcludedByGuards(open, flow.node, sourceCode)) {
        return;
      }
      if (open) {
        context.report({
          loc: statementHead(open, sourceCode),
          messageId: 'missingAfterDecision',
          data: {
            name,
            subject: exits.subject,
            condition: openDecisionCondition(open, sourceCode, openCases),
            statement: open.type === AST_NODE_TYPES.IfStatement ? 'if' : 'switch',
            fix: openDecisionFix(open, name, openCases),
          },
        });
        return;
      }
      const decision = gap?.decision?.type === AST_NODE_TYPES.CallExpression ? undefined : gap?.decision;
      const loc = functionEnd(flow.node, sourceCode);
      if (!decision) context.report({ loc, messageId: 'missingOnPath', data: { name, exit: endExit(exits) } });
      else if (isFunctionNode(decision)) {
        const method = functionHandoff(decision)?.calleeName ?? 'the loop';
        context.report({ loc, messageId: 'missingAfterIteration', data: { name, exit: endExit(exits), method } });
      } else context.report({ loc, messageId: 'missingAtEnd', data: { name, exit: endExit(exits), decision: decisionText(decision, sourceCode) } });
    }

    /** A helper of another file that answers in the handler's place but returns without calling back on some path. */
    function reportHelperGaps(flow: FunctionFlow): void {
      for (const helper of partlyAnsweringHelperCalls(flow)) {
        const data = { function: helper.name, file: helper.file, line: String(helper.gapLine ?? '?') };
        context.report({ node: helper.call.callee, messageId: 'helperMissingOnPath', data });
      }
    }

    /** Callback calls that never run where a path goes without the answer they were meant to give. */
    function reportUnreachableCalls(handlerFlow: HandlerFlow, analysis: CallbackAnalysis, name: string): void {
      for (const { call, uncalledFunction } of unreachableCallsOf(handlerFlow, analysis)) {
        const messageId = uncalledFunction === undefined ? 'unreachable' : 'unreachableInUncalledFunction';
        context.report({ node: call, messageId, data: { name, function: uncalledFunction } });
      }
    }

    return onFileAnalysis(context, (analysis) => {
      for (const handlerFlow of analysis.handlerFlows) {
        checkHandler(handlerFlow, analysis.callbackAnalysisOf(handlerFlow), analysis.wrapperOf(handlerFlow.bindings.handler));
      }
    });
  },
});
