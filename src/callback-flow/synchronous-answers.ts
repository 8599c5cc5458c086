import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { functionHandoff } from '../handlers/function-handoff.js';
import { skipTransparentWrappers, transparentParent } from '../util/ast.js';
import type { CallbackAnalysis } from './callback-summary.js';
import type { FlowEvent, FunctionFlow } from './flow-events.js';
import { isResultIgnored } from './partial-calls.js';

/**
 * Where the invocation may have ended by the time the function goes on after an event:
 * - `always`: the callback was called, synchronously, on every path through the event (`callback(…)`, a local
 *   function or same-file helper that always calls back, an awaited async one);
 * - `helper`: a function whose result is ignored calls back on some of its paths and returns (a guard helper
 *   without a result: `validate(context, event, callback); callback(null, 'ok')`), named by `name`;
 * - `perItem`: the function given to `forEach`/`map`/… calls back for some items only (`if (row.id === id)`).
 */
export type SynchronousAnswer =
  | { readonly kind: 'always'; readonly call: TSESTree.CallExpression }
  | { readonly kind: 'helper'; readonly call: TSESTree.CallExpression; readonly name: string }
  | { readonly kind: 'perItem'; readonly call: TSESTree.CallExpression; readonly name: string };

export type PartialAnswer = Exclude<SynchronousAnswer, { kind: 'always' }>;

/** What the events of one function do to the invocation, decided once (the solver replays every event on each pass). */
export interface FunctionAnswers {
  readonly ofEvent: ReadonlyMap<FlowEvent, SynchronousAnswer>;
  /** Calls after which the invocation has ended on some of their paths only, by the answer they are. */
  readonly partial: ReadonlyMap<TSESTree.Node, PartialAnswer>;
  /** Calls that end the invocation on every path. */
  readonly synchronousCalls: ReadonlySet<TSESTree.Node>;
  /** Direct calls of the callback (not through a function). */
  readonly directCalls: ReadonlySet<TSESTree.Node>;
  /**
   * Hand-offs sure to answer later (`.then(() => callback(…))`, `create(opts, callback)`), with where they answer:
   * after a helper that answered on some paths, that is a second answer on those paths.
   */
  readonly laterAnswers: ReadonlyMap<FlowEvent, TSESTree.Node>;
}

export function answersOf(
  flow: FunctionFlow,
  analysis: CallbackAnalysis,
  answerSite: (event: FlowEvent) => TSESTree.Node | undefined,
): FunctionAnswers {
  const ofEvent = new Map<FlowEvent, SynchronousAnswer>();
  const partial = new Map<TSESTree.Node, PartialAnswer>();
  const synchronousCalls = new Set<TSESTree.Node>();
  const directCalls = new Set<TSESTree.Node>();
  const laterAnswers = new Map<FlowEvent, TSESTree.Node>();
  for (const record of flow.segments.values()) {
    for (const event of record.events) {
      if (event.kind === 'throwable') continue;
      const answer = synchronousAnswer(event, analysis);
      if (answer) {
        ofEvent.set(event, answer);
        if (answer.kind === 'always') synchronousCalls.add(answer.call);
        else partial.set(answer.call, answer);
      }
      if (event.kind === 'call') directCalls.add(event.node);
      if (event.kind === 'handoff' && analysis.completes(event, 'answered')) {
        const site = answerSite(event);
        if (site) laterAnswers.set(event, site);
      }
    }
  }
  return { ofEvent, partial, synchronousCalls, directCalls, laterAnswers };
}

export function synchronousAnswer(event: FlowEvent, analysis: CallbackAnalysis): SynchronousAnswer | undefined {
  switch (event.kind) {
    case 'call':
      return { kind: 'always', call: event.node };
    case 'localCall':
    case 'receiverCall': {
      const call = event.kind === 'localCall' ? event.node : callOfArgument(event.node);
      if (!call) return undefined;
      if (analysis.completes(event, 'called')) return { kind: 'always', call };
      const callee = skipTransparentWrappers(call.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier || !isResultIgnored(call) || !analysis.mayCall(event)) return undefined;
      return { kind: 'helper', call, name: callee.name };
    }
    case 'helperCall':
      // Another file's helper that calls back on every path before it returns.
      return event.helper.callsOnEveryPath ? { kind: 'always', call: event.helper.call } : undefined;
    case 'responderCall': {
      if (analysis.completes(event, 'called')) return { kind: 'always', call: event.node };
      const callee = skipTransparentWrappers(event.node.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier || !isResultIgnored(event.node) || !analysis.mayCall(event)) return undefined;
      return { kind: 'helper', call: event.node, name: callee.name };
    }
    case 'perItem': {
      // A function that answers for every item is reported as such (`perItem`); one that answers for some may
      // answer before the code after the loop answers again.
      if (analysis.summaryOf(event.node).answersOnEveryPath || !analysis.mayCall(event)) return undefined;
      const handoff = functionHandoff(event.node);
      return handoff?.call.type === AST_NODE_TYPES.CallExpression ? { kind: 'perItem', call: handoff.call, name: handoff.calleeName } : undefined;
    }
    default:
      return undefined;
  }
}

function callOfArgument(argument: TSESTree.Node): TSESTree.CallExpression | undefined {
  const { parent } = transparentParent(argument);
  return parent?.type === AST_NODE_TYPES.CallExpression ? parent : undefined;
}
