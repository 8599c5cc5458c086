import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** `null` or `undefined` as written: the literal, or the global's name. */
export function isNullishLiteral(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
}

const EQUALITY_OPERATORS: ReadonlySet<string> = new Set(['===', '!==', '==', '!=']);

/** `===`, `!==`, `==`, `!=`: the comparisons that test a value against another. */
export function isEqualityOperator(operator: string): boolean {
  return EQUALITY_OPERATORS.has(operator);
}

/**
 * Strips what does not change the value of an expression: TypeScript's `as`, `satisfies`, `!` and `<T>x`,
 * and (in the ESTree shape) a `ChainExpression` around `a?.b()`.
 */
export function skipTransparentWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The parent of `node` once the transparent wrappers around it are skipped, and the child seen from it. */
export function transparentParent(node: TSESTree.Node): { parent: TSESTree.Node | undefined; child: TSESTree.Node } {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion ||
      parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** The static name of a member's property (`a.b`, `a['b']`), or undefined when it is computed. */
export function memberPropertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') {
    return node.property.value;
  }
  return undefined;
}

/** The static key of an object property (`{ a: 1 }`, `{ 'a': 1 }`, `{ a }`), or undefined. */
export function propertyKeyName(node: TSESTree.Property | TSESTree.MethodDefinition): string | undefined {
  if (!node.computed && node.key.type === AST_NODE_TYPES.Identifier) return node.key.name;
  if (node.key.type === AST_NODE_TYPES.Literal && typeof node.key.value === 'string') return node.key.value;
  return undefined;
}

/** The nearest function that contains `node` (not `node` itself), or undefined at module level. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current)) return current;
    current = current.parent;
  }
  return undefined;
}

/** Whether `inner` lies within `outer` in the source. */
export function containsNode(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * `console.log(…)`, `console.error(…)`: logging, which never throws (its arguments are evaluated, and judged, apart).
 * Taken as harmless everywhere, or no continuation that logs could ever be shown safe.
 */
export function isConsoleCall(node: TSESTree.Node): boolean {
  const call = skipTransparentWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipTransparentWrappers(callee.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'console';
}

/** A node's tokens joined, so that spacing, comments and line breaks inside it do not matter when texts are compared. */
export function tokenText(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  return sourceCode.getTokens(node).map((token) => token.value).join(' ');
}
