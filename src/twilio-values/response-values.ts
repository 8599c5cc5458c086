import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { skipTransparentWrappers } from '../util/ast.js';
import { isResponseConstructor, isTwimlConstructor, twilioValueOf } from './twilio-value.js';

/** A value that `callback(null, value)` sends as a response of its own: TwiML as XML, a `Twilio.Response` as itself. */
export type ResponseObject = 'twiml' | 'response';

/**
 * What `node` certainly is when it is evaluated: a `new` TwiML document or `Twilio.Response`, directly or through
 * a binding whose initializer and every later assignment is one. Anything else (a parameter, a value returned
 * by a function, a binding assigned something else anywhere) is undefined: it may be a real error.
 */
export function responseObjectOf(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): ResponseObject | undefined {
  const expression = skipTransparentWrappers(node);
  if (expression.type === AST_NODE_TYPES.NewExpression) return constructed(expression, sourceCode);
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  if (definition.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.id !== definition.name || !definition.node.init) {
    return undefined;
  }
  let kind: ResponseObject | undefined;
  for (const reference of variable.references) {
    if (!reference.isWrite()) continue;
    const written = reference.writeExpr ? skipTransparentWrappers(reference.writeExpr) : undefined;
    const writtenKind = written?.type === AST_NODE_TYPES.NewExpression ? constructed(written, sourceCode) : undefined;
    if (!writtenKind || (kind !== undefined && kind !== writtenKind)) return undefined;
    kind = writtenKind;
  }
  return kind;
}

function constructed(expression: TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): ResponseObject | undefined {
  const value = twilioValueOf(expression.callee, sourceCode);
  if (isTwimlConstructor(value)) return 'twiml';
  if (isResponseConstructor(value)) return 'response';
  return undefined;
}
