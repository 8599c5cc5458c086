import { singlePageIteration } from '../handlers/function-handoff.js';
import type { FunctionNode } from '../util/ast.js';
import type { HandlerFlow } from './flow-events.js';

/**
 * An Airtable page function that answers and never fetches the next page leaves a failed query to `done`
 * alone: the `done` that never touches the callback (a recorded function is one that does), when there is one.
 */
export function unansweredPageFailure(page: FunctionNode, handlerFlow: HandlerFlow): FunctionNode | undefined {
  const done = singlePageIteration(page)?.done;
  return done && done !== page && !handlerFlow.functions.has(done) ? done : undefined;
}
