import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { initializerOf, isGlobalName, requiredPackage } from '../promises/module-bindings.js';
import { chainMethodOf } from '../promises/promise-chain.js';
import { isTwilioClient, knownProducer, localFunction } from '../promises/promise-producers.js';
import { type FunctionNode, isEqualityOperator, isNullishLiteral, memberPropertyName, skipTransparentWrappers } from '../util/ast.js';

/**
 * twilio-node verbs whose Promise resolves to a resource (`create`, `fetch`, `update`), a list (`list`) or a page
 * (`page`): an object or an array, truthy whatever the API answered (a failure rejects instead). `remove` resolves
 * to a boolean and `each` to nothing, so neither is here.
 */
const OBJECT_RESOLVING_VERBS = new Set(['create', 'fetch', 'update', 'list', 'page']);

/** How deep `const a = b` is followed, and `!!x` unwrapped. */
const MAX_DEPTH = 4;

/**
 * Whether a condition is always true when it runs, told from what its names are bound to alone: a `const` bound to
 * an awaited Twilio REST call that resolves to a resource (`const call = await client.calls(sid).update(…)`;
 * `if (call)`) or to an awaited `fetch(…)` (a `Response`), to a non-empty string, a non-zero number, `true`, an
 * object or an array literal; or `!name` of a `const` bound to `''`, `0`, `false`, `null` or `undefined`; a `const`
 * bound to a `new` object, a function or a Twilio client (`context.getTwilioClient()`, `twilio(sid, token)`: an
 * object, or a throw); a comparison of such a `const` with `null`/`undefined` (`if (key == null)` after
 * `const key = ''`); and `||`/`&&` of known ones. An `if` on such a condition without `else` lets no path past it:
 * nothing is reported for the side that never runs. Anything computed (a call, a member read other than a REST
 * resource's `sid`) is unknown, except a call of an `async` function of the file without `await`: a Promise, always
 * truthy (`if (!validateSignature(…)) return;` never returns).
 */
export function isAlwaysTrue(test: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  return truthiness(test, sourceCode, 0) === true;
}

/**
 * Whether `node` sits in a branch of an `if` (inside `fn`) that never runs: the consequent of an always-false
 * test, or the `else` of an always-true one.
 */
export function inBranchThatNeverRuns(node: TSESTree.Node, fn: FunctionNode, sourceCode: TSESLint.SourceCode): boolean {
  for (let child = node, parent = node.parent; parent && child !== fn; child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.IfStatement || parent.test === child) continue;
    const known = truthiness(parent.test, sourceCode, 0);
    if (known === (parent.alternate === child)) return true;
  }
  return false;
}

