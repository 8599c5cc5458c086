import { AST_NODE_TYPES, ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { CallbackAnalysis } from '../callback-flow/callback-summary.js';
import type { FlowEvent, FunctionFlow, HandlerFlow } from '../callback-flow/flow-events.js';
import { type ForwardProblem, replay, solveForward } from '../dataflow/segment-dataflow.js';
import { onFileAnalysis } from '../file-analysis/file-analysis.js';
import { callbackCheckpoint } from '../promises/callback-checkpoint.js';
import { chainOf } from '../promises/promise-chain.js';
import type { PromiseEvent } from '../promises/promise-events.js';
import { hasThenableType } from '../promises/thenable-type.js';
import { functionHandoff } from '../handlers/function-handoff.js';
import { containsNode, enclosingFunction, isFunctionNode, transparentParent } from '../util/ast.js';
import { dottedName } from '../util/dotted-name.js';
import { createRule } from '../util/create-rule.js';

export type Options = [{ allowVoid?: boolean; promiseCalls?: string[]; checkTypes?: boolean }];
export type MessageIds = 'floating' | 'floatingContinuation' | 'floatingForEach' | 'suggestAwait' | 'suggestMoveCallback';

type PromiseStart = Extract<PromiseEvent, { kind: 'promiseStart' }>;

/**
 * The Promises of a path that nothing has waited for yet (by variable, or by expression when not stored), the
 * hand-off that will answer later when one was registered, and whether the callback already ran synchronously
 * (what starts after that is no-code-after-callback's finding).
 */
interface FloatingState {
  readonly pending: ReadonlyMap<object, PromiseStart>;
  readonly answeredBy: TSESTree.Node | null;
  readonly called: boolean;
}

const ENTRY: FloatingState = { pending: new Map(), answeredBy: null, called: false };

export default createRule<Options, MessageIds>({
  name: 'no-floating-promises',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Promises that may still be pending when a Twilio Function calls back',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allowVoid: { type: 'boolean', description: 'Whether a `void`ed Promise is allowed to float.' },
          promiseCalls: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: "Your own calls that return a Promise, by name: `'mailer.send'`, `'db.query'`, `'notify'`.",
          },
          checkTypes: {
            type: 'boolean',
            description: "Also treat every expression TypeScript's type checker types as a thenable as a Promise (needs type information).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowVoid: false, promiseCalls: [], checkTypes: false }],
    messages: {
      floating:
        "This Promise ({{producer}}) may still be pending when {{answer}} ends the invocation: Twilio terminates pending work once the callback runs, so the work may never finish (a message is never sent, a record never written). Wait for it first: `await` it, or call `{{name}}()` in its `.then()`.",
      floatingContinuation:
        "This call ({{producer}}) reports back through its function, which may never run: {{answer}} ends the invocation first, and Twilio terminates pending work, so the work may never finish (a message is never sent, a record never written). Call `{{name}}()` inside that function, once the work is done.",
      floatingForEach:
        "`forEach()` does not wait for its async function: its Promises may still be pending when {{answer}} ends the invocation, and Twilio terminates them. Use `for … of` with `await`, or `await Promise.all(items.map(async …))`.",
      suggestAwait: 'Add `await` before this Promise.',
      suggestMoveCallback: 'Call `{{name}}()` in this Promise\'s `.then()`, and `{{name}}(error)` in its `.catch()`.',
    },
  },
  defaultOptions: [{ allowVoid: false, promiseCalls: [], checkTypes: false }],
  create(context, [{ allowVoid = false, promiseCalls = [], checkTypes = false }]) {
    const sourceCode = context.sourceCode;
    // Asked for explicitly: without type information this throws typescript-eslint's clear error, never silently.
    const services: ParserServicesWithTypeInformation | undefined = checkTypes ? ESLintUtils.getParserServices(context) : undefined;
    const userCalls = new Set(promiseCalls);
    const reported = new Set<TSESTree.Node>();

    // The solver replays each event on every pass: decide each start once (a type look-up is not free).
    const decided = new Map<PromiseStart, boolean>();
    function isPromise(event: PromiseStart): boolean {
      if (event.producer !== undefined) return true;
      let known = decided.get(event);
      if (known === undefined) {
        known = isUnknownCallAPromise(event);
        decided.set(event, known);
      }
      return known;
    }

    function isUnknownCallAPromise(event: PromiseStart): boolean {
      const root = chainOf(event.node).root;
      const callee = root.type === AST_NODE_TYPES.CallExpression ? dottedName(root.callee) : undefined;
      if (callee !== undefined && [...userCalls].some((name) => callee === name || callee.endsWith(`.${name}`))) return true;
      return services !== undefined && hasThenableType(event.node, services);
    }

    function checkFunction(flow: FunctionFlow, analysis: CallbackAnalysis, name: string): void {
      // Most functions start no Promise that nothing waits for: nothing to solve.
      if (![...flow.segments.values()].some((record) => record.events.some((event) => event.kind === 'promiseStart'))) return;
      const problem: ForwardProblem<FloatingState, FlowEvent> = {
        entry: ENTRY,
        join: (a, b) => ({
          pending: a.pending.size === 0 ? b.pending : b.pending.size === 0 ? a.pending : new Map([...b.pending, ...a.pending]),
          answeredBy: a.answeredBy ?? b.answeredBy,
          called: a.called || b.called,
        }),
        // A catch path starts from a throw inside the `try`; that something threw between starting a Promise and
        // waiting for it is not a path worth a report (the start itself is recorded after its own throw point).
        atThrow: (state) => (state.pending.size === 0 ? state : { ...state, pending: ENTRY.pending }),
        equals: (a, b) =>
          a.answeredBy === b.answeredBy && a.called === b.called && a.pending.size === b.pending.size && [...a.pending.keys()].every((key) => b.pending.has(key)),
        transfer(state, event, report) {
          switch (event.kind) {
            case 'promiseStart': {
              if (state.called || (event.voided && allowVoid) || !isPromise(event)) return state;
              // An answer among the Promise's own arguments (`each(opts, (item) => … callback())`) runs inside it.
              if (state.answeredBy && !containsNode(event.node, state.answeredBy)) {
                if (report) reportFloating(event, state.answeredBy, name);
                return state;
              }
              return { ...state, pending: new Map(state.pending).set(event.key ?? event.node, event) };
            }
            case 'promiseSettle': {
              if (!state.pending.has(event.key)) return state;
              const pending = new Map(state.pending);
              pending.delete(event.key);
              return { ...state, pending };
            }
            default: {
              const checkpoint = callbackCheckpoint(event, analysis);
              if (!checkpoint) return state;
              if (report) for (const start of state.pending.values()) reportFloating(start, checkpoint.node, name);
              return checkpoint.synchronous
                ? { pending: ENTRY.pending, answeredBy: state.answeredBy, called: true }
                : { pending: ENTRY.pending, answeredBy: state.answeredBy ?? checkpoint.node, called: state.called };
            }
          }
        },
      };
      replay(flow, problem, solveForward(flow, problem));
    }

    function reportFloating(start: PromiseStart, answer: TSESTree.Node, name: string): void {
      if (reported.has(start.node)) return;
      reported.add(start.node);
      const answerText = describeAnswer(answer, name);
      const forEach = start.producer === '`forEach(async …)`';
      if (start.continuation) {
        // No Promise to await or chain: the fix is to answer in the function it reports back to.
        context.report({ loc: promiseLocation(start.node), messageId: 'floatingContinuation', data: { producer: start.producer, answer: answerText, name } });
        return;
      }
      context.report({
        loc: promiseLocation(start.node),
        ...(forEach
          ? { messageId: 'floatingForEach', data: { answer: answerText } }
          : { messageId: 'floating', data: { producer: start.producer ?? describeCall(start.node), answer: answerText, name } }),
        suggest: [...awaitSuggestion(start), ...moveCallbackSuggestion(start, answer, name)],
      });
    }

    /** `await` is only offered where it keeps the code valid and the meaning plain: an expression statement or `void`. */
    function awaitSuggestion(start: PromiseStart): TSESLint.ReportSuggestionArray<MessageIds> {
      if (start.key !== undefined || start.producer === '`forEach(async …)`' || !enclosingFunction(start.node)?.async) return [];
      const parent = start.node.parent;
      if (start.voided && parent?.type === AST_NODE_TYPES.UnaryExpression) {
        const voidToken = sourceCode.getFirstToken(parent)!;
        return [{ messageId: 'suggestAwait', fix: (fixer) => fixer.replaceText(voidToken, 'await') }];
      }
      if (parent?.type !== AST_NODE_TYPES.ExpressionStatement) return [];
      return [{ messageId: 'suggestAwait', fix: (fixer) => fixer.insertTextBefore(start.node, 'await ') }];
    }

    /**
     * `P; return callback(…);` → `return P.then(() => callback(…)).catch((error) => callback(error));`, offered when
     * the callback is the very next statement and the last word of its block (so the added `return` skips nothing).
     */
    function moveCallbackSuggestion(start: PromiseStart, answer: TSESTree.Node, name: string): TSESLint.ReportSuggestionArray<MessageIds> {
      const statement = start.node.parent;
      if (start.key !== undefined || start.producer === '`forEach(async …)`' || statement?.type !== AST_NODE_TYPES.ExpressionStatement) return [];
      const block = statement.parent;
      if (block?.type !== AST_NODE_TYPES.BlockStatement || answer.type !== AST_NODE_TYPES.CallExpression) return [];
      const next = block.body[block.body.indexOf(statement) + 1];
      const answered = next?.type === AST_NODE_TYPES.ReturnStatement ? next.argument : next?.type === AST_NODE_TYPES.ExpressionStatement ? next.expression : undefined;
      if (!next || answered !== answer || (next.type !== AST_NODE_TYPES.ReturnStatement && block.body.at(-1) !== next)) return [];
      const promise = sourceCode.getText(start.node);
      const call = sourceCode.getText(answer);
      return [
        {
          messageId: 'suggestMoveCallback',
          data: { name },
          fix: (fixer) =>
            fixer.replaceTextRange([statement.range[0], next.range[1]], `return ${promise}.then(() => ${call}).catch((error) => ${name}(error));`),
        },
      ];
    }

    /** From the start of the expression to the end of what it calls: `client.messages.create` of a long chain. */
    function promiseLocation(node: TSESTree.Expression): TSESTree.SourceLocation {
      const root = chainOf(node).root;
      const head = root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.NewExpression ? root.callee : root;
      return { start: node.loc.start, end: head.loc.end };
    }

    function describeCall(node: TSESTree.Expression): string {
      const root = chainOf(node).root;
      const callee = root.type === AST_NODE_TYPES.CallExpression ? dottedName(root.callee) : undefined;
      return callee === undefined ? 'this call' : `\`${callee}()\``;
    }

    return onFileAnalysis(context, (analysis) => {
      for (const handlerFlow of analysis.handlerFlows) checkHandler(handlerFlow, analysis.callbackAnalysisOf(handlerFlow));
    });

    function checkHandler(handlerFlow: HandlerFlow, analysis: CallbackAnalysis): void {
      const name = handlerFlow.bindings.handler.callbackParam.name;
      for (const flow of handlerFlow.functions.values()) checkFunction(flow, analysis, name);
    }
  },
});

/** How the message names the point where the callback ends the invocation. */
function describeAnswer(answer: TSESTree.Node, name: string): string {
  const line = answer.loc.start.line;
  if (answer.type === AST_NODE_TYPES.CallExpression) return `\`${name}()\` on line ${line}`;
  if (isFunctionNode(answer)) {
    const handoff = functionHandoff(answer);
    return handoff ? `the \`${name}()\` in the \`${handoff.calleeName}()\` callback on line ${line}` : `\`${name}()\` on line ${line}`;
  }
  const { parent } = transparentParent(answer);
  const callee = parent?.type === AST_NODE_TYPES.CallExpression ? dottedName(parent.callee) : undefined;
  return callee ? `\`${name}\`, handed to \`${callee}()\` on line ${line},` : `\`${name}()\` on line ${line}`;
}
