import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import type { CallbackAnalysis } from '../callback-flow/callback-summary.js';
import type { FunctionFlow, HandlerFlow } from '../callback-flow/flow-events.js';
import { type FileAnalysis, onFileAnalysis } from '../file-analysis/file-analysis.js';
import { readsCallback } from '../handlers/callback-bindings.js';
import { answersSomewhere } from '../callback-flow/answers-somewhere.js';
import { functionHandoff } from '../handlers/function-handoff.js';
import { tryLeftByReturnedCall } from '../handlers/delegates.js';
import type { Handler } from '../handlers/find-handlers.js';
import { judgeChainRejection } from '../promises/chain-rejection.js';
import { throwingLastCatch } from '../promises/throwing-catch.js';
import { ignoredErrorParameter } from '../promises/node-style-callback.js';
import { calleeRootIsUndeclared } from '../callback-flow/undeclared-names.js';
import { isTwilioRestCall } from '../promises/promise-producers.js';
import { type ChainLink, chainOf } from '../promises/promise-chain.js';
import { workAfterCallbackInChain } from '../callback-flow/chain-after-callback.js';
import { answeredAround } from '../callback-flow/answered-around.js';
import { bodyCanReject, canReject, cannotReject, isAwaitedInTry, isGuarded, type RejectionContext } from '../promises/rejection.js';
import { containsNode, type FunctionNode, isFunctionNode, skipTransparentWrappers } from '../util/ast.js';
import { runsAfterLocalOnlyGuard } from '../twilio-values/local-only.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageIds =
  | 'asyncIife'
  | 'catchDoesNotAnswer'
  | 'catchThrows'
  | 'ignoredError'
  | 'missingCatch'
  | 'suggestCatch'
  | 'suggestErrorCheck'
  | 'suggestParameter'
  | 'thenAfterCatch'
  | 'unguardedAwait';

const TIMEOUT = "nothing answers and the request runs into the 10-second limit ('runtime application timed out')";

