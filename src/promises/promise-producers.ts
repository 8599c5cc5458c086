import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, memberPropertyName, skipTransparentWrappers } from '../util/ast.js';
import { knownPackagePromise } from '../cross-file/known-wrappers.js';
import { visitOwnBody } from '../util/visit-own-body.js';
import { initializerOf, isGlobalName, requiredPackage, requireSpecifierOf } from './module-bindings.js';
import { chainMethodOf, chainOf } from './promise-chain.js';
import { sdkClientRequest } from './sdk-clients.js';

/** twilio-node's REST verbs: each returns a Promise, and takes an optional node-style callback last. */
const TWILIO_VERBS = new Set(['create', 'fetch', 'update', 'remove', 'list', 'page', 'getPage', 'each']);
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'all']);
const AIRTABLE_METHODS = new Set(['create', 'update', 'replace', 'destroy', 'find', 'all', 'firstPage']);
/** Every method `callbackOrPromiseApi` can name: a set look-up turns the other calls away before any scope work. */
const CALLBACK_API_METHODS = new Set([...TWILIO_VERBS, ...AIRTABLE_METHODS, 'send', 'sendMultiple']);
const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'race', 'any', 'resolve', 'reject']);
const HTTP_PACKAGES = new Set(['axios', 'got', 'node-fetch', 'ky', 'superagent', 'request-promise', 'request-promise-native']);
/** How far a member/call chain is walked down to its root (`client.a.b(x).c.d(y).create()`). */
const MAX_CHAIN = 24;

/**
 * What makes an expression a Promise, in words for a message (`a Twilio REST call`), when the plugin can tell
 * without types: twilio-node verbs on a client, HTTP clients, SendGrid and Airtable without a node-style callback,
 * requests of the OpenAI and Anthropic clients,
 * twilio-flex-token-validator's `validator`,
 * same-file async functions and functions that return a Promise, chains, combinators, `new Promise`, `import()`,
 * async IIFEs and `array.map(async …)`.
 */
