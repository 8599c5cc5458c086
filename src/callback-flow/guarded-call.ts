import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { isNullishLiteral, skipTransparentWrappers } from '../util/ast.js';

/** `callback`, `typeof callback === 'function'`, `callback != null`, `callback !== undefined`. */
export function isPresenceTest(node: TSESTree.Node, isCallback: (node: TSESTree.Node) => boolean): boolean {
  const test = skipTransparentWrappers(node);
  if (isCallback(test)) return true;
  if (test.type !== AST_NODE_TYPES.BinaryExpression) return false;
  const { left, right, operator } = test;
  if (operator === '===' || operator === '==') {
    return [left, right].some((side) => side.type === AST_NODE_TYPES.UnaryExpression && side.operator === 'typeof' && isCallback(side.argument)) &&
      [left, right].some((side) => side.type === AST_NODE_TYPES.Literal && side.value === 'function');
  }
  if (operator === '!==' || operator === '!=') {
    return [left, right].some((side) => isCallback(side)) &&
      [left, right].some(isNullishLiteral);
  }
  return false;
}

/** The callback call that is the whole of a guarded expression or statement. */
export function guardedCallbackCall(
  node: TSESTree.Node,
  isCallback: (node: TSESTree.Node) => boolean,
): TSESTree.CallExpression | undefined {
  let current: TSESTree.Node | null | undefined = node;
  if (current.type === AST_NODE_TYPES.BlockStatement) current = current.body.length === 1 ? current.body[0] : undefined;
  if (current?.type === AST_NODE_TYPES.ExpressionStatement) current = current.expression;
  else if (current?.type === AST_NODE_TYPES.ReturnStatement) current = current.argument;
  if (!current) return undefined;
  current = skipTransparentWrappers(current);
  return current.type === AST_NODE_TYPES.CallExpression && isCallback(skipTransparentWrappers(current.callee))
    ? current
    : undefined;
}
