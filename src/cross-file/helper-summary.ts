import type { TSESTree } from '@typescript-eslint/utils';

/**
 * What an export of another project file does with a callback it receives in one parameter position, as the
 * callback engine solved it over that file's code paths.
 */
export interface CallbackHelperSummary {
  /** The parameter that was analysed as the callback (the one the export calls; the third when several are). */
  readonly callbackIndex: number;
  /** Calls or hands off the callback on every path that returns, on some only, or never reads it. */
  readonly handles: 'every' | 'some' | 'never';
  /** Calls it synchronously on every path that returns (an async export never does: it runs up to its first `await`). */
  readonly callsOnEveryPath: boolean;
  /** Answers on every path that returns, now or through a continuation. */
  readonly answersOnEveryPath: boolean;
  /** Where the first path that returns without the callback ends in the helper (1-based line), when `handles` is `some`. */
  readonly gapLine?: number;
  /**
   * Set for a guard: a synchronous export that calls back on some paths and tells by its return value, `true`
   * or `false` on every path that called back and the opposite on every path that did not touch the callback.
   */
  readonly answersWhenReturning?: boolean;
}

/** An export that takes a handler function and returns a handler-shaped function that calls it. */
export interface WrapperSummary {
  /** The parameter that receives the wrapped handler. */
  readonly handlerIndex: number;
  /** Whether a rejection of the wrapped handler's Promise (an async handler's `throw`) is caught and answered. */
  readonly catchesRejection: boolean;
  /**
   * The argument the wrapped handler gets the runtime's callback in (or a function that calls it): 2, the third,
   * where the runtime passes it; undefined when the wrapper's calls of the handler do not agree.
   */
  readonly callbackIndex: number | undefined;
  /**
   * Whether what the handler gets there calls the runtime's callback on every path (the callback itself, or a
   * function of the wrapper that always calls it: the handler's calls of its third parameter answer) or on some
   * only (`(error, result) => { if (!error) callback(null, result); }`: an answer of the handler can be lost).
   */
  readonly forwards: 'every' | 'some';
  /** Where that function first returns without calling the runtime's callback (1-based line), when `forwards` is `some`. */
  readonly forwardGapLine?: number;
}

/** What one export of a file does, as far as a handler that calls it or is wrapped by it is concerned. */
export interface ExportSummary {
  readonly callback?: CallbackHelperSummary;
  /** Parameter positions that the export never reads: a callback handed there is never called. */
  readonly unreadParams: readonly number[];
  readonly wrapper?: WrapperSummary;
  /** Whether calling it gives a Promise that can reject (an async export with an unguarded `await` of a request or a `throw`). */
  readonly rejects: boolean;
}

/** The exports of a file by name; `MODULE_ITSELF` is `module.exports = function …` (the module is the function). */
export type ModuleSummary = ReadonlyMap<string, ExportSummary>;

export const MODULE_ITSELF = 'module.exports';

/**
 * `export default …`; a default import of a CommonJS module (`module.exports = fn`, `export = fn`) is the module
 * itself, as TypeScript's `esModuleInterop` makes it.
 */
export const DEFAULT_EXPORT = 'default';

/** What a handler's call of a helper in another file means for its callback. */
export interface HelperCall {
  readonly call: TSESTree.CallExpression;
  /** How the handler names the helper: `reply`, `helpers.reply`. */
  readonly name: string;
  /** The helper's file, relative to the project root. */
  readonly file: string;
  readonly handles: CallbackHelperSummary['handles'];
  readonly callsOnEveryPath: boolean;
  readonly answersOnEveryPath: boolean;
  readonly gapLine?: number;
  /** Whether the call is the handler's last word, so the helper answers in its place. */
  readonly answersForHandler: boolean;
  /**
   * For a guard tested by an `if` (`if (!hasToken(context, event, callback)) return;`): the first statement of
   * the branch that runs when it called back. The answer is recorded there, and nothing on the other branch.
   */
  readonly answeredBranch?: TSESTree.Statement;
}