export function knownProducer(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): string | undefined {
  const expression = skipTransparentWrappers(node);
  if (expression.type === AST_NODE_TYPES.ImportExpression) return '`import()`';
  if (expression.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipTransparentWrappers(expression.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Promise') return undefined;
    // `new Promise(() => null)` starts no work that could be cut off; an executor that calls something does.
    const [executor] = expression.arguments;
    return executor && isFunctionNode(executor) && !callsAnything(executor) ? undefined : '`new Promise()`';
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  // Split into links only when it is one (this runs for every call statement of a recorded function).
  if (!chainMethodOf(expression)) return callProducer(expression, sourceCode);
  const { root, links } = chainOf(expression);
  if (links.length > 0) return knownProducer(root, sourceCode) ?? 'a promise chain';
  return callProducer(expression, sourceCode);
}

function callProducer(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): string | undefined {
  const callee = skipTransparentWrappers(call.callee);
  if (isFunctionNode(callee)) return callee.async ? 'an async function' : undefined;
  const known = knownPackagePromise(call, sourceCode);
  if (known !== undefined) return known;
  if (callee.type === AST_NODE_TYPES.Identifier) return identifierCallProducer(call, callee, sourceCode);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberPropertyName(callee);
  if (method === undefined) return undefined;
  const object = skipTransparentWrappers(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise' && PROMISE_COMBINATORS.has(method)) {
    return `\`Promise.${method}()\``;
  }
  if ((method === 'map' || method === 'flatMap') && isWaitingAsyncFunction(call.arguments[0])) return `\`${method}(async …)\``;
  // `each` returns a Promise even when given a callback (see TWILIO_VERBS).
  if (method === 'each' && isTwilioRooted(object, sourceCode)) return 'a Twilio REST call';
  // The method first: this runs for every call a recorded function makes (`response.appendHeader(…)`), and
  // finding where the object comes from takes scope look-ups that only an HTTP method or an API's method needs.
  const isHttpMethod = HTTP_METHODS.has(method);
  const pkg = isHttpMethod ? requiredPackage(object, sourceCode) : undefined;
  if (pkg !== undefined && HTTP_PACKAGES.has(pkg)) return 'an HTTP request';
  if (CALLBACK_API_METHODS.has(method) && !endsWithCallback(call, sourceCode)) {
    const api = callbackOrPromiseApi(method, object, sourceCode);
    if (api !== undefined) return api;
  }
  if (isHttpMethod && isAxiosInstance(object, sourceCode)) return 'an HTTP request';
  return sdkClientRequest(method, object, sourceCode);
}

/**
 * The APIs that report back through a node-style function given last, or return a Promise without one: twilio-node
 * REST verbs on a client, Airtable table methods, `@sendgrid/mail`'s `send`/`sendMultiple`. What the call is, in
 * words for a message, whichever of the two forms it takes.
 */
function callbackOrPromiseApi(method: string, object: TSESTree.Node, sourceCode: TSESLint.SourceCode): string | undefined {
  if (TWILIO_VERBS.has(method) && isTwilioRooted(object, sourceCode)) return 'a Twilio REST call';
  if ((method === 'send' || method === 'sendMultiple') && requiredPackage(object, sourceCode) === '@sendgrid/mail') return 'a SendGrid request';
  if (AIRTABLE_METHODS.has(method) && isAirtableRooted(object, sourceCode)) return 'an Airtable request';
  return undefined;
}

function identifierCallProducer(
  call: TSESTree.CallExpression,
  callee: TSESTree.Identifier,
  sourceCode: TSESLint.SourceCode,
): string | undefined {
  if (callee.name === 'fetch' && isGlobalName(callee, sourceCode)) return 'an HTTP request';
  const pkg = requiredPackage(callee, sourceCode);
  if (pkg !== undefined) return HTTP_PACKAGES.has(pkg) ? 'an HTTP request' : undefined;
  if (isAxiosInstance(callee, sourceCode)) return 'an HTTP request';
  const fn = localFunction(callee, sourceCode);
  if (!fn) return undefined;
  if (fn.async) return `\`${callee.name}()\`, an async function`;
  return returnsPromise(fn, sourceCode) ? `\`${callee.name}()\`, which returns a Promise` : undefined;
}

/** The function a name is bound to in this file: `function f() {}` or `const f = () => {}`. */
export function localFunction(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): FunctionNode | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  // A TypeScript `declare function` (or an overload signature) has no body to look into.
  if (definition?.type === TSESLint.Scope.DefinitionType.FunctionName) return isFunctionNode(definition.node) ? definition.node : undefined;
  if (definition?.type !== TSESLint.Scope.DefinitionType.Variable) return undefined;
  const init = initializerOf(identifier, sourceCode);
  const value = init && skipTransparentWrappers(init);
  return isFunctionNode(value) ? value : undefined;
}

const returnsPromiseCache = new WeakMap<FunctionNode, boolean>();

/** A plain function whose body returns a Promise on some `return` (`return new Promise(…)`, `return fetch(…)`). */
function returnsPromise(fn: FunctionNode, sourceCode: TSESLint.SourceCode): boolean {
  const known = returnsPromiseCache.get(fn);
  if (known !== undefined) return known;
  returnsPromiseCache.set(fn, false); // recursion: assume not while deciding
  const returned = fn.body.type === AST_NODE_TYPES.BlockStatement ? ownReturnArguments(fn.body) : [fn.body];
  const result = returned.some((argument) => knownProducer(argument, sourceCode) !== undefined);
  returnsPromiseCache.set(fn, result);
  return result;
}

/** The arguments of a function body's own `return` statements (not those of functions nested in it). */
export function ownReturnArguments(body: TSESTree.BlockStatement): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const pending: TSESTree.Node[] = [...body.body];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) found.push(node.argument);
      continue;
    }
    for (const child of statementChildren(node)) pending.push(child);
  }
  return found;
}

