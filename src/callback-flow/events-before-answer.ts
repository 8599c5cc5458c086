import type { CallbackAnalysis } from './callback-summary.js';
import type { FlowEvent, FunctionFlow } from './flow-events.js';

/**
 * Calls `visit` with every event of `flow` that runs on a path where the callback has not been called or handed
 * off yet (from the solved 'handled' in-states, so each segment is walked once, whatever the number of paths):
 * what can still reject an async function with nothing answered.
 */
export function forEachEventBeforeAnswer(flow: FunctionFlow, analysis: CallbackAnalysis, visit: (event: FlowEvent) => void): void {
  const { inStates } = analysis.solveCompletion(flow, 'handled');
  for (const [segment, inState] of inStates) {
    let handled = inState;
    for (const event of flow.segments.get(segment)?.events ?? []) {
      if (event.kind === 'throwable') continue;
      if (handled) break;
      visit(event);
      handled = analysis.completes(event, 'handled');
    }
  }
}
