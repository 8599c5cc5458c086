import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findHandlers } from '../handlers/find-handlers.js';
import type { FunctionNode } from '../util/ast.js';
import type { FixPlanInput } from './esm-fix-types.js';
import { type BindingUse, isWithin } from './require-site.js';

// Where a fix may put `await`, and which names it may introduce: the scope questions of the import() fixes.

/** The handler whose body holds every use, when there is exactly one and its body is a block. */
export function soleHandlerUsing(file: FixPlanInput, uses: readonly BindingUse[]): FunctionNode | undefined {
  if (uses.length === 0) return undefined;
  const handlers = findHandlers(file.sourceCode).map((handler) => handler.node);
  let found: FunctionNode | undefined;
  for (const use of uses) {
    const handler = handlers.find(
      (candidate) => candidate.body.type === AST_NODE_TYPES.BlockStatement && isWithin(use.reference.identifier, candidate.body),
    );
    if (!handler || (found && found !== handler)) return undefined;
    found = handler;
  }
  return found;
}

/** `await` is allowed in `fn` as it is, or once it becomes async (handlers only: their result is ignored). */
export function canAwaitIn(file: FixPlanInput, fn: FunctionNode): boolean {
  if (fn.generator) return false;
  return fn.async || findHandlers(file.sourceCode).some((handler) => handler.node === fn);
}

/**
 * Whether `node` sits directly in `fn`'s body, where `await` would be `fn`'s: not in its parameters, and not in
 * a class field initializer or static block (their own scopes, where `await` is a syntax error).
 */
export function isAwaitPosition(node: TSESTree.Node, fn: FunctionNode): boolean {
  if (!isWithin(node, fn.body)) return false;
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.PropertyDefinition ||
      current.type === AST_NODE_TYPES.AccessorProperty ||
      current.type === AST_NODE_TYPES.StaticBlock
    ) {
      return false;
    }
  }
  return true;
}

/** Moving the bindings into `handler` must not collide with its parameters or its own declarations. */
export function namesAreFreeIn(file: FixPlanInput, handler: FunctionNode, variables: readonly TSESLint.Scope.Variable[]): boolean {
  const scope = file.sourceCode.scopeManager?.acquire(handler);
  if (!scope) return false;
  const bodyScope = scope.childScopes.find((child) => child.block === handler.body);
  return variables.every((variable) => !scope.set.has(variable.name) && !bodyScope?.set.has(variable.name));
}

/** Whether no scope of the file declares `name` and no code reads an undeclared `name` (a global). */
export function isNameFree(file: FixPlanInput, name: string): boolean {
  const manager = file.sourceCode.scopeManager;
  if (!manager) return false;
  return manager.scopes.every(
    (scope) =>
      !scope.set.has(name) ||
      // `fetch` and friends exist as implicit globals in the global scope's set without a declaration.
      (scope.type === TSESLint.Scope.ScopeType.global && (scope.set.get(name)?.defs.length ?? 0) === 0),
  );
}

export function isCallee(identifier: TSESTree.Node): boolean {
  const { parent } = skipToParent(identifier);
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier;
}

export function skipToParent(node: TSESTree.Node): { parent: TSESTree.Node | undefined } {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSNonNullExpression || current.parent.type === AST_NODE_TYPES.TSAsExpression)
  ) {
    current = current.parent;
  }
  return { parent: current.parent };
}

export function compact<T>(values: readonly (T | undefined)[]): T[] {
  return values.filter((value): value is T => value !== undefined);
}
