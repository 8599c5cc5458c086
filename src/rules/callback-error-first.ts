import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { handlerRoots } from '../cross-file/handler-roots.js';
import { bindCallback } from '../handlers/callback-bindings.js';
import { findReceivers } from '../handlers/delegates.js';
import { isFunctionNode, memberPropertyName, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import { type ResponseObject, responseObjectOf } from '../twilio-values/response-values.js';
import { createRule } from '../util/create-rule.js';
import { hasSpellingEscape } from '../util/source-escapes.js';

export type Options = [];
export type MessageIds = 'responseAsError' | 'responseWithoutStatusAsError' | 'passAsResponse' | 'thenCallback';

const OBJECT_TEXT = { twiml: 'a TwiML document', response: 'a `Twilio.Response`' } as const;

/** A call that is a mistake if `callee` (the called name, or `.then`'s argument) is the handler's callback. */
interface Candidate {
  readonly callee: TSESTree.Identifier;
  readonly call: TSESTree.CallExpression;
  /** What `callee(object)` passes as the error; undefined for `.then(callee)`. */
  readonly object?: ResponseObject;
}

export default createRule<Options, MessageIds>({
  name: 'callback-error-first',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the response to be the second argument of a Twilio Function callback, after the error',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      responseAsError:
        '`{{name}}(err, response)` takes the error first: this passes {{object}} as the error, so Twilio answers HTTP 500 with it instead of sending it. Call `{{name}}(null, {{argument}})`.',
      responseWithoutStatusAsError:
        '`{{name}}(err, response)` takes the error first: this passes a `Twilio.Response` as the error, so Twilio answers HTTP 500 with it instead of sending it. Pass it second, `{{name}}(null, {{argument}})`; it sets no status code, so that answers 200: set one first (`setStatusCode(500)`) if this path answers an error.',
      passAsResponse: 'Pass `{{argument}}` as the response: `{{name}}(null, {{argument}})` (HTTP 200 unless it sets a status code).',
      thenCallback:
        '`.then({{name}})` passes the promise\'s result as the error argument of `{{name}}(err, response)`: every successful result is answered with HTTP 500. Use `.then((result) => {{name}}(null, result))`.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const text = sourceCode.text;
    // A mistake needs a TwiML or `Twilio.Response` constructor, or a `.then`, whose names are in the text unless
    // an escape spells them (`Twilio['Res\x70onse']`): most files are ruled out before any scope look-up.
    let responses = text.includes('Response');
    let thens = text.includes('then');
    if ((!responses || !thens) && hasSpellingEscape(text)) responses = thens = true;
    if (!responses && !thens) return {};

    /** `f(x, …)` with `f` a name: during the traversal only the shape is checked, the rest at the end. */
    const calls: TSESTree.CallExpression[] = [];
    /** `p.then(f)`. */
    const thenCalls: TSESTree.CallExpression[] = [];
    /** The names of bindings initialized with `new …`: only those can hold a response object. */
    const constructedNames = new Set<string>();

    const candidates: Candidate[] = [];

    /** `f(twiml)`: a candidate only when the first argument is certainly a response object. */
    function collectCall(call: TSESTree.CallExpression): void {
      const callee = skipTransparentWrappers(call.callee) as TSESTree.Identifier;
      const first = call.arguments[0]!;
      const argument = skipTransparentWrappers(first);
      if (argument.type === AST_NODE_TYPES.Identifier && !constructedNames.has(argument.name)) return;
      const object = responseObjectOf(first, sourceCode);
      if (object) candidates.push({ callee, call, object });
    }

    function reportCall(callee: TSESTree.Identifier, call: TSESTree.CallExpression, object: ResponseObject): void {
      const first = call.arguments[0]!;
      const data = { name: callee.name, object: OBJECT_TEXT[object], argument: sourceCode.getText(first) };
      const fix = call.arguments.length === 1 ? (fixer: TSESLint.RuleFixer) => fixer.insertTextBefore(first, 'null, ') : null;
      // A `Twilio.Response` without a status code answers 200 once it is passed second: on an error path that would
      // turn the 500 into a success, so the rewrite is only offered.
      if (object === 'response' && !setsStatusCode(first)) {
        context.report({
          node: first,
          messageId: 'responseWithoutStatusAsError',
          data,
          suggest: fix ? [{ messageId: 'passAsResponse', data, fix }] : [],
        });
        return;
      }
      context.report({ node: first, messageId: 'responseAsError', data, fix });
    }

    /** Whether the response object passed is a binding whose status code is set somewhere (`response.setStatusCode(404)`). */
    function setsStatusCode(argument: TSESTree.Node): boolean {
      const expression = skipTransparentWrappers(argument);
      if (expression.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(expression), expression);
      return variable?.references.some((reference) => {
        const { parent, child } = transparentParent(reference.identifier);
        return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === child && memberPropertyName(parent) === 'setStatusCode' &&
          parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent;
      }) ?? false;
    }

    /** `promise.then(callback)`: the first argument of `.then`, not `.catch` nor `.then`'s rejection handler. */
    function collectThen(call: TSESTree.CallExpression): void {
      const callee = skipTransparentWrappers(call.callee) as TSESTree.MemberExpression;
      const argument = skipTransparentWrappers(call.arguments[0]!);
      if (argument.type !== AST_NODE_TYPES.Identifier || resolvesToUndefined(callee.object)) return;
      candidates.push({ callee: argument, call });
    }

    function reportThen(argument: TSESTree.Identifier, call: TSESTree.CallExpression): void {
      const first = call.arguments[0]!;
      const name = argument.name;
      const parameter = name === 'result' ? 'value' : 'result';
      context.report({
        node: first,
        messageId: 'thenCallback',
        data: { name },
        fix: (fixer) => fixer.replaceText(first, `(${parameter}) => ${name}(null, ${parameter})`),
      });
    }

    /** The handlers' callbacks, their aliases, and the parameters of same-file functions they are handed to. */
    function callbackVariables(): Set<TSESLint.Scope.Variable> {
      const variables = new Set<TSESLint.Scope.Variable>();
      for (const handler of handlerRoots(context).handlers()) {
        const bindings = bindCallback(handler, sourceCode);
        const receivers = findReceivers(bindings, sourceCode).map((receiver) => bindCallback(receiver.handler, sourceCode));
        for (const binding of [bindings, ...receivers]) for (const variable of binding.callbackVariables) variables.add(variable);
      }
      return variables;
    }

    /**
     * `p.then(() => { … })` without a `return value` resolves to undefined, which `callback` takes as "no error":
     * `.then(callback)` after it answers 200 with an empty body, as intended.
     */
    function resolvesToUndefined(node: TSESTree.Node): boolean {
      const promise = skipTransparentWrappers(node);
      if (promise.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipTransparentWrappers(promise.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || memberPropertyName(callee) !== 'then') return false;
      const [onFulfilled] = promise.arguments;
      if (!isFunctionNode(onFulfilled) || onFulfilled.async || onFulfilled.body.type !== AST_NODE_TYPES.BlockStatement) {
        return false;
      }
      return !returnsValue(onFulfilled.body);
    }

    function returnsValue(body: TSESTree.Node): boolean {
      let found = false;
      const visit = (node: TSESTree.Node): void => {
        if (found || (node !== body && isFunctionNode(node))) return;
        if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) {
          found = true;
          return;
        }
        for (const key of sourceCode.visitorKeys[node.type] ?? []) {
          const value = (node as unknown as Record<string, unknown>)[key];
          for (const childNode of Array.isArray(value) ? value : [value]) {
            if (childNode && typeof (childNode as TSESTree.Node).type === 'string') visit(childNode as TSESTree.Node);
          }
        }
      };
      visit(body);
      return found;
    }

    return {
      CallExpression(node) {
        const first = node.arguments[0];
        if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
        const callee = skipTransparentWrappers(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier) {
          if (responses) calls.push(node);
        } else if (thens && callee.type === AST_NODE_TYPES.MemberExpression && memberPropertyName(callee) === 'then') {
          thenCalls.push(node);
        }
      },
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        if (responses && node.id.type === AST_NODE_TYPES.Identifier && node.init && skipTransparentWrappers(node.init).type === AST_NODE_TYPES.NewExpression) {
          constructedNames.add(node.id.name);
        }
      },
      'Program:exit'() {
        for (const call of calls) collectCall(call);
        for (const call of thenCalls) collectThen(call);
        if (candidates.length === 0) return;
        const callbacks = callbackVariables();
        for (const candidate of candidates) {
          const variable = ASTUtils.findVariable(sourceCode.getScope(candidate.callee), candidate.callee);
          if (!variable || !callbacks.has(variable)) continue;
          if (candidate.object) reportCall(candidate.callee, candidate.call, candidate.object);
          else reportThen(candidate.callee, candidate.call);
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});

