import type { TSESLint } from '@typescript-eslint/utils';

import { findHandlers, type Handler, withCallbackAt } from '../handlers/find-handlers.js';
import { crossFileFacts, type CrossFileFacts } from './cross-file-facts.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What one linted file's handlers get from other files, and the handlers as the rules follow them. */
export interface HandlerRoots {
  readonly crossFile: CrossFileFacts;
  /**
   * Every handler of the file, with its callback where the runtime's really arrives: a wrapper of another file
   * that passes the runtime's callback in another argument (`handlerFn(context, event, response, callback)`)
   * moves the handler's callback to that parameter.
   */
  readonly handlers: () => readonly Handler[];
}

/** Once per `SourceCode`: every rule that asks gets the same (each `--fix` pass and each keystroke a new one). */
const rootsOf = new WeakMap<TSESLint.SourceCode, HandlerRoots>();

export function handlerRoots(context: Context): HandlerRoots {
  const sourceCode = context.sourceCode;
  let roots = rootsOf.get(sourceCode);
  if (!roots) {
    const crossFile = crossFileFacts(context);
    let handlers: readonly Handler[] | undefined;
    roots = {
      crossFile,
      handlers: () =>
        (handlers ??= findHandlers(sourceCode).flatMap((handler) => {
          const index = crossFile.movedCallbackIndexOf(handler);
          return index === undefined ? [handler] : (withCallbackAt(handler, index, sourceCode) ?? []);
        })),
    };
    rootsOf.set(sourceCode, roots);
  }
  return roots;
}
