import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { containsNode, isFunctionNode, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import { type FunctionFlow, type HandlerFlow } from '../callback-flow/flow-events.js';
import { findCodeAfterCallback } from '../callback-flow/code-after-callback.js';
import { type FileAnalysis, onFileAnalysis } from '../file-analysis/file-analysis.js';
import type { PromiseChainSite } from '../promises/record-promise-flow.js';
import { workAfterCallbackInChain } from '../callback-flow/chain-after-callback.js';
import type { CallbackAnalysis } from '../callback-flow/callback-summary.js';
import { functionHandoff } from '../handlers/function-handoff.js';
import { iteratesAtMostOneItem, iteratesOneItem } from '../handlers/one-item-iteration.js';
import type { PartialAnswer } from '../callback-flow/synchronous-answers.js';
import { inBranchThatNeverRuns } from '../callback-flow/known-truthiness.js';
import { createRule } from '../util/create-rule.js';
import { statementHead } from '../util/statement-head.js';
import { describeLines } from '../util/describe-lines.js';

export type Options = [{ allowLogging?: boolean }];
export type MessageIds =
  | 'codeAfterCallback'
  | 'codeAfterCallbackInFinally'
  | 'codeAfterCallbackInLoop'
  | 'codeAfterCallbackThenDuplicate'
  | 'duplicate'
  | 'duplicateAfterHelper'
  | 'duplicateAfterPerItem'
  | 'duplicateInLoop'
  | 'duplicateThroughFunction'
  | 'linkAfterCallback'
  | 'linkAfterCatchCallback'
  | 'perItem'
  | 'perItemOfAtMostOne'
  | 'useReturn';

export default createRule<Options, MessageIds>({
  name: 'no-code-after-callback',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow code that runs after a Twilio Function has called its callback',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allowLogging: {
            type: 'boolean',
            description: 'Whether `console.*()` calls after the callback are allowed.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      codeAfterCallback:
        'This code still runs after `{{answered}}()` on line {{line}} has ended the invocation: Twilio cuts off any async work it starts, and a second `{{name}}()` fails. Return right after the callback (`return {{answered}}(…)`), or move this code before it.',
      codeAfterCallbackThenDuplicate:
        'This code still runs after `{{answered}}()` on line {{line}} has ended the invocation, and so does a second `{{name}}()` on {{later}}, which fails because the response is already sent; Twilio cuts off any async work this code starts. Return right after the callback (`return {{answered}}(…)`), or move this code before it.',
      codeAfterCallbackInFinally:
        'This `finally` code runs after `{{answered}}()` on line {{line}} has ended the invocation, even when it is returned: Twilio cuts off any async work it starts. Do this work before calling `{{name}}()`.',
      codeAfterCallbackInLoop:
        'This code runs again in the next loop iteration, after `{{answered}}()` on line {{line}} has ended the invocation: Twilio cuts off any async work it starts, and calling `{{name}}()` again fails. Call `{{name}}()` once, after the loop.',
      duplicate:
        '`{{name}}()` can be called a second time here, after the call on line {{line}} already sent the response; the second call fails. Return right after the first call (`return {{name}}(…)`).',
      duplicateThroughFunction:
        '`{{function}}()` calls `{{name}}()` on every path, so here it answers a second time, after the call on line {{line}} already sent the response; the second call fails. Return right after the first call.',
      duplicateInLoop:
        '`{{name}}()` is inside a loop and can run more than once; every call after the first fails because the response is already sent. Collect the results and call `{{name}}()` once after the loop.',
      perItem:
        '`{{name}}()` runs once per {{unit}} of `{{method}}()`: with two {{unit}}s it answers twice and the second call fails, with none it never answers. Find the result first, then call `{{name}}()` once after `{{method}}()`.',
      perItemOfAtMostOne:
        '`{{name}}()` runs once per item of `{{method}}()`, and the query asks for at most one record: when none matches, nothing answers and the Function times out. Answer that case too (`if (records.length === 0) return {{name}}(…)`).',
      duplicateAfterHelper:
        '`{{name}}()` can be called a second time here: `{{function}}()` on line {{line}} calls it on some of its paths and returns, and this code goes on to call it again; the second call fails. Have `{{function}}()` return whether it answered, and return when it did (`if (!{{function}}(…)) return;`).',
      duplicateAfterPerItem:
        '`{{name}}()` can be called a second time here: the function given to `{{method}}()` on line {{line}} already calls it for the items it matches, and the second call fails. Find the item first (`{{method}}()` does not stop at a `return`), then call `{{name}}()` once.',
      linkAfterCallback:
        'This `.{{method}}()` runs after the `.{{previous}}()` on line {{line}} has called `{{name}}()`: Twilio cuts off any async work it starts, and a second `{{name}}()` fails. Do this work before calling `{{name}}()`, and call it in the last link only.',
      linkAfterCatchCallback:
        'When the chain fails, this `.{{method}}()` runs after the `.catch()` on line {{line}} has called `{{name}}()`: Twilio cuts off any async work it starts, and a second `{{name}}()` fails. Move the `.catch()` to the end of the chain.',
      useReturn: 'Return at the call on line {{line}}: `return {{answered}}(…)`.',
    },
    defaultOptions: [{ allowLogging: true }],
  },
  defaultOptions: [{ allowLogging: true }],
  create(context, [{ allowLogging = true }]) {
    const sourceCode = context.sourceCode;

    function checkHandler(handlerFlow: HandlerFlow, analysis: CallbackAnalysis): void {
      const name = handlerFlow.bindings.handler.callbackParam.name;
      const reported = new Set<TSESTree.Node>();
      // The handler, and every nested function that uses the callback, each on its own: a `.then` continuation
      // or a node-style callback starts with nothing called yet.
      for (const flow of handlerFlow.functions.values()) {
        checkFunction(flow, handlerFlow, analysis, name, reported);
        checkPerItemFunction(flow, handlerFlow, analysis, name, reported);
      }
    }

    /**
     * `items.forEach((item) => { …; callback(null, item); })`: a function that answers every time it runs, once
     * per item — right away, or through a continuation it sets up on every path (`send(item).then(() => callback())`).
     */
    function checkPerItemFunction(
      flow: FunctionFlow,
      handlerFlow: HandlerFlow,
      analysis: CallbackAnalysis,
      name: string,
      reported: Set<TSESTree.Node>,
    ): void {
      const handoff = functionHandoff(flow.node);
      if (handoff?.kind !== 'perItem' || !analysis.summaryOf(flow.node).answersOnEveryPath) return;
      // `base('Leads').create([{ fields }], (err, records) => records.forEach(…))`: one record, one answer.
      if (handoff.call.type === AST_NODE_TYPES.CallExpression && iteratesOneItem(handoff.call, sourceCode)) return;
      // One mistake per loop, however many places in the function answer: reported at the first of them.
      const [first] = answerSites(flow, handlerFlow, analysis).sort((a, b) => a.range[0] - b.range[0]);
      if (!first || reported.has(first)) return;
      reported.add(first);
      // Airtable's `eachPage` runs its function once per page of records (when it fetches the next one).
      const unit = handoff.calleeName === 'eachPage' ? 'page' : 'item';
      // `select({ maxRecords: 1 }).firstPage((err, records) => records.forEach(…))`: one answer, or none.
      if (handoff.call.type === AST_NODE_TYPES.CallExpression && iteratesAtMostOneItem(handoff.call, sourceCode)) {
        context.report({ node: first, messageId: 'perItemOfAtMostOne', data: { name, method: handoff.calleeName } });
        return;
      }
      context.report({ node: first, messageId: 'perItem', data: { name, method: handoff.calleeName, unit } });
    }

    /** Where a function answers: its callback calls, and those of the continuations that answer for it. */
    function answerSites(flow: FunctionFlow, handlerFlow: HandlerFlow, analysis: CallbackAnalysis): TSESTree.Node[] {
      const sites: TSESTree.Node[] = [];
      for (const record of flow.segments.values()) {
        for (const event of record.events) {
          if (event.kind === 'call') sites.push(event.node);
          if (event.kind !== 'handoff' || !analysis.completes(event, 'answered')) continue;
          const continuation = isFunctionNode(event.node) ? handlerFlow.functions.get(event.node) : undefined;
          if (continuation) sites.push(...answerSites(continuation, handlerFlow, analysis));
          else sites.push(event.node);
        }
      }
      return sites;
    }

    function checkFunction(flow: FunctionFlow, handlerFlow: HandlerFlow, analysis: CallbackAnalysis, name: string, reported: Set<TSESTree.Node>): void {
      const answerSite = (event: { readonly node: TSESTree.Node }): TSESTree.Node | undefined => {
        const continuation = isFunctionNode(event.node) ? handlerFlow.functions.get(event.node) : undefined;
        return continuation ? answerSites(continuation, handlerFlow, analysis)[0] : event.node;
      };
      // `if (!client) callback(…)` after `const client = context.getTwilioClient()`: a callback that never runs.
      const neverRuns = (node: TSESTree.Node): boolean => inBranchThatNeverRuns(node, flow.node, sourceCode);
      for (const finding of findCodeAfterCallback(flow, analysis, { allowLogging, answerSite })) {
        if (finding.kind === 'codeAfter') {
          if (!neverRuns(finding.call)) reportCodeAfter(finding.statement, finding.call, finding.laterCalls);
        } else if (finding.kind === 'duplicate') {
          if (!neverRuns(finding.previous) && !neverRuns(finding.call)) reportDuplicate(finding.call, finding.previous, finding.throughFunction);
        } else reportOnce(finding.node, () => reportAfterPartial(finding.node, finding.partial));
      }

      function reportOnce(node: TSESTree.Node, report: () => void): void {
        if (reported.has(node)) return;
        reported.add(node);
        report();
      }

      function reportDuplicate(call: TSESTree.CallExpression, previous: TSESTree.CallExpression, throughFunction: boolean): void {
        reportOnce(call, () => {
          if (call === previous) {
            context.report({ node: call, messageId: 'duplicateInLoop', data: { name } });
            return;
          }
          const callee = skipTransparentWrappers(call.callee);
          context.report({
            node: call,
            // A local function that always calls back, called again: name it, the callback is not on this line.
            ...(throughFunction && callee.type === AST_NODE_TYPES.Identifier
              ? { messageId: 'duplicateThroughFunction', data: { name, line: previous.loc.start.line, function: callee.name } }
              : { messageId: 'duplicate', data: { name, line: previous.loc.start.line } }),
            suggest: returnSuggestion(previous),
          });
        });
      }

      function reportAfterPartial(node: TSESTree.Node, partial: PartialAnswer): void {
        const data = { name, function: partial.name, method: partial.name, line: partial.call.loc.start.line };
        context.report({ node, messageId: partial.kind === 'perItem' ? 'duplicateAfterPerItem' : 'duplicateAfterHelper', data });
      }

      function reportCodeAfter(statement: TSESTree.Statement, previous: TSESTree.CallExpression, laterCalls: readonly TSESTree.CallExpression[]): void {
        reportOnce(statement, () => {
          const messageId = codeAfterMessage(statement, previous, laterCalls);
          context.report({
            loc: statementHead(statement, sourceCode),
            messageId,
            data: { name, answered: answeredBy(previous), line: previous.loc.start.line, later: describeLines(laterCalls) },
            // `return callback()` neither stops a loop's later iterations nor skips a `finally` block.
            suggest: messageId === 'codeAfterCallback' || messageId === 'codeAfterCallbackThenDuplicate' ? returnSuggestion(previous) : [],
          });
        });
      }

      /** The function whose call answered: the callback, or the alias, local function or helper that calls it (`respond`). */
      function answeredBy(call: TSESTree.CallExpression): string {
        const callee = skipTransparentWrappers(call.callee);
        return callee.type === AST_NODE_TYPES.Identifier ? callee.name : name;
      }

      function returnSuggestion(call: TSESTree.CallExpression): TSESLint.ReportSuggestionArray<MessageIds> {
        let { parent } = transparentParent(call);
        // `await reply(…);`: an awaited helper that answers is returned the same way.
        if (parent?.type === AST_NODE_TYPES.AwaitExpression) parent = transparentParent(parent).parent;
        if (parent?.type !== AST_NODE_TYPES.ExpressionStatement) return [];
        return [
          {
            messageId: 'useReturn',
            data: { answered: answeredBy(call), line: call.loc.start.line },
            fix: (fixer) => fixer.insertTextBefore(parent, 'return '),
          },
        ];
      }
    }

    /** `.then((x) => callback(null, x)).then(work)`: the later link runs after the response. */
    function checkChain(site: PromiseChainSite, analysis: FileAnalysis): void {
      const handlerFlow = analysis.handlerFlowOf(site.flow);
      if (!handlerFlow) return;
      const name = handlerFlow.bindings.handler.callbackParam.name;
      for (const { link, answeredAt } of workAfterCallbackInChain(site.node, handlerFlow, analysis.callbackAnalysisOf(handlerFlow), sourceCode, { allowLogging })) {
        const data = { name, method: link.method, previous: answeredAt.method, line: answeredAt.property.loc.start.line };
        context.report({ node: link.property, messageId: answeredAt.method === 'catch' ? 'linkAfterCatchCallback' : 'linkAfterCallback', data });
      }
    }

    return onFileAnalysis(context, (analysis) => {
      for (const handlerFlow of analysis.handlerFlows) checkHandler(handlerFlow, analysis.callbackAnalysisOf(handlerFlow));
      for (const site of analysis.promiseChains) checkChain(site, analysis);
    });
  },
});

function codeAfterMessage(
  statement: TSESTree.Statement,
  previous: TSESTree.CallExpression,
  laterCalls: readonly TSESTree.CallExpression[],
): MessageIds {
  // A call later in the source than the statement reached it through a loop's back edge.
  if (previous.range[0] > statement.range[0]) return 'codeAfterCallbackInLoop';
  const finalizer = enclosingFinalizer(statement);
  if (finalizer && !containsNode(finalizer, previous)) return 'codeAfterCallbackInFinally';
  return laterCalls.length > 0 ? 'codeAfterCallbackThenDuplicate' : 'codeAfterCallback';
}

/** The nearest `finally` block around `node` within its function. */
function enclosingFinalizer(node: TSESTree.Node): TSESTree.BlockStatement | undefined {
  for (let current = node.parent; current && !isFunctionNode(current); current = current.parent) {
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.TryStatement && parent.finalizer === current) return parent.finalizer;
  }
  return undefined;
}
