import type { TSESTree } from '@typescript-eslint/utils';

import { describeLines } from '../util/describe-lines.js';

/**
 * How require-callback's messages name the function a path ends in and where it ends: the handler, a function
 * that answers for it, a function passed to a call, a local function (called on line …).
 */
export interface ExitTexts {
  /** What ends: `the handler`, `the function passed to \`then()\``. */
  readonly subject: string;
  /** What an async function's `throw` rejects, when that rejection is nobody's to turn into a response. */
  readonly rejects?: string;
  /** `false` when the paths that fall off the end never run (so only its `return`s are reported). */
  readonly fallingOffRuns?: boolean;
}

export const HANDLER_EXITS: ExitTexts = { subject: 'the handler', rejects: 'the async handler' };

/** ` (and the one on line 9 after it)`, ` (and the 2 on lines 9 and 12 after it)`, or nothing. */
export function laterAssertsText(later: readonly TSESTree.CallExpression[]): string {
  return later.length === 0 ? '' : ` (and the ${later.length === 1 ? 'one' : later.length} on ${describeLines(later)} after it)`;
}

/** `This \`return\` ends the handler`: where a path ends at a `return`. */
export function returnExit(exits: ExitTexts): string {
  return `This \`return\` ends ${exits.subject}`;
}

/** `The handler can end here`: where a path falls off the end. */
export function endExit(exits: ExitTexts): string {
  return `${exits.subject.charAt(0).toUpperCase()}${exits.subject.slice(1)} can end here`;
}
