import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, memberPropertyName, skipTransparentWrappers } from '../util/ast.js';

/** Hosts the local `twilio-run` server answers on: a deployed Function's `DOMAIN_NAME` is never one of them. */
const LOCAL_HOSTS = ['localhost', '127.0.0.1'];

/**
 * The statement of a handler's body that refuses to run it anywhere but on the local `twilio-run` server, when it
 * has one before anything else can reject: `assert(context.DOMAIN_NAME.startsWith('localhost:'), 'Can only run on
 * localhost!!!')`, or `if (!context.DOMAIN_NAME.startsWith('localhost')) throw …` (or `return …`), as the installer
 * Functions of Twilio's sample applications do. Once deployed, the guard refuses every request on purpose; the code
 * after it runs only locally, where the runner turns an async handler's rejection into a 500. So neither the guard
 * nor a rejection after it is the timeout the rejection findings are about.
 */
export function localOnlyGuard(fn: FunctionNode): TSESTree.Statement | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  for (const statement of fn.body.body) {
    if (isLocalOnlyGuard(statement)) return statement;
    // Declarations and plain calls may come first (`const assert = require('assert')`, `console.log(…)`).
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration && statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  }
  return undefined;
}

/** Whether `node` is the local-only guard of `fn`, or runs after it. */
export function runsAfterLocalOnlyGuard(node: TSESTree.Node, fn: FunctionNode): boolean {
  const guard = localOnlyGuard(fn);
  return guard !== undefined && node.range[0] >= guard.range[0];
}

function isLocalOnlyGuard(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
    const call = skipTransparentWrappers(statement.expression);
    return call.type === AST_NODE_TYPES.CallExpression && isAssertName(call.callee) && call.arguments[0] !== undefined && testsLocalHost(call.arguments[0]) === true;
  }
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return false;
  // `if (!isLocal) throw …`: the side that leaves is the one where the host is not local.
  return testsLocalHost(statement.test) === false && leaves(statement.consequent);
}

/** `assert`, `assert.ok`, `assert.strict`: named so (the guard is told by what it tests, not by its module). */
function isAssertName(callee: TSESTree.Node): boolean {
  const node = skipTransparentWrappers(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'assert';
  return node.type === AST_NODE_TYPES.MemberExpression && memberPropertyName(node) === 'ok' && skipTransparentWrappers(node.object).type === AST_NODE_TYPES.Identifier;
}

/**
 * `context.DOMAIN_NAME.startsWith('localhost')` (or `.includes(…)`) is true on the local server: `true` for it,
 * `false` for its negation, undefined for any other test.
 */
function testsLocalHost(test: TSESTree.Node): boolean | undefined {
  const node = skipTransparentWrappers(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    const inner = testsLocalHost(node.argument);
    return inner === undefined ? undefined : !inner;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 1) return undefined;
  const callee = skipTransparentWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberPropertyName(callee);
  const host = skipTransparentWrappers(node.arguments[0]!);
  const object = skipTransparentWrappers(callee.object);
  if (method !== 'startsWith' && method !== 'includes') return undefined;
  const hostName = host.type === AST_NODE_TYPES.Literal && typeof host.value === 'string' ? host.value : undefined;
  if (hostName === undefined || !LOCAL_HOSTS.some((name) => hostName.startsWith(name))) return undefined;
  return object.type === AST_NODE_TYPES.MemberExpression && memberPropertyName(object) === 'DOMAIN_NAME' ? true : undefined;
}

/** A branch that always returns or throws. */
function leaves(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.some((inner) => inner.type === AST_NODE_TYPES.ReturnStatement || inner.type === AST_NODE_TYPES.ThrowStatement);
}
