import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isConsoleCall } from '../util/ast.js';

/**
 * Whether running a statement can do anything that matters once the request has been answered: start work that
 * gets cut off, or call back again. A bare `return`, returning a value, throwing an error made from plain values,
 * declaring a variable without a value, setting a local variable and (when allowed) logging cannot.
 */
export function hasEffect(statement: TSESTree.Statement, options: { allowLogging: boolean }): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
      return statement.argument !== null && !isInert(statement.argument);
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.some((declarator) => declarator.init !== null);
    case AST_NODE_TYPES.ThrowStatement:
      // `callback(error); throw error;`: the answer is sent, and the exception (or the async handler's rejection)
      // after it is only logged. Throwing starts no work and cannot call back, unless making the error does.
      return !isInert(statement.argument) && !isErrorConstruction(statement.argument);
    case AST_NODE_TYPES.ExpressionStatement:
      if (isInFinallyBlock(statement) && isCleanupCall(statement.expression)) return false;
      return !isLocalBookkeeping(statement.expression) && !(options.allowLogging && isConsoleCall(statement.expression));
    default:
      return true;
  }
}

/**
 * Methods that release what the invocation used (`client.close()`, `span.end()`, `connection.release()`), and the
 * timer clearers: cut off after the answer, they lose no work, and moving them before it would not save what they
 * wrap up (a trace still needs its own flush). Only in `finally` code, whose job is cleaning up.
 */
const CLEANUP_METHODS = new Set(['close', 'destroy', 'disconnect', 'end', 'finish', 'quit', 'release', 'unlock', 'unref']);
const TIMER_CLEARERS = new Set(['clearInterval', 'clearTimeout']);

/** `client.close()`, `await pool.end()`, `clearTimeout(timer)`. */
export function isCleanupCall(node: TSESTree.Node): boolean {
  const expression = node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node;
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = expression.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return TIMER_CLEARERS.has(callee.name);
  return callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier &&
    CLEANUP_METHODS.has(callee.property.name);
}

/** A statement of a `finally` block itself (not of a block nested in it). */
function isInFinallyBlock(statement: TSESTree.Statement): boolean {
  const block = statement.parent;
  return block?.type === AST_NODE_TYPES.BlockStatement && block.parent?.type === AST_NODE_TYPES.TryStatement && block.parent.finalizer === block;
}

/** Whether running a function can do anything that matters after the response (see `hasEffect`). */
export function functionHasEffect(fn: FunctionNode, options: { allowLogging: boolean; cleanupOnly?: boolean }): boolean {
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    return fn.body.body.some((statement) =>
      options.cleanupOnly && statement.type === AST_NODE_TYPES.ExpressionStatement && isCleanupCall(statement.expression) ? false : hasEffect(statement, options));
  }
  const expression = fn.body;
  if (options.cleanupOnly && isCleanupCall(expression)) return false;
  return !isInert(expression) && !isLocalBookkeeping(expression) && !(options.allowLogging && isConsoleCall(expression));
}

/**
 * `return true`, `return result`, `return [item.to, item.from]`, `return;`: returning a value computes nothing (a
 * later `.then` that gets it is a finding of its own, at that link).
 */
function isInert(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return !node.computed && isInert(node.object);
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isInert(element));
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.every(
        (property) => property.type === AST_NODE_TYPES.Property && !property.computed && property.kind === 'init' && isInert(property.value),
      );
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length === 0;
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === 'void' && isInert(node.argument);
    default:
      return false;
  }
}

/** `new Error('failed')`, `new VError(err, 'lookup failed')`, `Error(message)`: an error made from plain values. */
function isErrorConstruction(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return false;
  if (node.callee.type !== AST_NODE_TYPES.Identifier) return false;
  // Called without `new`, only a constructor named as one (`Error(…)`, `TypeError(…)`): another function may do work.
  if (node.type === AST_NODE_TYPES.CallExpression && !node.callee.name.endsWith('Error')) return false;
  return node.arguments.every((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && (isInert(argument) || isPlainTemplate(argument)));
}

/** `\`lookup failed for ${event.From}\``: a message made of plain reads. */
function isPlainTemplate(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.every(isInert);
}

/** `done = true`, `count++`: setting a local variable starts nothing and cannot call back. */
function isLocalBookkeeping(expression: TSESTree.Expression): boolean {
  if (expression.type === AST_NODE_TYPES.UpdateExpression) return expression.argument.type === AST_NODE_TYPES.Identifier;
  return (
    expression.type === AST_NODE_TYPES.AssignmentExpression &&
    expression.left.type === AST_NODE_TYPES.Identifier &&
    isInert(expression.right)
  );
}

