import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isEqualityOperator, isFunctionNode, isNullishLiteral, skipTransparentWrappers, transparentParent } from '../util/ast.js';

/**
 * Whether the code tests the value of `lookup` (a resource-map entry, `Runtime.getAssets()['/key.json']`) for
 * being there before it uses it: `map[key]?.path`, `if (map[key])`, `map[key] && …`, `map[key] ?? …`, `!map[key]`,
 * `map[key] === undefined`, or the same on a `const`/`let` it is stored in and never reassigned. Such code handles
 * a missing entry itself (an asset the README says to add at setup), so the entry being absent is no TypeError.
 */
export function isPresenceChecked(lookup: TSESTree.MemberExpression, sourceCode: TSESLint.SourceCode): boolean {
  if (testsPresence(lookup) || isInsideTestOfSame(lookup, sourceCode)) return true;
  const { parent, child } = transparentParent(lookup);
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== child || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
  const [variable] = sourceCode.scopeManager?.getDeclaredVariables(parent) ?? [];
  if (!variable || variable.references.some((reference) => reference.isWrite() && reference.writeExpr !== parent.init)) return false;
  return variable.references.some((reference) => reference.isRead() && testsPresence(reference.identifier));
}

/**
 * `map[key] && require(map[key].path)`, `if (map[key]) { … map[key].path … }`, `map[key] ? map[key].path : …`: a
 * lookup on the branch that a test of the same lookup (the same text) guards.
 */
function isInsideTestOfSame(lookup: TSESTree.MemberExpression, sourceCode: TSESLint.SourceCode): boolean {
  const text = sourceCode.getText(lookup);
  let child: TSESTree.Node = lookup;
  for (let parent: TSESTree.Node | undefined = lookup.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    const test =
      parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && parent.right === child ? parent.left :
      (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.consequent === child ? parent.test :
      undefined;
    if (test && sourceCode.getText(skipTransparentWrappers(test)) === text) return true;
  }
  return false;
}

/** Whether the value of `node` is tested for being there where it is evaluated. */
function testsPresence(node: TSESTree.Node): boolean {
  const { parent, child } = transparentParent(node);
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === child && parent.optional;
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
      return parent.test === child;
    case AST_NODE_TYPES.LogicalExpression:
      return parent.left === child;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!' || parent.operator === 'typeof';
    case AST_NODE_TYPES.BinaryExpression: {
      if (!isEqualityOperator(parent.operator)) return false;
      return isNullishLiteral(parent.left === child ? parent.right : parent.left);
    }
    default:
      return false;
  }
}
