import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isEqualityOperator, tokenText } from '../util/ast.js';

/**
 * Whether the paths that get past an `else if` chain without a final `else` cannot exist, because the `if` around
 * it only runs it when one of the chain's conditions holds:
 * `if (event.Channel && (event.Identity || event.Address)) { if (event.Identity) … else if (event.Address) … }`.
 * Only conditions that read values (names, member reads, `!`, comparisons of them with literals) count, compared
 * by their tokens, so a call that could answer differently the second time never makes a chain exhaustive.
 */
export function isExhaustiveByEnclosingCondition(open: TSESTree.IfStatement, sourceCode: TSESLint.SourceCode): boolean {
  let head: TSESTree.IfStatement = open;
  const tests = new Set<string>();
  for (;;) {
    if (!isPureRead(head.test)) return false;
    tests.add(tokenText(head.test, sourceCode));
    const parent = head.parent;
    if (parent?.type !== AST_NODE_TYPES.IfStatement || parent.alternate !== head) break;
    head = parent;
  }
  const block = head.parent;
  const enclosing = block?.type === AST_NODE_TYPES.BlockStatement ? block.parent : block;
  if (enclosing?.type !== AST_NODE_TYPES.IfStatement || (enclosing.consequent !== block && enclosing.consequent !== head)) return false;
  return operands(enclosing.test, '&&').some((conjunct) => {
    const disjuncts = operands(conjunct, '||');
    return disjuncts.every((disjunct) => isPureRead(disjunct) && tests.has(tokenText(disjunct, sourceCode)));
  });
}

function operands(node: TSESTree.Expression, operator: '&&' | '||'): TSESTree.Expression[] {
  if (node.type !== AST_NODE_TYPES.LogicalExpression || node.operator !== operator) return [node];
  return [...operands(node.left, operator), ...operands(node.right, operator)];
}

function isPureRead(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return isPureRead(node.object) && (!node.computed || isPureRead(node.property));
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '!' && isPureRead(node.argument);
    case AST_NODE_TYPES.BinaryExpression:
      return isEqualityOperator(node.operator) && isPureRead(node.left) && isPureRead(node.right);
    default:
      return false;
  }
}
