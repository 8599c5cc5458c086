import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { initializerOf, requiredPackage, requireSpecifierOf } from '../promises/module-bindings.js';
import { memberPropertyName, skipTransparentWrappers } from '../util/ast.js';
import type { CallbackAnalysis } from './callback-summary.js';
import { forEachEventBeforeAnswer } from './events-before-answer.js';
import type { FunctionFlow } from './flow-events.js';
import { isInsideTryWithCatch } from './undeclared-before-answer.js';

/** Node's `assert` module under each name it is loaded by. */
const ASSERT_MODULES = new Set(['assert', 'node:assert', 'assert/strict', 'node:assert/strict']);

/**
 * The `assert(…)` statements (`assert(event.To, 'Missing To')`, `assert.ok(…)`, `assert.equal(…)`) that run in
 * `flow` on a path where the callback has not been called or handed off yet, outside any `try` with a `catch`:
 * Node's `assert` throws an AssertionError when its condition fails, which in an async function rejects its promise
 * with nothing answered. Only statements that are the call itself count (`assert(x);`, not `f(assert(x))`), and only
 * names that say `assert` are looked up (a scope look-up per call statement would cost every file).
 */
export function assertsBeforeAnswer(flow: FunctionFlow, analysis: CallbackAnalysis, sourceCode: TSESLint.SourceCode): TSESTree.CallExpression[] {
  const found = new Set<TSESTree.CallExpression>();
  forEachEventBeforeAnswer(flow, analysis, (event) => {
    if (event.kind !== 'statement' || event.node.type !== AST_NODE_TYPES.ExpressionStatement) return;
    const call = skipTransparentWrappers(event.node.expression);
    if (call.type === AST_NODE_TYPES.CallExpression && isAssertCall(call, sourceCode) && !isInsideTryWithCatch(call)) found.add(call);
  });
  return [...found].sort((a, b) => a.range[0] - b.range[0]);
}

/** `assert(…)` or `assert.method(…)`, with `assert` bound to `require('assert')` (or its `.strict`) or imported from it. */
function isAssertCall(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  const callee = skipTransparentWrappers(call.callee);
  const target = callee.type === AST_NODE_TYPES.MemberExpression && memberPropertyName(callee) !== undefined ? skipTransparentWrappers(callee.object) : callee;
  return isAssertModule(target, sourceCode);
}

function isAssertModule(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression) return ASSERT_MODULES.has(requireSpecifierOf(node) ?? '');
  if (node.type === AST_NODE_TYPES.MemberExpression && memberPropertyName(node) === 'strict') return isAssertModule(skipTransparentWrappers(node.object), sourceCode);
  if (node.type !== AST_NODE_TYPES.Identifier || !/assert/i.test(node.name)) return false;
  const specifier = requiredPackage(node, sourceCode);
  if (specifier !== undefined) return ASSERT_MODULES.has(specifier);
  // `const assert = require('assert').strict`.
  const init = initializerOf(node, sourceCode);
  const value = init && skipTransparentWrappers(init);
  return value?.type === AST_NODE_TYPES.MemberExpression && isAssertModule(value, sourceCode);
}
