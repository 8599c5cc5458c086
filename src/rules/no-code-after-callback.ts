import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { containsNode, isFunctionNode, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import { type FunctionFlow, type HandlerFlow } from '../callback-flow/flow-events.js';
import { findCodeAfterCallback } from '../callback-flow/code-after-callback.js';
import { onFileAnalysis } from '../file-analysis/file-analysis.js';
import type { CallbackAnalysis } from '../callback-flow/callback-summary.js';
import { functionHandoff } from '../handlers/function-handoff.js';
import { createRule } from '../util/create-rule.js';
import { statementHead } from '../util/statement-head.js';

export type Options = [{ allowLogging?: boolean }];
export type MessageIds =
  | 'codeAfterCallback'
  | 'codeAfterCallbackInFinally'
  | 'codeAfterCallbackInLoop'
  | 'codeAfterCallbackThenDuplicate'
  | 'duplicate'
  | 'duplicateInLoop'
  | 'duplicateThroughFunction'
  | 'perItem'
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
        'This code still runs after `{{name}}()` on line {{line}} has ended the invocation: Twilio cuts off any async work it starts, and a second `{{name}}()` fails. Return right after the callback (`return {{name}}(…)`), or move this code before it.',
      codeAfterCallbackThenDuplicate:
        'This code still runs after `{{name}}()` on line {{line}} has ended the invocation, and so does a second `{{name}}()` on {{later}}, which fails because the response is already sent; Twilio cuts off any async work this code starts. Return right after the callback (`return {{name}}(…)`), or move this code before it.',
      codeAfterCallbackInFinally:
        'This `finally` code runs after `{{name}}()` on line {{line}} has ended the invocation, even when it is returned: Twilio cuts off any async work it starts. Do this work before calling `{{name}}()`.',
      codeAfterCallbackInLoop:
        'This code runs again in the next loop iteration, after `{{name}}()` on line {{line}} has ended the invocation: Twilio cuts off any async work it starts, and calling `{{name}}()` again fails. Call `{{name}}()` once, after the loop.',
      duplicate:
        '`{{name}}()` can be called a second time here, after the call on line {{line}} already sent the response; the second call fails. Return right after the first call (`return {{name}}(…)`).',
      duplicateThroughFunction:
        '`{{function}}()` calls `{{name}}()` on every path, so here it answers a second time, after the call on line {{line}} already sent the response; the second call fails. Return right after the first call.',
      duplicateInLoop:
        '`{{name}}()` is inside a loop and can run more than once; every call after the first fails because the response is already sent. Collect the results and call `{{name}}()` once after the loop.',
      perItem:
        '`{{name}}()` runs once per item of `{{method}}()`: with two items it answers twice and the second call fails, with none it never answers. Find the result first, then call `{{name}}()` once after `{{method}}()`.',
      useReturn: 'Return at the call on line {{line}}: `return {{name}}(…)`.',
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
        checkFunction(flow, analysis, name, reported);
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
      // One mistake per loop, however many places in the function answer: reported at the first of them.
      const [first] = answerSites(flow, handlerFlow, analysis).sort((a, b) => a.range[0] - b.range[0]);
      if (!first || reported.has(first)) return;
      reported.add(first);
      context.report({ node: first, messageId: 'perItem', data: { name, method: handoff.calleeName } });
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

    function checkFunction(flow: FunctionFlow, analysis: CallbackAnalysis, name: string, reported: Set<TSESTree.Node>): void {
      for (const finding of findCodeAfterCallback(flow, analysis, { allowLogging })) {
        if (finding.kind === 'codeAfter') reportCodeAfter(finding.statement, finding.call, finding.laterCalls);
        else reportDuplicate(finding.call, finding.previous, finding.throughFunction);
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

      function reportCodeAfter(statement: TSESTree.Statement, previous: TSESTree.CallExpression, laterCalls: readonly TSESTree.CallExpression[]): void {
        reportOnce(statement, () => {
          const messageId = codeAfterMessage(statement, previous, laterCalls);
          context.report({
            loc: statementHead(statement, sourceCode),
            messageId,
            data: { name, line: previous.loc.start.line, later: describeLines(laterCalls) },
            // `return callback()` neither stops a loop's later iterations nor skips a `finally` block.
            suggest: messageId === 'codeAfterCallback' || messageId === 'codeAfterCallbackThenDuplicate' ? returnSuggestion(previous) : [],
          });
        });
      }

      function returnSuggestion(call: TSESTree.CallExpression): TSESLint.ReportSuggestionArray<MessageIds> {
        const { parent } = transparentParent(call);
        if (parent?.type !== AST_NODE_TYPES.ExpressionStatement) return [];
        return [
          {
            messageId: 'useReturn',
            data: { name, line: call.loc.start.line },
            fix: (fixer) => fixer.insertTextBefore(parent, 'return '),
          },
        ];
      }
    }

    return onFileAnalysis(context, (analysis) => {
      for (const handlerFlow of analysis.handlerFlows) checkHandler(handlerFlow, analysis.callbackAnalysisOf(handlerFlow));
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

/** `line 7`, `lines 7 and 9`, `lines 7, 9 and 12`. */
function describeLines(calls: readonly TSESTree.CallExpression[]): string {
  const lines = [...new Set(calls.map((call) => call.loc.start.line))];
  if (lines.length <= 1) return `line ${lines[0] ?? ''}`;
  return `lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;
}

/** The nearest `finally` block around `node` within its function. */
function enclosingFinalizer(node: TSESTree.Node): TSESTree.BlockStatement | undefined {
  for (let current = node.parent; current && !isFunctionNode(current); current = current.parent) {
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.TryStatement && parent.finalizer === current) return parent.finalizer;
  }
  return undefined;
}