export default createRule<Options, MessageIds>({
  name: 'require-catch-callback',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a Twilio Function to call back when a Promise it waits for rejects',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      missingCatch: `This chain calls \`{{name}}()\` when it succeeds but not when it fails: if it rejects, ${TIMEOUT}. End it with \`.catch((error) => {{name}}(error))\`.`,
      catchDoesNotAnswer: `This \`.catch()\` does not call \`{{name}}()\` although the chain answers when it succeeds: when it rejects, ${TIMEOUT}. Call \`{{name}}(error)\` (or answer with an error response) in it.`,
      catchThrows: `No scope declares \`{{read}}\` and the runtime does not provide it: this \`.catch()\` throws a ReferenceError here instead of calling \`{{name}}()\`, and nothing catches that, so when the chain rejects ${TIMEOUT}. Declare \`{{read}}\` or correct its name.`,
      thenAfterCatch: `This \`.{{method}}()\` comes after the chain's last \`.catch()\` and can throw: its rejection is handled by nobody, so ${TIMEOUT}. Move the \`.catch()\` to the end of the chain.`,
      unguardedAwait: `This \`await\` can reject outside a \`try\` whose \`catch\` calls \`{{name}}()\`{{others}}{{through}}: Twilio does not turn an async handler's rejection into a response, so ${TIMEOUT}. Wrap the work in \`try { … } catch (error) { return {{name}}(error); }\`.`,
      asyncIife: `This async function is called without \`.catch()\` and can reject: the handler is not async, so its rejection is nobody's and ${TIMEOUT}. Catch inside it and call \`{{name}}(error)\`, or add \`.catch((error) => {{name}}(error))\`.`,
      ignoredError: `\`{{param}}\` is never read: when \`{{method}}()\` fails, this callback answers as if it had succeeded (with nothing), or throws reading the missing result{{secondCall}}. Check it first: \`if ({{param}}) return {{name}}({{param}});\`.`,
      suggestCatch: 'Add `.catch((error) => {{name}}(error))` at the end of the chain.',
      suggestParameter: 'Use `{{param}}`, the parameter of this `.catch()`.',
      suggestErrorCheck: 'Add `if ({{param}}) return {{name}}({{param}});` as the first statement.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    let otherFileRejects: FileAnalysis['otherFileRejects'] = () => undefined;

    function checkFile(analysis: FileAnalysis): void {
      otherFileRejects = analysis.otherFileRejects;
      for (const site of analysis.promiseChains) {
        if (site.fate.kind !== 'statement' && site.fate.kind !== 'voided') continue;
        const handlerFlow = analysis.handlerFlowOf(site.flow);
        if (!handlerFlow) continue;
        const callbackAnalysis = analysis.callbackAnalysisOf(handlerFlow);
        checkChain(site.node, handlerFlow, callbackAnalysis);
        checkLastCatch(site.node, handlerFlow, callbackAnalysis);
      }
      for (const handlerFlow of analysis.handlerFlows) {
        // A wrapper (another file's, or a known npm one) that catches the handler's rejection answers for it.
        if (!analysis.wrapperOf(handlerFlow.bindings.handler)?.catchesRejection) checkAwaits(handlerFlow, analysis.callbackAnalysisOf(handlerFlow));
        for (const flow of handlerFlow.functions.values()) checkNodeStyleCallback(flow, handlerFlow, analysis.callbackAnalysisOf(handlerFlow));
      }
      for (const site of analysis.asyncIifes) {
        const handlerFlow = analysis.handlerFlowOf(site.flow);
        if (!handlerFlow || site.flow.node.async || (site.fate.kind !== 'statement' && site.fate.kind !== 'voided')) continue;
        if (!bodyCanReject(site.fn, rejectionContext(handlerFlow))) continue;
        // Started before the handler answers synchronously on every path: its rejection comes after the response,
        // and that it is cut off is no-floating-promises' finding (one mistake, one report).
        if (answeredAround(site.node, handlerFlow, analysis.callbackAnalysisOf(handlerFlow))) continue;
        context.report({
          loc: ASTUtils.getFunctionHeadLocation(site.fn, sourceCode),
          messageId: 'asyncIife',
          data: { name: callbackName(handlerFlow) },
        });
      }
    }

    function checkChain(node: TSESTree.CallExpression, handlerFlow: HandlerFlow, analysis: CallbackAnalysis): void {
      const chain = chainOf(node);
      const judge = rejectionContext(handlerFlow);
      const problem = judgeChainRejection(chain, {
        isCallback: judge.isCallback,
        sourceCode,
        rootCanReject: !cannotReject(chain.root, judge),
        answers: (handler) => answers(handler, handlerFlow, analysis),
      });
      if (
        !problem ||
        // The handler answers synchronously after setting the chain up: the chain's answer (and its missing one on
        // failure) comes too late either way; that the chain is cut off is no-floating-promises' finding.
        answeredAround(node, handlerFlow, analysis) ||
        isReportedAsWorkAfterCallback(problem.at, node, handlerFlow, analysis) ||
        answersOnSomePaths(problem.kind === 'catchDoesNotAnswer' ? problem.at.onRejected : undefined, handlerFlow)
      ) {
        return;
      }
      const name = callbackName(handlerFlow);
      context.report({
        node: problem.at.property,
        messageId: problem.kind,
        data: { name, method: problem.at.method },
        suggest:
          problem.kind === 'missingCatch'
            ? [{ messageId: 'suggestCatch', data: { name }, fix: (fixer) => fixer.insertTextAfter(node, `.catch((error) => ${name}(error))`) }]
            : [],
      });
    }

    /**
     * Undeclared names already reported, per handler: a name no `.catch` parameter misspells (`response`, never
     * declared) is one mistake however many `.catch`es read it, and one declaration fixes them all.
     */
    const reportedUndeclared = new Map<TSESTree.Node, Set<string>>();

    /** `.catch((err) => callback(error))`: the read that throws, with the handler's own parameter as a suggestion. */
    function checkLastCatch(node: TSESTree.CallExpression, handlerFlow: HandlerFlow, analysis: CallbackAnalysis): void {
      for (const { handler, read } of throwingLastCatch(node, handlerFlow, analysis)) {
        const [param] = handler.params;
        // A misspelt parameter (`(err) => callback(error)`: passed on as the error, or `err` never read) is this
        // `.catch`'s own mistake; a name the code uses as a value of its own (`response.setBody(error)`) is not.
        const misspelt = read.parent?.type === AST_NODE_TYPES.CallExpression && read.parent.arguments.includes(read);
        const rename = param?.type === AST_NODE_TYPES.Identifier && param.name !== read.name && (misspelt || !isRead(param, handler)) ? param.name : undefined;
        if (!rename) {
          const handlerNode = handlerFlow.bindings.handler.node;
          const names = reportedUndeclared.get(handlerNode) ?? new Set<string>();
          reportedUndeclared.set(handlerNode, names);
          if (names.has(read.name)) continue;
          names.add(read.name);
        }
        context.report({
          node: read,
          messageId: 'catchThrows',
          data: { name: callbackName(handlerFlow), read: read.name },
          suggest: rename ? [{ messageId: 'suggestParameter', data: { param: rename }, fix: (fixer) => fixer.replaceText(read, rename) }] : [],
        });
      }
    }

    /** Whether a function's parameter is read in it. */
    function isRead(param: TSESTree.Identifier, fn: FunctionNode): boolean {
      const variable = sourceCode.getDeclaredVariables(fn).find((declared) => declared.name === param.name);
      return variable?.references.some((reference) => reference.isRead()) ?? false;
    }

    /**
     * A `.then` after a `.catch` that calls back also runs after the response when the chain fails: that is
     * no-code-after-callback's finding (`linkAfterCatchCallback`), with the same fix.
     */
    function isReportedAsWorkAfterCallback(link: ChainLink, chainEnd: TSESTree.CallExpression, handlerFlow: HandlerFlow, analysis: CallbackAnalysis): boolean {
      return workAfterCallbackInChain(chainEnd, handlerFlow, analysis, sourceCode, { allowLogging: true }).some(
        (found) => found.link.call === link.call && found.answeredAt.method === 'catch',
      );
    }

    /** A link answers when it is the callback, or a function that answers on every path. */
    function answers(handler: TSESTree.Node, handlerFlow: HandlerFlow, analysis: CallbackAnalysis): boolean {
      const value = skipTransparentWrappers(handler);
      if (isCallbackReference(value, handlerFlow)) return true;
      if (isFunctionNode(value)) return handlerFlow.functions.has(value) && analysis.summaryOf(value).answersOnEveryPath;
      if (value.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(value), value);
      const fn = variable ? handlerFlow.bindings.localFunctions.get(variable) : undefined;
      return fn !== undefined && analysis.summaryOf(fn).answersOnEveryPath;
    }

    /**
     * The awaits of an async handler that can reject where nothing takes the rejection over, on a path where the
     * callback has not run yet: one report at the first, counting the others.
     */
    function checkAwaits(handlerFlow: HandlerFlow, analysis: CallbackAnalysis): void {
      const { handler } = handlerFlow.bindings;
      if (!handler.node.async || (handler.delegatedBy && !handler.delegatedBy.answersForHandler)) return;
      // `try { await startSession(context, event, callback); } catch (error) { callback(error); }`: the caller takes
      // the receiver's rejection over.
      if (handler.delegatedBy && isAwaitedInTry(handler.delegatedBy.call)) return;
      const flow = handlerFlow.functions.get(handler.node);
      // A handler that never calls back at all is require-callback's one finding.
      if (!flow || !readsCallback(handlerFlow.bindings)) return;
      const judge = rejectionContext(handlerFlow);
      // Code after a local-only guard (`assert(context.DOMAIN_NAME.startsWith('localhost'))`) runs only on the local
      // server, which answers a rejection with a 500.
      const unguarded = awaitsBeforeAnswer(flow, analysis).filter(
        (node) =>
          !isGuarded(node, (finalizer) => containsCallbackRead(finalizer, handlerFlow)) && canReject(node.argument, judge) && !runsAfterLocalOnlyGuard(node, handler.node),
      );
      const [first] = unguarded.sort((a, b) => a.range[0] - b.range[0]);
      if (!first) return;
      const others = unguarded.length - 1;
      context.report({
        loc: sourceCode.getFirstToken(first)!.loc,
        messageId: 'unguardedAwait',
        data: {
          name: callbackName(handlerFlow),
          others: others === 0 ? '' : ` (and so can ${others} more \`await\`${others === 1 ? '' : 's'} of this handler)`,
          through: throughReturnedCall(handler),
        },
      });
    }

    /**
     * A `.catch` function that answers on some paths only leaves the others open: require-callback reports them
     * where they get through, so this rule does not report the same mistake at the `.catch`.
     */
    function answersOnSomePaths(handler: TSESTree.Node | undefined, handlerFlow: HandlerFlow): boolean {
      const value = handler && skipTransparentWrappers(handler);
      const flow = value && isFunctionNode(value) ? handlerFlow.functions.get(value) : undefined;
      return flow !== undefined && answersSomewhere(flow);
    }

    /**
     * A node-style continuation that answers on every path but never looks at its error. One that answers on some
     * paths only leaves its error path open, which require-callback reports.
     */
    function checkNodeStyleCallback(flow: FunctionFlow, handlerFlow: HandlerFlow, analysis: CallbackAnalysis): void {
      if (!containsCallbackRead(flow.node.body, handlerFlow) || !analysis.summaryOf(flow.node).handlesOnEveryPath) return;
      const param = ignoredErrorParameter(flow.node, sourceCode);
      if (!param) return;
      const name = callbackName(handlerFlow);
      const body = flow.node.body;
      const handoff = functionHandoff(flow.node);
      // `twilioClient.messages.create(…, (err, message) => …)` with `twilioClient` never declared: the call throws a
      // ReferenceError before it starts, and the continuation never runs.
      if (handoff && calleeRootIsUndeclared(handoff.call.callee, sourceCode)) return;
      const method = handoff?.calleeName ?? 'the call';
      // twilio-node calls a continuation that threw a second time, with the error (runtime facts, "twilio-node").
      const secondCall = handoff && isTwilioRestCall(handoff.call, sourceCode) ? ' — and twilio-node then calls it a second time with the error' : '';
      const data = { name, param: param.name, method, secondCall };
      context.report({
        node: param,
        messageId: 'ignoredError',
        data,
        suggest:
          body.type === AST_NODE_TYPES.BlockStatement && body.body.length > 0
            ? [{ messageId: 'suggestErrorCheck', data, fix: (fixer) => fixer.insertTextBefore(body.body[0]!, `if (${param.name}) return ${name}(${param.name});\n${indentOf(body.body[0]!)}`) }]
            : [],
      });
    }

    function indentOf(node: TSESTree.Node): string {
      return ' '.repeat(node.loc.start.column);
    }

    function rejectionContext(handlerFlow: HandlerFlow): RejectionContext {
      return { sourceCode, isCallback: (node) => isCallbackReference(skipTransparentWrappers(node), handlerFlow), otherFileRejects };
    }

    return onFileAnalysis(context, checkFile);
  },
});