function truthiness(node: TSESTree.Node, sourceCode: TSESLint.SourceCode, depth: number): boolean | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = skipTransparentWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.UnaryExpression: {
      if (expression.operator !== '!') return undefined;
      const inner = truthiness(expression.argument, sourceCode, depth + 1);
      return inner === undefined ? undefined : !inner;
    }
    case AST_NODE_TYPES.Identifier: {
      const init = initializerOf(expression, sourceCode);
      return init && isConstantBinding(expression, init) ? valueTruthiness(init, sourceCode, depth) : undefined;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTransparentWrappers(expression.callee);
      const fn = callee.type === AST_NODE_TYPES.Identifier ? localFunction(callee, sourceCode) : undefined;
      return fn?.async ? true : undefined;
    }
    case AST_NODE_TYPES.BinaryExpression:
      return nullComparison(expression, sourceCode, depth);
    case AST_NODE_TYPES.LogicalExpression: {
      if (expression.operator === '??') return undefined;
      const left = truthiness(expression.left, sourceCode, depth + 1);
      const right = truthiness(expression.right, sourceCode, depth + 1);
      // `a || b` is true when either is, false when both are false; `a && b` the other way round.
      const decisive = expression.operator === '||';
      if (left === decisive || right === decisive) return decisive;
      return left === !decisive && right === !decisive ? !decisive : undefined;
    }
    case AST_NODE_TYPES.MemberExpression: {
      // A resource's `sid` is always set: `if (message.sid)` after `const message = await client.messages.create(…)`.
      const object = skipTransparentWrappers(expression.object);
      if (memberPropertyName(expression) !== 'sid' || object.type !== AST_NODE_TYPES.Identifier) return undefined;
      const init = initializerOf(object, sourceCode);
      return init && isConstantBinding(object, init) && isAwaitedResource(init, sourceCode) ? true : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * `x == null`, `x !== undefined`, …: known when `x` is a `const` whose value is known to be nullish or not. A strict
 * comparison with a nullish value is left alone (`null === undefined` is false, and which one a value is, is not kept).
 */
function nullComparison(comparison: TSESTree.BinaryExpression, sourceCode: TSESLint.SourceCode, depth: number): boolean | undefined {
  if (!isEqualityOperator(comparison.operator)) return undefined;
  const left = skipTransparentWrappers(comparison.left);
  const right = skipTransparentWrappers(comparison.right);
  const other = isNullishLiteral(right) ? left : isNullishLiteral(left) ? right : undefined;
  if (other?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = initializerOf(other, sourceCode);
  const nullish = init && isConstantBinding(other, init) ? nullishness(init, sourceCode, depth + 1) : undefined;
  if (nullish === undefined) return undefined;
  const equal = comparison.operator === '==' || comparison.operator === '===';
  const loose = comparison.operator.length === 2;
  if (!nullish) return !equal;
  return loose ? equal : undefined;
}

/** Whether a `const`'s initialiser is `null`/`undefined` (true), surely neither (false), or unknown. */
function nullishness(init: TSESTree.Node, sourceCode: TSESLint.SourceCode, depth: number): boolean | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const value = skipTransparentWrappers(init);
  if (isNullishLiteral(value)) return true;
  if (value.type === AST_NODE_TYPES.Identifier) {
    const next = initializerOf(value, sourceCode);
    return next && isConstantBinding(value, next) ? nullishness(next, sourceCode, depth + 1) : undefined;
  }
  if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral) return false;
  return valueTruthiness(value, sourceCode, depth) === true ? false : undefined;
}

/** What a `const`'s initialiser says about its truthiness. */
function valueTruthiness(init: TSESTree.Node, sourceCode: TSESLint.SourceCode, depth: number): boolean | undefined {
  const value = skipTransparentWrappers(init);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      // A RegExp or BigInt literal: leave it (no handler tests one).
      return typeof value.value === 'string' || typeof value.value === 'number' || typeof value.value === 'boolean' || value.value === null
        ? Boolean(value.value)
        : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.length === 0 ? value.quasis.some((quasi) => quasi.value.cooked !== '') : undefined;
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
      return true;
    case AST_NODE_TYPES.Identifier:
      return value.name === 'undefined' ? false : truthiness(value, sourceCode, depth + 1);
    default:
      return isAwaitedResource(value, sourceCode) || isAwaitedFetch(value, sourceCode) || isTwilioClient(value, sourceCode) ? true : undefined;
  }
}

/** Only a `const` is trusted: `initializerOf` also takes a `let` written once, which may be read before that write. */
function isConstantBinding(identifier: TSESTree.Identifier, init: TSESTree.Node): boolean {
  const declaration = init.parent?.parent;
  return declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'const' && identifier.name !== 'undefined';
}

/** `await client.calls(sid).update(…)`: an awaited REST verb that resolves to an object, not a chain link. */
function isAwaitedResource(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  if (node.type !== AST_NODE_TYPES.AwaitExpression) return false;
  const call = skipTransparentWrappers(node.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression || chainMethodOf(call)) return false;
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const verb = memberPropertyName(callee);
  return verb !== undefined && OBJECT_RESOLVING_VERBS.has(verb) && knownProducer(call, sourceCode) === 'a Twilio REST call';
}

/** Packages whose default export is the Fetch API's `fetch`. */
const FETCH_PACKAGES = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch']);

/**
 * `await fetch(url)`, with the global `fetch` or one of `FETCH_PACKAGES`: the Promise resolves to a `Response`
 * whatever the status (only a network failure rejects), so the value is an object, always truthy
 * (`const result = await fetch(url); if (!result) …` never takes its branch).
 */
function isAwaitedFetch(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  if (node.type !== AST_NODE_TYPES.AwaitExpression) return false;
  const call = skipTransparentWrappers(node.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const specifier = requiredPackage(callee, sourceCode);
  if (specifier !== undefined) return FETCH_PACKAGES.has(specifier);
  return callee.name === 'fetch' && isGlobalName(callee, sourceCode);
}
