import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { WrapperSummary } from './helper-summary.js';
import { textNamesAnyOf } from '../util/text-names.js';
import { literalSpecifier, requiredExportOf } from './required-binding.js';

/**
 * Handler wrappers of npm packages whose published source was read.
 *
 * `twilio-flex-token-validator` — every published version (1.5.0, 1.5.3, 1.5.5, 1.5.6, 1.5.8, 1.6.0, read from
 * their npm tarballs' `dist/index.js`): `functionValidator(handlerFn)` returns
 * `(context, event, callback) => validator(…).then((result) => handlerFn(context, event, callback)).catch(failedResponse)`,
 * where `failedResponse` calls `callback(null, response)` with a 403. The handler's Promise is returned from the
 * `.then`, so its rejection (and a synchronous throw) reaches the `.catch` and is answered (as a 403 with the error
 * as its body); the handler gets the runtime's callback itself, third. `TokenValidator` is the name the package's
 * README gives the same export.
 */
const KNOWN_WRAPPERS: ReadonlyMap<string, ReadonlyMap<string, WrapperSummary>> = new Map([
  ['twilio-flex-token-validator', new Map([['functionValidator', { handlerIndex: 0, catchesRejection: true, callbackIndex: 2, forwards: 'every' }]])],
]);

/** The packages of the table, for a quick look at a file's text. */
export const KNOWN_WRAPPER_PACKAGES: readonly string[] = [...KNOWN_WRAPPERS.keys()];

/** The wrapper an export of an npm package is, when the plugin knows it. */
export function knownWrapper(specifier: string, exportName: string): WrapperSummary | undefined {
  return KNOWN_WRAPPERS.get(specifier)?.get(exportName);
}

/**
 * The npm wrapper a call calls, when the plugin knows it: `TokenValidator(fn)` with
 * `const TokenValidator = require('twilio-flex-token-validator').functionValidator`, or `require(…).functionValidator(fn)`.
 */
export function knownWrapperCalled(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): WrapperSummary | undefined {
  const required = requiredExportOf(call.callee, sourceCode);
  const specifier = required && literalSpecifier(required.load);
  return required && specifier !== undefined ? knownWrapper(specifier, required.exportName) : undefined;
}

/**
 * Promise-returning exports of npm packages whose published source was read, in words for a message.
 *
 * `twilio-flex-token-validator`'s `validator(token, accountSid, authToken, …)` — every published version (1.5.0 to
 * 1.6.0, `dist/index.js`): returns a Promise that rejects when the token is missing, when the credentials are, when
 * the token is not valid and when the request fails, and resolves with the token's details otherwise. It never
 * throws synchronously. The README names it `TokenValidator` too.
 */
const KNOWN_PROMISES: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['twilio-flex-token-validator', new Map([['validator', 'a Flex token validation']])],
]);

const namesKnownPromisePackage = textNamesAnyOf([...KNOWN_PROMISES.keys()]);

/** What a call of a known package's Promise-returning export is (`a Flex token validation`), when it is one. */
export function knownPackagePromise(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): string | undefined {
  // Asked for every call a recorded function makes: most files name none of these packages.
  if (!namesKnownPromisePackage(sourceCode)) return undefined;
  const required = requiredExportOf(call.callee, sourceCode);
  const specifier = required && literalSpecifier(required.load);
  return required && specifier !== undefined ? KNOWN_PROMISES.get(specifier)?.get(required.exportName) : undefined;
}