/** The statements directly inside a statement (not inside nested functions). */
function statementChildren(node: TSESTree.Node): TSESTree.Node[] {
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
      return node.body;
    case AST_NODE_TYPES.IfStatement:
      return [node.consequent, ...(node.alternate ? [node.alternate] : [])];
    case AST_NODE_TYPES.TryStatement:
      return [node.block, ...(node.handler ? [node.handler.body] : []), ...(node.finalizer ? [node.finalizer] : [])];
    case AST_NODE_TYPES.SwitchStatement:
      return node.cases.flatMap((switchCase) => switchCase.consequent);
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.LabeledStatement:
      return [node.body];
    default:
      return [];
  }
}

function callsAnything(fn: FunctionNode): boolean {
  let calls = false;
  visitOwnBody(fn.body, (node) => {
    calls ||= node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression;
  });
  return calls;
}

/**
 * An async function that can wait for something: an `await`, or a returned value (a returned Promise is adopted).
 * One with neither runs to its end synchronously and returns a settled Promise
 * (`items.forEach(async (item) => { tasks.push(send(item)); })`), so nothing of its own can be cut off.
 */
export function isWaitingAsyncFunction(node: TSESTree.Node | undefined): boolean {
  if (node === undefined || !isFunctionNode(node) || !node.async) return false;
  if (node.body.type !== AST_NODE_TYPES.BlockStatement) return true;
  let waits = false;
  visitOwnBody(node.body, (child) => {
    if (
      child.type === AST_NODE_TYPES.AwaitExpression ||
      (child.type === AST_NODE_TYPES.ForOfStatement && child.await) ||
      (child.type === AST_NODE_TYPES.ReturnStatement && child.argument !== null)
    ) {
      waits = true;
    }
  });
  return waits;
}

/**
 * Work that reports back through the function written as its last argument, not through a Promise:
 * `client.messages.create(opts, (err, message) => …)`, `base('Jobs').update(rows, (err) => …)`,
 * `sgMail.send(msg, false, (err) => …)`. What the work is, in words for a message, and that function.
 * twilio-node's `each` is left out: its function runs per item, and its `done` is an option.
 */
export function nodeStyleWork(
  call: TSESTree.CallExpression,
  sourceCode: TSESLint.SourceCode,
): { readonly producer: string; readonly continuation: FunctionNode } | undefined {
  const last = call.arguments.at(-1);
  const continuation = last && skipTransparentWrappers(last);
  if (!isFunctionNode(continuation)) return undefined;
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberPropertyName(callee);
  if (method === undefined || method === 'each' || !CALLBACK_API_METHODS.has(method)) return undefined;
  const producer = callbackOrPromiseApi(method, skipTransparentWrappers(callee.object), sourceCode);
  return producer === undefined ? undefined : { producer, continuation };
}

/**
 * A node-style callback last: `create(opts, (err, message) => …)`, `create(opts, callback)`, or a lone argument
 * that is a function of this file (`list(onPage)`); a lone name is otherwise the options (`create(params)`).
 */
function endsWithCallback(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  const last = call.arguments.at(-1);
  if (!last) return false;
  const value = skipTransparentWrappers(last);
  if (isFunctionNode(value)) return true;
  if (value.type !== AST_NODE_TYPES.Identifier || value.name === 'undefined') return false;
  return call.arguments.length > 1 || localFunction(value, sourceCode) !== undefined;
}

/**
 * Whether a member/call chain starts from a Twilio client: `context.getTwilioClient()`, `require('twilio')(…)`,
 * `new Twilio.Twilio(…)`, `Runtime.getSync()`, or a name holding one.
 */
/** A twilio-node REST verb called on a Twilio client (`client.messages.create(…)`), with or without a callback. */
export function isTwilioRestCall(call: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): boolean {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberPropertyName(callee);
  return method !== undefined && TWILIO_VERBS.has(method) && isTwilioRooted(callee.object, sourceCode);
}

/**
 * twilio-node's domains and the API v2010 shortcuts on a client (`client.serverless.services.list()`,
 * `client.calls(sid).fetch()`). A helper that receives the client as a parameter cannot be traced to
 * `getTwilioClient()`: a chain from a parameter through one of these names is taken for a REST call. (`chat`, a
 * retired domain, is left out: `openai.chat.completions.create()` is not Twilio's.)
 */
