import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { parameterIdentifier, parameterVariable, resolveBinding } from '../handlers/find-handlers.js';
import { returnedFunction, sameFileFunction } from '../handlers/responder-factories.js';
import { containsNode, type FunctionNode, isFunctionNode, skipTransparentWrappers } from '../util/ast.js';

type Variable = TSESLint.Scope.Variable;

/**
 * What a wrapper hands the wrapped handler in the place of the runtime's callback, and in which argument:
 * - `itself`: the runtime's callback (`handlerFn(context, event, callback)`);
 * - `function`: a function of the runtime handler that uses it, written there
 *   (`handlerFn(context, event, (error, result) => { log(); callback(error, result); })`) or bound to a name;
 * - `made`: a function a factory of the same file makes from it (`handlerFn(context, event, withTiming(callback))`,
 *   or `const done = withTiming(callback)` first): what that factory's returned function does with its parameter.
 */
export type ForwardedCallback =
  | { readonly kind: 'itself'; readonly index: number }
  | { readonly kind: 'function'; readonly index: number; readonly fn: FunctionNode }
  | {
      readonly kind: 'made';
      readonly index: number;
      readonly factory: FunctionNode;
      readonly parameter: TSESTree.Identifier;
      readonly parameterVariable: Variable;
      readonly returned: FunctionNode;
    };

/** The first argument of `call` that passes the runtime's callback (`callbackVariable`) on, as one of the shapes above. */
export function forwardedCallback(call: TSESTree.CallExpression, callbackVariable: Variable, sourceCode: TSESLint.SourceCode): ForwardedCallback | undefined {
  for (const [index, argument] of call.arguments.entries()) {
    const forwarded = forwardedBy(skipTransparentWrappers(argument), index, callbackVariable, sourceCode, true);
    if (forwarded) return forwarded;
  }
  return undefined;
}

function forwardedBy(
  value: TSESTree.Node,
  index: number,
  callbackVariable: Variable,
  sourceCode: TSESLint.SourceCode,
  followName: boolean,
): ForwardedCallback | undefined {
  if (value.type === AST_NODE_TYPES.Identifier) {
    if (isReferenceTo(value, callbackVariable)) return { kind: 'itself', index };
    if (!followName) return undefined;
    // `const done = (error, result) => …` or `const done = withTiming(callback)`, named where it is handed on.
    const values = resolveBinding(value, sourceCode);
    const bound = values.length === 1 && values[0] ? skipTransparentWrappers(values[0]) : undefined;
    return bound && bound.type !== AST_NODE_TYPES.Identifier ? forwardedBy(bound, index, callbackVariable, sourceCode, false) : undefined;
  }
  if (isFunctionNode(value)) return readsCallback(value, callbackVariable) ? { kind: 'function', index, fn: value } : undefined;
  if (value.type === AST_NODE_TYPES.CallExpression) return madeFrom(value, index, callbackVariable, sourceCode);
  return undefined;
}

function isReferenceTo(node: TSESTree.Node, variable: Variable): boolean {
  return node.type === AST_NODE_TYPES.Identifier && variable.references.some((reference) => reference.identifier === node);
}

function readsCallback(node: TSESTree.Node, callbackVariable: Variable): boolean {
  return callbackVariable.references.some((reference) => reference.isRead() && containsNode(node, reference.identifier));
}

/** `factory(callback)` with `factory` a module-level function of the file whose returned function uses that parameter. */
function madeFrom(call: TSESTree.CallExpression, index: number, callbackVariable: Variable, sourceCode: TSESLint.SourceCode): ForwardedCallback | undefined {
  const callee = skipTransparentWrappers(call.callee);
  const factory = callee.type === AST_NODE_TYPES.Identifier ? sameFileFunction(callee, sourceCode) : undefined;
  if (!factory) return undefined;
  const position = call.arguments.findIndex((argument) => isReferenceTo(skipTransparentWrappers(argument), callbackVariable));
  const parameter = position < 0 ? undefined : parameterIdentifier(factory.params[position]);
  const variable = parameterVariable(factory, parameter, sourceCode);
  const returned = returnedFunction(factory, sourceCode);
  if (!parameter || !variable || !returned || !readsCallback(returned, variable)) return undefined;
  return { kind: 'made', index, factory, parameter, parameterVariable: variable, returned };
}
