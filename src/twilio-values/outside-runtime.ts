import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { isEqualityOperator } from '../util/ast.js';

/**
 * Whether `node` only runs where the `Runtime` global does not exist (a local test run, not the deployed
 * Function): it sits in the branch that `typeof Runtime === 'undefined'` selects, of an `if` or a `? :`
 * (`typeof Runtime === 'undefined' ? require('./utils.private.js') : require(Runtime.getFunctions().utils.path)`).
 */
export function runsOnlyOutsideRuntime(node: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.IfStatement && parent.type !== AST_NODE_TYPES.ConditionalExpression) continue;
    if (child === parent.test) continue;
    const absentWhenTrue = runtimeAbsenceTest(parent.test);
    if (absentWhenTrue === undefined) continue;
    if ((child === parent.consequent) === absentWhenTrue) return true;
  }
  return false;
}

/** `typeof Runtime === 'undefined'` (true when absent), `typeof Runtime !== 'undefined'` (false), either order. */
function runtimeAbsenceTest(test: TSESTree.Expression): boolean | undefined {
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !isEqualityOperator(test.operator)) return undefined;
  const [typeOf, literal] = isTypeofRuntime(test.left) ? [test.left, test.right] : [test.right, test.left];
  if (!isTypeofRuntime(typeOf) || literal.type !== AST_NODE_TYPES.Literal || literal.value !== 'undefined') return undefined;
  return test.operator === '===' || test.operator === '==';
}

function isTypeofRuntime(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.UnaryExpression &&
    node.operator === 'typeof' &&
    node.argument.type === AST_NODE_TYPES.Identifier &&
    node.argument.name === 'Runtime'
  );
}