/** The awaits reached on some path on which the callback has not been called or handed off yet. */
function awaitsBeforeAnswer(flow: FunctionFlow, analysis: CallbackAnalysis): TSESTree.AwaitExpression[] {
  const { inStates } = analysis.solveCompletion(flow, 'handled');
  const found = new Set<TSESTree.AwaitExpression>();
  for (const [segment, inState] of inStates) {
    let handled = inState;
    for (const event of flow.segments.get(segment)?.events ?? []) {
      if (event.kind === 'throwable') continue;
      if (event.kind === 'await' && !handled) found.add(event.node);
      handled ||= analysis.completes(event, 'handled');
    }
  }
  return [...found];
}

/**
 * ` — \`onAnswer()\` answers for the handler, which returns it without \`await\` from the \`try\` on line 8, so that
 * \`catch\` never sees the rejection`, or nothing.
 */
function throughReturnedCall(handler: Handler): string {
  const delegatedBy = handler.delegatedBy;
  const tryStatement = delegatedBy && tryLeftByReturnedCall(delegatedBy.call);
  if (!delegatedBy || !tryStatement) return '';
  return ` — \`${delegatedBy.name}()\` answers for the handler, which returns it without \`await\` from the \`try\` on line ${tryStatement.loc.start.line}, so that \`catch\` never sees the rejection`;
}

function callbackName(handlerFlow: HandlerFlow): string {
  return handlerFlow.bindings.handler.callbackParam.name;
}

function isCallbackReference(node: TSESTree.Node, handlerFlow: HandlerFlow): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  for (const variable of handlerFlow.bindings.callbackVariables) {
    if (variable.references.some((reference) => reference.identifier === node)) return true;
  }
  return false;
}

function containsCallbackRead(node: TSESTree.Node, handlerFlow: HandlerFlow): boolean {
  for (const variable of handlerFlow.bindings.callbackVariables) {
    for (const reference of variable.references) {
      if (reference.isRead() && containsNode(node, reference.identifier)) return true;
    }
  }
  return false;
}
