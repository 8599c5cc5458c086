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
 * Every read of a variable that always holds a response object, with its kind: one pass over the file's
 * variables, looking further only at those declared with a `new` expression.
 */
export function responseObjectReads(sourceCode: TSESLint.SourceCode): Map<TSESTree.Identifier, ResponseObject> {
  const reads = new Map<TSESTree.Identifier, ResponseObject>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables) {
      const init = variable.defs.length === 1 && variable.defs[0]!.node.type === AST_NODE_TYPES.VariableDeclarator ? variable.defs[0]!.node.init : null;
      if (!init || skipTransparentWrappers(init).type !== AST_NODE_TYPES.NewExpression) continue;
      const kind = variableResponseObject(variable, sourceCode);
      if (!kind) continue;
      for (const reference of variable.references) if (reference.isRead()) reads.set(reference.identifier as TSESTree.Identifier, kind);
    }
  }
  return reads;
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
