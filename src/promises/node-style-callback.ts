import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { functionHandoff } from '../handlers/function-handoff.js';
import { isErrorName } from './error-names.js';
import { sameFileCalleePassesErrors } from './same-file-continuation-errors.js';
import { type FunctionNode, memberPropertyName, skipTransparentWrappers } from '../util/ast.js';

/** Calls whose last argument is a node-style `(error, result)` callback whatever its parameters are named. */
const NODE_STYLE_METHODS = new Set([
  // twilio-node REST verbs
  'create', 'fetch', 'update', 'remove', 'list', 'page', 'getPage',
  // Airtable
  'find', 'firstPage', 'destroy', 'replace', 'all',
  // jsonwebtoken, fs, crypto and friends
  'verify', 'sign', 'readFile', 'writeFile', 'randomBytes', 'pbkdf2', 'scrypt', 'lookup',
]);
/** One-shot APIs whose callback is no node-style callback. */
const NOT_NODE_STYLE = new Set(['then', 'catch', 'finally', 'new Promise', 'each', 'eachPage', 'forEach']);

/**
 * The error parameter of a function handed to a node-style API as its last argument, when the function never
 * reads it: `create(opts, (err, message) => callback(null, message.sid))`. The API is recognised by its method
 * (twilio-node verbs, Airtable, jsonwebtoken, fs…) or by a first parameter named as an error (`err`, `error`, `e`).
 */
export function ignoredErrorParameter(fn: FunctionNode, sourceCode: TSESLint.SourceCode): TSESTree.Identifier | undefined {
  const handoff = functionHandoff(fn);
  if (handoff?.kind !== 'once' || NOT_NODE_STYLE.has(handoff.calleeName) || handoff.call.arguments.at(-1) !== fn) return undefined;
  if (handoff.call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const [first] = fn.params;
  if (first?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const callee = skipTransparentWrappers(handoff.call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberPropertyName(callee) : undefined;
  const looksNodeStyle = (method !== undefined && NODE_STYLE_METHODS.has(method)) || isErrorName(first.name);
  if (!looksNodeStyle) return undefined;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(fn).find((declared) => declared.name === first.name);
  if (!variable || variable.references.some((reference) => reference.isRead())) return undefined;
  // A same-file callee that never passes an error leaves nothing to read.
  if (sameFileCalleePassesErrors(handoff.call, handoff.call.arguments.length - 1, sourceCode) === false) return undefined;
  return first;
}
