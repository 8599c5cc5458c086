import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isErrorName } from './error-names.js';
import { localFunction } from './promise-producers.js';
import { type FunctionNode, isFunctionNode, isNullishLiteral, memberPropertyName, propertyKeyName, skipTransparentWrappers } from '../util/ast.js';

/**
 * Whether the same-file functions a continuation is handed to can pass it an error, when the file defines them:
 * `db.lookup(id, (err, row) => callback(null, row))` with a class method `lookup(id, done)` that only ever calls
 * `done(null, row)` (or `done(row)`) gives the continuation no error to read. `undefined` when no definition is in
 * the file (a library's API: judged by its name, as before).
 */
export function sameFileCalleePassesErrors(
  call: TSESTree.CallExpression,
  argumentIndex: number,
  sourceCode: TSESLint.SourceCode,
): boolean | undefined {
  const definitions = sameFileDefinitions(call.callee, sourceCode);
  if (definitions.length === 0) return undefined;
  return definitions.some((fn) => passesError(fn, argumentIndex, sourceCode));
}

/** A function declared under the callee's name, or every class and object method of the file with its name. */
function sameFileDefinitions(callee: TSESTree.Node, sourceCode: TSESLint.SourceCode): FunctionNode[] {
  const value = skipTransparentWrappers(callee);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const fn = localFunction(value, sourceCode);
    return fn ? [fn] : [];
  }
  if (value.type !== AST_NODE_TYPES.MemberExpression) return [];
  const name = memberPropertyName(value);
  if (name === undefined) return [];
  const found: FunctionNode[] = [];
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    const fn = scope.block;
    if (scope.type !== TSESLint.Scope.ScopeType.function || !isFunctionNode(fn)) continue;
    const holder = fn.parent;
    if ((holder?.type === AST_NODE_TYPES.MethodDefinition || holder?.type === AST_NODE_TYPES.Property) && holder.value === fn && propertyKeyName(holder) === name) {
      found.push(fn);
    }
  }
  return found;
}

/** Whether `fn` calls its parameter at `index` with something other than a success first (`null`, `undefined`, a result alone). */
function passesError(fn: FunctionNode, index: number, sourceCode: TSESLint.SourceCode): boolean {
  const param = fn.params[index];
  if (param?.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(fn).find((declared) => declared.name === param.name);
  if (!variable) return true;
  for (const reference of variable.references) {
    const { parent } = reference.identifier;
    // Handed on to something else: what it passes is unknown.
    if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== reference.identifier) {
      if (reference.isRead()) return true;
      continue;
    }
    const [first] = parent.arguments;
    if (first && !isSuccessFirst(first, parent.arguments.length)) return true;
  }
  return false;
}

/** `done(null, row)`, `done(undefined, row)`, or a lone result `done(row)` that is not an error. */
function isSuccessFirst(first: TSESTree.CallExpressionArgument, count: number): boolean {
  const value = skipTransparentWrappers(first);
  if (isNullishLiteral(value)) return true;
  if (count > 1) return false;
  if (value.type === AST_NODE_TYPES.NewExpression) return false;
  return !(value.type === AST_NODE_TYPES.Identifier && isErrorName(value.name));
}
