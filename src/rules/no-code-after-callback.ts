import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { containsNode, isFunctionNode, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import { type FlowEvent, type FunctionFlow, type HandlerFlow } from '../callback-flow/flow-events.js';
import { onFileAnalysis } from '../file-analysis/file-analysis.js';
import type { CallbackAnalysis } from '../callback-flow/callback-summary.js';
import { functionHandoff } from '../handlers/function-handoff.js';
import { type ForwardProblem, replay, solveForward } from '../dataflow/segment-dataflow.js';
import { hasEffect } from '../callback-flow/statement-effects.js';
import { createRule } from '../util/create-rule.js';
import { statementHead } from '../util/statement-head.js';

export type Options = [{ allowLogging?: boolean }];
export type MessageIds =
  | 'codeAfterCallback'
  | 'codeAfterCallbackInFinally'
  | 'codeAfterCallbackInLoop'
  | 'duplicate'
  | 'duplicateInLoop'
  | 'duplicateThroughFunction'
  | 'perItem'
  | 'useReturn';

/**
 * The state of a path: the latest synchronous callback call on it (`null` before any), and whether no statement
 * has been reported since, so that only the first statement after a callback is reported.
 */
interface AfterCallbackState {
  readonly lastCall: TSESTree.CallExpression | null;
  readonly pending: boolean;
}

const NOT_CALLED: AfterCallbackState = { lastCall: null, pending: false };

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
      codeAfterCallbackInFinally:
        'This `finally` code runs after `{{name}}()` on line {{line}} has ended the invocation, even when it is returned: Twilio cuts off any async work it starts. Do this work before calling `{{name}}()`.',
      codeAfterCallbackInLoop:
        'This code runs again in the next loop iteration, after `{{name}}()` on line {{line}} has ended the invocation: Twilio cuts off any async work it starts. Call `{{name}}()` once, after the loop.',
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
      for (const site of answerSites(flow, handlerFlow, analysis)) {
        if (reported.has(site)) continue;
        reported.add(site);
        context.report({ node: site, messageId: 'perItem', data: { name, method: handoff.calleeName } });
      }
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
      /** The call that ends the invocation synchronously, when the event is one. */
      function synchronousCall(event: FlowEvent): TSESTree.CallExpression | undefined {
        if (event.kind === 'call') return event.node;
        if (event.kind === 'localCall' && analysis.summaryOf(event.target).callsOnEveryPath) return event.node;
        if (event.kind === 'receiverCall' && analysis.completes(event, 'called')) {
          const { parent } = transparentParent(event.node);
          return parent?.type === AST_NODE_TYPES.CallExpression ? parent : undefined;
        }
        // Another file's helper that calls back on every path before it returns.
        if (event.kind === 'helperCall' && event.helper.callsOnEveryPath) return event.helper.call;
        return undefined;
      }

      // Decided once per event: the solver replays every event on each pass.
      const callOfEvent = new Map<FlowEvent, TSESTree.CallExpression>();
      const synchronousCalls = new Set<TSESTree.Node>();
      const directCalls = new Set<TSESTree.Node>();
      for (const record of flow.segments.values()) {
        for (const event of record.events) {
          if (event.kind === 'throwable') continue;
          const call = synchronousCall(event);
          if (call) {
            callOfEvent.set(event, call);
            synchronousCalls.add(call);
          }
          if (event.kind === 'call') directCalls.add(event.node);
        }
      }

      // Without a synchronous call nothing in this function runs after one.
      if (callOfEvent.size === 0) return;

      /** `callback(…);` or `return callback(…);` after a callback is reported as a duplicate call instead. */
      function isCallbackStatement(statement: TSESTree.Statement): boolean {
        const expression =
          statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression :
          statement.type === AST_NODE_TYPES.ReturnStatement ? statement.argument : null;
        return expression !== null && synchronousCalls.has(skipTransparentWrappers(expression));
      }

      function reportOnce(node: TSESTree.Node, report: () => void): void {
        if (reported.has(node)) return;
        reported.add(node);
        report();
      }

      // States are interned: the solver joins and transfers on every pass, and a state is only a call and a flag.
      const states = new Map<TSESTree.CallExpression, { pending: AfterCallbackState; reported: AfterCallbackState }>();
      function stateOf(lastCall: TSESTree.CallExpression | null, pending: boolean): AfterCallbackState {
        if (!lastCall) return NOT_CALLED;
        let pair = states.get(lastCall);
        if (!pair) {
          pair = { pending: { lastCall, pending: true }, reported: { lastCall, pending: false } };
          states.set(lastCall, pair);
        }
        return pending ? pair.pending : pair.reported;
      }

      const problem: ForwardProblem<AfterCallbackState, FlowEvent> = {
        entry: NOT_CALLED,
        join: (a, b) => stateOf(laterCall(a.lastCall, b.lastCall), a.pending || b.pending),
        equals: (a, b) => a.lastCall === b.lastCall && a.pending === b.pending,
        transfer(state, event, report) {
          const call = callOfEvent.get(event);
          if (call) {
            if (report && state.lastCall) reportDuplicate(call, state.lastCall);
            return stateOf(call, true);
          }
          if (event.kind !== 'statement' || !state.pending || !hasEffect(event.node, { allowLogging }) || isCallbackStatement(event.node)) {
            return state;
          }
          if (report && state.lastCall) reportCodeAfter(event.node, state.lastCall);
          return stateOf(state.lastCall, false);
        },
      };

      function reportDuplicate(call: TSESTree.CallExpression, previous: TSESTree.CallExpression): void {
        reportOnce(call, () => {
          if (call === previous) {
            context.report({ node: call, messageId: 'duplicateInLoop', data: { name } });
            return;
          }
          const callee = skipTransparentWrappers(call.callee);
          // A local function that always calls back, called again: name it, the callback is not on this line.
          const through = !directCalls.has(call) && callee.type === AST_NODE_TYPES.Identifier;
          context.report({
            node: call,
            ...(through
              ? { messageId: 'duplicateThroughFunction', data: { name, line: previous.loc.start.line, function: callee.name } }
              : { messageId: 'duplicate', data: { name, line: previous.loc.start.line } }),
            suggest: returnSuggestion(previous),
          });
        });
      }

      function reportCodeAfter(statement: TSESTree.Statement, previous: TSESTree.CallExpression): void {
        reportOnce(statement, () => {
          const messageId = codeAfterMessage(statement, previous);
          context.report({
            loc: statementHead(statement, sourceCode),
            messageId,
            data: { name, line: previous.loc.start.line },
            // `return callback()` neither stops a loop's later iterations nor skips a `finally` block.
            suggest: messageId === 'codeAfterCallback' ? returnSuggestion(previous) : [],
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

      replay(flow, problem, solveForward(flow, problem));
    }

    return onFileAnalysis(context, (analysis) => {
      for (const handlerFlow of analysis.handlerFlows) checkHandler(handlerFlow, analysis.callbackAnalysisOf(handlerFlow));
    });
  },
});

function laterCall(
  a: TSESTree.CallExpression | null,
  b: TSESTree.CallExpression | null,
): TSESTree.CallExpression | null {
  if (!a || !b) return a ?? b;
  return a.range[0] >= b.range[0] ? a : b;
}

function codeAfterMessage(statement: TSESTree.Statement, previous: TSESTree.CallExpression): MessageIds {
  // A call later in the source than the statement reached it through a loop's back edge.
  if (previous.range[0] > statement.range[0]) return 'codeAfterCallbackInLoop';
  const finalizer = enclosingFinalizer(statement);
  if (finalizer && !containsNode(finalizer, previous)) return 'codeAfterCallbackInFinally';
  return 'codeAfterCallback';
}

/** The nearest `finally` block around `node` within its function. */
function enclosingFinalizer(node: TSESTree.Node): TSESTree.BlockStatement | undefined {
  for (let current = node.parent; current && !isFunctionNode(current); current = current.parent) {
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.TryStatement && parent.finalizer === current) return parent.finalizer;
  }
  return undefined;
}
