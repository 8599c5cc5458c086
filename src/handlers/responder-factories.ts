import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { containsNode, enclosingFunction, type FunctionNode, isFunctionNode, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import { parameterIdentifier, parameterVariable, resolveBinding } from './find-handlers.js';

type Variable = TSESLint.Scope.Variable;

/**
 * A function made from the callback: `const respond = makeResponder(callback)`, later called as
 * `respond(null, body)`. Calling it answers the request, so the factory call is no hand-off: the answer is where
 * `respond` is called.
 */
export interface Responder {
  /** The factory call that received the callback. */
  readonly factoryCall: TSESTree.CallExpression;
  /** The callback as its argument. */
  readonly argument: TSESTree.Identifier;
  /** The variable that holds the made function. */
  readonly variable: Variable;
  /**
   * The function the factory returns, when it is a function of the same file whose returned function uses the
   * callback it was given: what that function does on its paths is what a call of `respond` does. Undefined for
   * a factory of another file or a package, whose made function is trusted to answer (unless a cross-file summary
   * says otherwise: `analyzeFile`'s `otherFileResponder`).
   */
  readonly returned: FunctionNode | undefined;
  /** The same-file factory that returns `returned`. */
  readonly factory: FunctionNode | undefined;
}

/** The responders made from any of the callback variables: factory calls whose result is stored and called. */
export function findResponders(callbackVariables: ReadonlySet<Variable>, sourceCode: TSESLint.SourceCode): Responder[] {
  const responders: Responder[] = [];
  for (const variable of callbackVariables) {
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const responder = responderOf(reference.identifier as TSESTree.Identifier, sourceCode);
      if (responder) responders.push(responder);
    }
  }
  return responders;
}

function responderOf(argument: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): Responder | undefined {
  const { parent: call, child } = transparentParent(argument);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === child) return undefined;
  const index = call.arguments.indexOf(child as TSESTree.CallExpressionArgument);
  const { parent: declarator, child: init } = transparentParent(call);
  if (index < 0 || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== init) return undefined;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(declarator).find((declared) => declared.name === (declarator.id as TSESTree.Identifier).name);
  // Assigned again, the name may hold something else when it is called.
  if (!variable || variable.references.some((reference) => reference.isWrite() && !reference.init) || !isCalledSomewhere(variable)) return undefined;
  const callee = skipTransparentWrappers(call.callee);
  const factory = callee.type === AST_NODE_TYPES.Identifier ? sameFileFunction(callee, sourceCode) : undefined;
  if (!factory) return { factoryCall: call, argument, variable, returned: undefined, factory: undefined };
  // A factory of this file is read: what it returns must be a function that uses the callback it was given.
  const returned = returnedFunction(factory, sourceCode);
  const callbackParam = parameterVariable(factory, parameterIdentifier(factory.params[index]), sourceCode);
  if (!returned || !callbackParam || !callbackParam.references.some((reference) => reference.isRead() && containsNode(returned, reference.identifier))) {
    return undefined;
  }
  return { factoryCall: call, argument, variable, returned, factory };
}

function isCalledSomewhere(variable: Variable): boolean {
  return variable.references.some((reference) => {
    const { parent, child } = transparentParent(reference.identifier);
    return reference.isRead() && parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === child;
  });
}

/**
 * A factory declared at the top of the module: its flow is recorded as that of a function the handler hands its
 * callback to (`delegates.ts`), so what its returned function does is known. A factory nested in the handler is
 * trusted like one of another file.
 */
export function sameFileFunction(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): FunctionNode | undefined {
  const values = resolveBinding(identifier, sourceCode);
  const fn = values.length === 1 && values[0] ? skipTransparentWrappers(values[0]) : undefined;
  return isFunctionNode(fn) && !fn.generator && enclosingFunction(fn) === undefined ? fn : undefined;
}

/** The one function a factory returns: `return (…) => …`, an arrow's body, or `return reply` of a local function. */
export function returnedFunction(factory: FunctionNode, sourceCode: TSESLint.SourceCode): FunctionNode | undefined {
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) return asFunction(factory.body, sourceCode);
  const returned = new Set<FunctionNode | undefined>();
  for (const statement of returnStatements(factory.body)) {
    returned.add(statement.argument ? asFunction(statement.argument, sourceCode) : undefined);
  }
  const [only] = returned;
  return returned.size === 1 ? only : undefined;
}

function asFunction(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): FunctionNode | undefined {
  const value = skipTransparentWrappers(node);
  if (isFunctionNode(value)) return value;
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(value), value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
  if (definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) {
    const init = skipTransparentWrappers(definition.node.init);
    return isFunctionNode(init) ? init : undefined;
  }
  return undefined;
}

/** The `return` statements of a block, nested blocks included, but not those of nested functions. */
function returnStatements(node: TSESTree.Node): TSESTree.ReturnStatement[] {
  const found: TSESTree.ReturnStatement[] = [];
  const pending: TSESTree.Node[] = [node];
  for (let current = pending.pop(); current; current = pending.pop()) {
    if (current.type === AST_NODE_TYPES.ReturnStatement) {
      found.push(current);
      continue;
    }
    if (isFunctionNode(current) && current !== node) continue;
    for (const [key, value] of Object.entries(current)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as TSESTree.Node).type === 'string') pending.push(child as TSESTree.Node);
      }
    }
  }
  return found;
}
