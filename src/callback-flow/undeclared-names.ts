import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { skipTransparentWrappers } from '../util/ast.js';

/**
 * The names a Twilio Function can read without declaring them: the language's built-ins, Node's globals (and the
 * CommonJS module wrapper's `require`, `module`, `exports`, `__dirname`, `__filename`) on the runtimes Twilio
 * deploys, and the runtime's own `Twilio` and `Runtime`.
 */
const RUNTIME_GLOBALS = new Set(
  `
  AbortController AbortSignal AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array Blob
  Boolean BroadcastChannel Buffer ByteLengthQueuingStrategy CloseEvent CompressionStream CountQueuingStrategy
  Crypto CryptoKey CustomEvent DOMException DataView Date DecompressionStream Error EvalError Event EventTarget
  File FinalizationRegistry Float32Array Float64Array FormData Function Headers Infinity Int16Array Int32Array
  Int8Array Intl Iterator JSON Map Math MessageChannel MessageEvent MessagePort NaN Navigator Number Object
  Performance PerformanceEntry PerformanceMark PerformanceMeasure PerformanceObserver PerformanceObserverEntryList
  PerformanceResourceTiming Promise Proxy RangeError ReadableByteStreamController ReadableStream
  ReadableStreamBYOBReader ReadableStreamBYOBRequest ReadableStreamDefaultController ReadableStreamDefaultReader
  ReferenceError Reflect RegExp Request Response Set SharedArrayBuffer String SubtleCrypto Symbol SyntaxError
  TextDecoder TextDecoderStream TextEncoder TextEncoderStream TransformStream TransformStreamDefaultController
  TypeError URIError URL URLSearchParams Uint16Array Uint32Array Uint8Array Uint8ClampedArray WeakMap WeakRef
  WeakSet WebAssembly WebSocket WritableStream WritableStreamDefaultController WritableStreamDefaultWriter
  __dirname __filename arguments atob btoa clearImmediate clearInterval clearTimeout console crypto decodeURI
  decodeURIComponent encodeURI encodeURIComponent escape eval exports fetch global globalThis isFinite isNaN module
  navigator parseFloat parseInt performance process queueMicrotask require setImmediate setInterval setTimeout
  structuredClone undefined unescape
  Twilio Runtime
`.split(/\s+/).filter(Boolean),
);

/**
 * The identifiers of a file that read a name no scope declares, that no configured global provides (ESLint takes
 * those and `global` comments out of the global scope's unresolved references before rules run) and that
 * the runtime does not provide either: reading one throws a ReferenceError. Computed once per file from the global
 * scope's unresolved references, so classifying an identifier is one set look-up.
 */
const readsByFile = new WeakMap<Readonly<TSESLint.SourceCode>, ReadonlySet<TSESTree.Identifier>>();

/** `undeclaredReads`, once per `SourceCode` whoever asks (the recorder and the rules). */
export function undeclaredReadsOf(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<TSESTree.Identifier> {
  let reads = readsByFile.get(sourceCode);
  if (!reads) readsByFile.set(sourceCode, (reads = undeclaredReads(sourceCode)));
  return reads;
}

/**
 * Whether evaluating a callee throws a ReferenceError before the call happens: the root of its member and call
 * chain is an undeclared name (`twilioClient.messages.create(…)` in a file that never declares `twilioClient`).
 */
export function calleeRootIsUndeclared(callee: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let current = skipTransparentWrappers(callee);
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
    current = skipTransparentWrappers(current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.callee);
  }
  return current.type === AST_NODE_TYPES.Identifier && undeclaredReadsOf(sourceCode).has(current);
}

function undeclaredReads(sourceCode: Readonly<TSESLint.SourceCode>): Set<TSESTree.Identifier> {
  const reads = new Set<TSESTree.Identifier>();
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope || callsEvalDirectly(globalScope)) return reads;
  // A name the file assigns without declaring it is an implicit global in sloppy code: reading it may work.
  // So is one it tests with `typeof name` somewhere (`typeof window !== 'undefined' ? window.x : …`): it expects it
  // to be missing at times and reads it when it is there.
  const mayExist = new Set<string>();
  for (const reference of globalScope.through) {
    if (reference.isWrite() || isTypeofOperand(reference.identifier)) mayExist.add(reference.identifier.name);
  }
  for (const reference of globalScope.through) {
    const identifier = reference.identifier;
    if (identifier.type !== AST_NODE_TYPES.Identifier || !reference.isRead() || reference.resolved) continue;
    // typescript-eslint's scope manager also lists type references (`context: Context`): they do not run.
    if ((reference as { isValueReference?: boolean }).isValueReference === false) continue;
    const name = identifier.name;
    if (RUNTIME_GLOBALS.has(name) || mayExist.has(name) || globalScope.set.has(name)) continue;
    if (mayBeDeclaredDynamically(reference.from)) continue;
    reads.add(identifier);
  }
  return reads;
}

/** `typeof name` is the one read of an undeclared name that does not throw. */
function isTypeofOperand(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): boolean {
  const parent = identifier.parent;
  return parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'typeof';
}

/** Inside `with (object)` a name can come from the object. */
function mayBeDeclaredDynamically(scope: TSESLint.Scope.Scope | null): boolean {
  for (let current = scope; current && current.type !== TSESLint.Scope.ScopeType.global; current = current.upper) {
    if (current.type === TSESLint.Scope.ScopeType.with) return true;
  }
  return false;
}

/**
 * A direct `eval(…)` can declare names in sloppy code, and ESLint's scope analysis ignores it: in such a file no
 * read is taken to throw.
 */
function callsEvalDirectly(globalScope: TSESLint.Scope.Scope): boolean {
  const references = [...(globalScope.set.get('eval')?.references ?? []), ...globalScope.through.filter((reference) => reference.identifier.name === 'eval')];
  return references.some((reference) => {
    const parent = reference.identifier.parent;
    return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier;
  });
}
