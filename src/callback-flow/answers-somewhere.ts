import type { FunctionFlow } from './flow-events.js';

/** The callback events that call or hand off the callback. */
const ANSWERING_EVENTS = new Set(['call', 'handoff', 'perItem', 'localCall', 'receiverCall', 'responderCall', 'helperCall']);

/**
 * Whether the function itself calls or hands off the callback on some path (not only functions nested in it):
 * a continuation that does is where the request gets answered, and its other paths are require-callback's to
 * report.
 */
export function answersSomewhere(flow: FunctionFlow): boolean {
  for (const record of flow.segments.values()) {
    for (const event of record.events) if (ANSWERING_EVENTS.has(event.kind)) return true;
  }
  return false;
}
