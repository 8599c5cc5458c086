import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { CallbackAnalysis } from '../callback-flow/callback-summary.js';
import type { FlowEvent } from '../callback-flow/flow-events.js';
import { memberPropertyName, skipTransparentWrappers, transparentParent } from '../util/ast.js';

/**
 * Where the callback may end the invocation, for work still pending at that point: a synchronous call (of the
 * callback, or of a function that calls it on every path), or a hand-off that can answer later (`.then(() =>
 * callback(…))`, `create(opts, callback)`, a helper given the callback). A `.catch(…)` hand-off answers only when
 * something fails, and is no such point.
 */
export function callbackCheckpoint(
  event: FlowEvent,
  analysis: CallbackAnalysis,
): { readonly node: TSESTree.Node; readonly synchronous: boolean } | undefined {
  switch (event.kind) {
    case 'call':
      return { node: event.node, synchronous: true };
    case 'responderCall':
      return analysis.completes(event, 'called') ? { node: event.node, synchronous: true } : undefined;
    case 'localCall':
    case 'receiverCall': {
      const node = event.kind === 'receiverCall' ? (transparentParent(event.node).parent ?? event.node) : event.node;
      if (analysis.completes(event, 'called')) return { node, synchronous: true };
      return event.kind === 'receiverCall' ? { node, synchronous: false } : undefined;
    }
    case 'helperCall':
      // Another file's helper given the callback: it may answer now, later, or (when it never reads it) not at all.
      if (event.helper.handles === 'never') return undefined;
      return { node: event.helper.call, synchronous: event.helper.callsOnEveryPath };
    case 'handoff':
    case 'perItem':
      return isFailureOnly(event.node) ? undefined : { node: event.node, synchronous: false };
    default:
      return undefined;
  }
}

function isFailureOnly(node: TSESTree.Node): boolean {
  const { parent, child } = transparentParent(node);
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === child) return false;
  const callee = skipTransparentWrappers(parent.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberPropertyName(callee);
  return method === 'catch' || (method === 'then' && parent.arguments[1] === child);
}
