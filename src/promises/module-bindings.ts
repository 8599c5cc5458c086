import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { memberPropertyName, skipTransparentWrappers } from '../util/ast.js';

/** How deep `const a = b; const b = c; …` is followed. */
const MAX_DEPTH = 6;

/**
 * The expression a name stands for, when it is a `const` (or a `let`/`var` written exactly once) initialised on
 * its declaration: `client` in `const client = context.getTwilioClient()`.
 */
export function initializerOf(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): TSESTree.Node | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== TSESLint.Scope.DefinitionType.Variable || definition.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (variable!.references.some((reference) => reference.isWrite() && reference.identifier !== definition.node.id)) return undefined;
  return definition.node.init ?? undefined;
}

/**
 * The package a value comes from: `require('axios')`, `require('axios').default`, a name bound to either, or a
 * TypeScript `import axios from 'axios'` / `import * as axios from 'axios'`.
 */
export function requiredPackage(node: TSESTree.Node, sourceCode: TSESLint.SourceCode, depth = 0): string | undefined {
  const expression = skipTransparentWrappers(node);
  if (depth > MAX_DEPTH) return undefined;
  if (expression.type === AST_NODE_TYPES.CallExpression) return requireSpecifierOf(expression);
  if (expression.type === AST_NODE_TYPES.MemberExpression && memberPropertyName(expression) === 'default') {
    return requiredPackage(expression.object, sourceCode, depth + 1);
  }
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === TSESLint.Scope.DefinitionType.ImportBinding) {
    const declaration = definition.parent;
    return declaration?.type === AST_NODE_TYPES.ImportDeclaration && definition.node.type !== AST_NODE_TYPES.ImportSpecifier
      ? declaration.source.value
      : undefined;
  }
  const init = initializerOf(expression, sourceCode);
  return init ? requiredPackage(init, sourceCode, depth + 1) : undefined;
}

/** `'x'` for `require('x')`. */
export function requireSpecifierOf(call: TSESTree.CallExpression): string | undefined {
  const callee = skipTransparentWrappers(call.callee);
  const [argument] = call.arguments;
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require' || call.arguments.length !== 1) return undefined;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
}

/** Whether the name is not declared anywhere in the file, so it is the global of that name. */
export function isGlobalName(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  return !variable || variable.defs.length === 0;
}
