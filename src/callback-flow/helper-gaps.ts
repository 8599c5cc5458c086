import type { HelperCall } from '../cross-file/helper-summary.js';
import type { FunctionFlow } from './flow-events.js';

/** The calls of another file's helpers that answer in the handler's place but return without calling back on some path. */
export function partlyAnsweringHelperCalls(flow: FunctionFlow): HelperCall[] {
  const calls: HelperCall[] = [];
  for (const record of flow.segments.values()) {
    for (const event of record.events) {
      if (event.kind === 'helperCall' && event.helper.answersForHandler && event.helper.handles === 'some') calls.push(event.helper);
    }
  }
  return calls;
}
