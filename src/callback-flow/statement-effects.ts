import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isConsoleCall } from '../util/ast.js';

/**
 * Whether running a statement can do anything that matters once the request has been answered: start work that
 * gets cut off, or call back again. A bare `return`, returning a value, declaring a variable without a value,
 * setting a local variable and (when allowed) logging cannot.
 */
export function hasEffect(statement: TSESTree.Statement, options: { allowLogging: boolean }): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
      return statement.argument !== null && !isInert(statement.argument);
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.some((declarator) => declarator.init !== null);
    case AST_NODE_TYPES.ExpressionStatement:
      return !isLocalBookkeeping(statement.expression) && !(options.allowLogging && isConsoleCall(statement.expression));
    default:
      return true;
  }
}

/** Whether running a function can do anything that matters after the response (see `hasEffect`). */
export function functionHasEffect(fn: FunctionNode, options: { allowLogging: boolean }): boolean {
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) return fn.body.body.some((statement) => hasEffect(statement, options));
  const expression = fn.body;
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

/** `done = true`, `count++`: setting a local variable starts nothing and cannot call back. */
function isLocalBookkeeping(expression: TSESTree.Expression): boolean {
  if (expression.type === AST_NODE_TYPES.UpdateExpression) return expression.argument.type === AST_NODE_TYPES.Identifier;
  return (
    expression.type === AST_NODE_TYPES.AssignmentExpression &&
    expression.left.type === AST_NODE_TYPES.Identifier &&
    isInert(expression.right)
  );
}