const TWILIO_CLIENT_MEMBERS = new Set([
  'accounts', 'api', 'content', 'conversations', 'events', 'flexApi', 'frontlineApi', 'insights', 'intelligence',
  'ipMessaging', 'lookups', 'messaging', 'monitor', 'notify', 'numbers', 'preview', 'pricing', 'proxy', 'routes',
  'serverless', 'studio', 'supersim', 'sync', 'taskrouter', 'trunking', 'trusthub', 'verify', 'video', 'voice',
  'wireless', 'addresses', 'applications', 'availablePhoneNumbers', 'calls', 'conferences', 'incomingPhoneNumbers',
  'keys', 'messages', 'notifications', 'outgoingCallerIds', 'queues', 'recordings', 'shortCodes', 'sip', 'tokens',
  'transcriptions', 'usage', 'validationRequests',
]);

function isTwilioRooted(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  let current: TSESTree.Node = skipTransparentWrappers(node);
  /** The member read from `current` on the way down: `serverless` in `client.serverless.services.list()`. */
  let member: string | undefined;
  for (let step = 0; step < MAX_CHAIN; step++) {
    if (isTwilioClient(current, sourceCode)) return true;
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      member = memberPropertyName(current);
      current = skipTransparentWrappers(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      member = undefined;
      current = skipTransparentWrappers(current.callee);
    } else if (current.type === AST_NODE_TYPES.Identifier) {
      const init = initializerOf(current, sourceCode);
      if (!init) return member !== undefined && TWILIO_CLIENT_MEMBERS.has(member) && isParameter(current, sourceCode);
      current = skipTransparentWrappers(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init);
    } else return false;
  }
  return false;
}

/** A parameter the function never reassigns. */
function isParameter(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return definition?.type === TSESLint.Scope.DefinitionType.Parameter && !variable!.references.some((reference) => reference.isWrite());
}

/** `context.getTwilioClient()`, `require('twilio')(…)`, `new Twilio.Twilio(…)`, `Runtime.getSync()`: a client object (or a throw). */
export function isTwilioClient(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparentWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberPropertyName(callee);
      if (name === 'getTwilioClient') return true;
      const object = skipTransparentWrappers(callee.object);
      if (name === 'getSync' && object.type === AST_NODE_TYPES.Identifier && object.name === 'Runtime') return true;
    }
    return requireSpecifierOf(node) === undefined && isTwilioModule(callee, sourceCode);
  }
  if (node.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipTransparentWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && memberPropertyName(callee) === 'Twilio') {
      const object = skipTransparentWrappers(callee.object);
      return (object.type === AST_NODE_TYPES.Identifier && object.name === 'Twilio') || isTwilioModule(object, sourceCode);
    }
    return isTwilioModule(callee, sourceCode);
  }
  return false;
}

function isTwilioModule(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const value = skipTransparentWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier && value.name === 'Twilio' && isGlobalName(value, sourceCode)) return true;
  return requiredPackage(value, sourceCode) === 'twilio';
}

function isAirtableRooted(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  let current: TSESTree.Node = skipTransparentWrappers(node);
  for (let step = 0; step < MAX_CHAIN; step++) {
    if (current.type === AST_NODE_TYPES.NewExpression) return requiredPackage(current.callee, sourceCode) === 'airtable';
    if (current.type === AST_NODE_TYPES.MemberExpression) current = skipTransparentWrappers(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = skipTransparentWrappers(current.callee);
    else if (current.type === AST_NODE_TYPES.Identifier) {
      if (requiredPackage(current, sourceCode) === 'airtable') return true;
      const init = initializerOf(current, sourceCode);
      if (!init) return false;
      current = skipTransparentWrappers(init);
    } else return false;
  }
  return false;
}

/** `const api = axios.create({ … })`. */
function isAxiosInstance(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const value = skipTransparentWrappers(node);
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const init = initializerOf(value, sourceCode);
  if (init?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparentWrappers(init.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && memberPropertyName(callee) === 'create' && requiredPackage(callee.object, sourceCode) === 'axios';
}
