import type { TSESTree } from '@typescript-eslint/utils';

import type { FunctionNode } from '../util/ast.js';
import type { HandlerFlow } from './flow-events.js';

/** The local function that a call recorded as a `localCall` event of the handler's functions runs. */
export function localCallTargetOf(call: TSESTree.CallExpression, handlerFlow: HandlerFlow): FunctionNode | undefined {
  for (const flow of handlerFlow.functions.values()) {
    for (const record of flow.segments.values()) {
      for (const event of record.events) if (event.kind === 'localCall' && event.node === call) return event.target;
    }
  }
  return undefined;
}
