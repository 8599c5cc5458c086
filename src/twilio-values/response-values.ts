import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { skipTransparentWrappers, transparentParent } from '../util/ast.js';
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
  return variable ? variableResponseObject(variable, sourceCode) : undefined;
}

/** What a variable always holds, when its one declaration and every assignment is a `new` TwiML document or `Twilio.Response`. */
function variableResponseObject(variable: TSESLint.Scope.Variable, sourceCode: TSESLint.SourceCode): ResponseObject | undefined {
  if (variable.defs.length !== 1) return undefined;
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

/**
 * The reads of the variable `new …` initialises (`const response = new Twilio.Response()`), with the kind of
 * response object it always holds; none when it is no such variable.
 */
export function responseObjectReadsOf(
  expression: TSESTree.NewExpression,
  sourceCode: TSESLint.SourceCode,
): { readonly kind: ResponseObject; readonly reads: readonly TSESTree.Identifier[] } | undefined {
  const { parent, child } = transparentParent(expression);
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== child) return undefined;
  const [variable] = sourceCode.scopeManager?.getDeclaredVariables(parent) ?? [];
  const kind = variable && variableResponseObject(variable, sourceCode);
  if (!variable || !kind) return undefined;
  const reads: TSESTree.Identifier[] = [];
  for (const reference of variable.references) if (reference.isRead()) reads.push(reference.identifier as TSESTree.Identifier);
  return { kind, reads };
}

/**
 * The methods of a response object that cannot throw: `Twilio.Response`'s setters (plain assignments in
 * `@twilio/runtime-handler`), and a TwiML document's verbs, which only add an element to the document.
 */
const NON_THROWING_METHODS: Readonly<Record<ResponseObject, ReadonlySet<string>>> = {
  response: new Set(['appendHeader', 'removeCookie', 'setBody', 'setCookie', 'setHeaders', 'setStatusCode']),
  twiml: new Set([
    'comment', 'connect', 'dial', 'echo', 'enqueue', 'gather', 'hangup', 'leave', 'message', 'pause', 'pay', 'play',
    'prompt', 'receive', 'record', 'redirect', 'refer', 'reject', 'say', 'sms', 'start', 'stop', 'toString',
  ]),
};

/** Whether `name` is a method of a response object of `kind` that cannot throw. */
export function isNonThrowingResponseMethod(kind: ResponseObject, name: string): boolean {
  return NON_THROWING_METHODS[kind].has(name);
}

function constructed(expression: TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): ResponseObject | undefined {
  const value = twilioValueOf(expression.callee, sourceCode);
  if (isTwimlConstructor(value)) return 'twiml';
  if (isResponseConstructor(value)) return 'response';
  return undefined;
}
