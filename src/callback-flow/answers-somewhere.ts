import type { ThrowableEvent } from '../dataflow/segment-graph.js';
import type { FlowEvent, FunctionFlow } from './flow-events.js';

type AnsweringEvent = Extract<FlowEvent, { readonly kind: 'call' | 'handoff' | 'perItem' | 'localCall' | 'receiverCall' | 'responderCall' | 'helperCall' }>;

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

/** Whether the event calls or hands off the callback. */
export function isAnsweringEvent(event: FlowEvent | ThrowableEvent): event is AnsweringEvent {
  return ANSWERING_EVENTS.has(event.kind);
}
