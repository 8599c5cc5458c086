import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, type FunctionNode, memberPropertyName, transparentParent } from '../util/ast.js';

/**
 * One `require('p')` and what the code does with its value: bound by a declaration, called directly,
 * or read through a member (`require('p').default`, `require('p').AbortError`).
 */
export interface RequireSite {
  readonly call: TSESTree.CallExpression;
  readonly specifier: string;
  /** The property read right off the call, if any: `default` in `require('p').default`. */
  readonly access: string | undefined;
  /** The whole value expression: the call, or the member expression that reads `access`. */
  readonly value: TSESTree.Node;
  readonly shape: RequireShape;
  /** The function whose body runs the require, or undefined at module level. */
  readonly enclosing: FunctionNode | undefined;
}

export type RequireShape =
  /** `const|let|var <id or pattern> = require('p')` (its declaration has this one declarator). */
  | { readonly kind: 'declaration'; readonly declarator: TSESTree.VariableDeclarator; readonly declaration: TSESTree.VariableDeclaration }
  /** `require('p')(…)` or `new (require('p'))(…)`. */
  | { readonly kind: 'call'; readonly callNode: TSESTree.CallExpression | TSESTree.NewExpression }
  /** `require('p').x` used in place (not bound). */
  | { readonly kind: 'member' }
  /** Anything else: `cond ? require('a') : require('b')`, `f(require('p'))`, a multi-declarator statement… */
  | { readonly kind: 'other' };

/** How a binding of the required value is used at one reference. */
export type BindingUse =
  | { readonly kind: 'member'; readonly name: string; readonly reference: TSESLint.Scope.Reference; readonly node: TSESTree.MemberExpression }
  /** Called, `new`-ed, passed, returned, read with a computed key: the value itself is needed. */
  | { readonly kind: 'whole'; readonly reference: TSESLint.Scope.Reference };

/** The static specifier of `require('p')` / require(`p`), or undefined for any other shape. */
export function requireSpecifier(node: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): string | undefined {
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require') return undefined;
  if (node.optional || node.arguments.length !== 1) return undefined;
  const [argument] = node.arguments;
  let specifier: string | undefined;
  if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') specifier = argument.value;
  if (argument?.type === AST_NODE_TYPES.TemplateLiteral && argument.expressions.length === 0) {
    specifier = argument.quasis[0]?.value.cooked ?? undefined;
  }
  if (!specifier) return undefined;
  // A local `require` (a parameter, a createRequire result) is not Node's CommonJS require.
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), 'require');
  if (variable && variable.defs.length > 0) return undefined;
  return specifier;
}

export function describeRequire(call: TSESTree.CallExpression, specifier: string): RequireSite {
  let value: TSESTree.Node = call;
  let access: string | undefined;
  const { parent: outer, child } = transparentParent(call);
  if (outer?.type === AST_NODE_TYPES.MemberExpression && outer.object === child) {
    access = memberPropertyName(outer);
    if (access !== undefined) value = outer;
  }
  return { call, specifier, access, value, shape: shapeOf(call, value, access), enclosing: enclosingFunction(call) };
}

function shapeOf(call: TSESTree.CallExpression, value: TSESTree.Node, access: string | undefined): RequireShape {
  const { parent, child } = transparentParent(value);
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child) {
    const declaration = parent.parent;
    if (declaration.declarations.length === 1) return { kind: 'declaration', declarator: parent, declaration };
    return { kind: 'other' };
  }
  if (access === undefined) {
    const { parent: callParent, child: callChild } = transparentParent(call);
    if (
      (callParent?.type === AST_NODE_TYPES.CallExpression || callParent?.type === AST_NODE_TYPES.NewExpression) &&
      callParent.callee === callChild
    ) {
      return { kind: 'call', callNode: callParent };
    }
    return { kind: 'other' };
  }
  return { kind: 'member' };
}

/** The variables a declarator binds. */
export function declaredVariables(
  declarator: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
): readonly TSESLint.Scope.Variable[] {
  return sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? [];
}

/** How each read of `variable` uses it, and whether it is assigned again after its declaration. */
export function bindingUses(variable: TSESLint.Scope.Variable): { uses: BindingUse[]; reassigned: boolean } {
  const uses: BindingUse[] = [];
  let reassigned = false;
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) {
      reassigned = true;
      if (!reference.isRead()) continue;
    }
    const { parent, child } = transparentParent(reference.identifier);
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
      const name = memberPropertyName(parent);
      if (name !== undefined) {
        uses.push({ kind: 'member', name, reference, node: parent });
        continue;
      }
    }
    uses.push({ kind: 'whole', reference });
  }
  return { uses, reassigned };
}

/** The static key names of an object pattern, or undefined when one is computed. */
export function patternKeys(pattern: TSESTree.ObjectPattern): string[] | undefined {
  const keys: string[] = [];
  for (const property of pattern.properties) {
    if (property.type === AST_NODE_TYPES.RestElement) continue;
    if (property.computed) {
      if (property.key.type !== AST_NODE_TYPES.Literal || typeof property.key.value !== 'string') return undefined;
      keys.push(property.key.value);
    } else if (property.key.type === AST_NODE_TYPES.Identifier) {
      keys.push(property.key.name);
    } else if (property.key.type === AST_NODE_TYPES.Literal) {
      keys.push(String(property.key.value));
    } else {
      return undefined;
    }
  }
  return keys;
}

/** Whether `inner` lies within `outer`'s source range. */
export function isWithin(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

