import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { DEFAULT_EXPORT, MODULE_ITSELF } from '../cross-file/helper-summary.js';
import { literalSpecifier, requiredExportOf } from '../cross-file/required-binding.js';
import { memberPropertyName, skipTransparentWrappers } from '../util/ast.js';
import { textNamesAnyOf } from '../util/text-names.js';
import { initializerOf } from './module-bindings.js';

interface SdkClient {
  /** The exports that construct a client (`new OpenAI(…)`), `MODULE_ITSELF` for `new (require('openai'))(…)`. */
  readonly constructors: ReadonlySet<string>;
  /** What one of its requests is, in words for a message. */
  readonly request: string;
}

/**
 * API clients of npm packages whose request methods each return a Promise that rejects when the request fails,
 * read from their documentation and published type declarations:
 *
 * - `openai`: from 4.0 on, `new OpenAI(…)` (also `AzureOpenAI`); every resource method (`chat.completions.create`,
 *   `responses.create`, `files.list`, …) returns an `APIPromise`, and "when the library is unable to connect to the
 *   API, or if the API returns a non-success status code (4xx or 5xx), a subclass of `APIError` is thrown" (its
 *   README, "Handling errors"); before 4.0, `new OpenAIApi(configuration)`, whose methods (`createCompletion`, …)
 *   are axios requests that reject on the same failures (its README: "handled with a try/catch").
 * - `@anthropic-ai/sdk`: `new Anthropic(…)`, generated like openai's 4.x client: `APIError`, `APIConnectionError`
 *   and the status errors in its `error.d.ts` from 0.26 to 0.81.
 *
 * Not every method of those clients is a request: the helpers below return streams or other clients, or work
 * synchronously.
 */
const SDK_CLIENTS: ReadonlyMap<string, SdkClient> = new Map([
  ['openai', { constructors: new Set([MODULE_ITSELF, DEFAULT_EXPORT, 'OpenAI', 'AzureOpenAI', 'OpenAIApi']), request: 'an OpenAI request' }],
  ['@anthropic-ai/sdk', { constructors: new Set([MODULE_ITSELF, DEFAULT_EXPORT, 'Anthropic']), request: 'an Anthropic request' }],
]);

/** Client methods that start no request of their own, or return something other than a Promise of one. */
const NOT_REQUESTS = new Set(['stream', 'runTools', 'runFunctions', 'withOptions', 'unwrap', 'verifySignature', 'on', 'off', 'once', 'emit', 'toJSON', 'toString']);

/** How far a member/call chain is walked down to its client (`openai.beta.threads.runs.create()`). */
const MAX_CHAIN = 12;

const namesSdkPackage = textNamesAnyOf([...SDK_CLIENTS.keys()]);

/**
 * What a call of a method on one of those clients is (`an OpenAI request`), when it is one: `openai.chat.completions.create(…)`
 * with `const openai = new OpenAI(…)` and `OpenAI` from `require('openai')` (or an import). Asked for every member
 * call a recorded function makes, so a file whose text names none of the packages is turned away first.
 */
export function sdkClientRequest(method: string, object: TSESTree.Node, sourceCode: TSESLint.SourceCode): string | undefined {
  if (NOT_REQUESTS.has(method) || !namesSdkPackage(sourceCode)) return undefined;
  const client = clientRoot(object, sourceCode);
  return client && constructedClient(client, sourceCode)?.request;
}

/** The `new …(…)` a member chain starts from, through `const` bindings. */
function clientRoot(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): TSESTree.NewExpression | undefined {
  let current = skipTransparentWrappers(node);
  for (let step = 0; step < MAX_CHAIN; step++) {
    if (current.type === AST_NODE_TYPES.NewExpression) return current;
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      // What a stream or another client's helper returns is not followed (`openai.beta.chat.completions.stream(…).on(…)`).
      if (NOT_REQUESTS.has(memberPropertyName(current) ?? '')) return undefined;
      current = skipTransparentWrappers(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) current = skipTransparentWrappers(current.callee);
    else if (current.type === AST_NODE_TYPES.Identifier) {
      const init = initializerOf(current, sourceCode);
      if (!init) return undefined;
      current = skipTransparentWrappers(init);
    } else return undefined;
  }
  return undefined;
}

function constructedClient(construction: TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): SdkClient | undefined {
  const required = requiredExportOf(construction.callee, sourceCode);
  const specifier = required && literalSpecifier(required.load);
  const client = specifier === undefined ? undefined : SDK_CLIENTS.get(specifier);
  return client?.constructors.has(required!.exportName) ? client : undefined;
}
