import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { bindCallback } from '../handlers/callback-bindings.js';
import { findReceivers } from '../handlers/delegates.js';
import { findHandlers } from '../handlers/find-handlers.js';
import { isFunctionNode, memberPropertyName, skipTransparentWrappers } from '../util/ast.js';
import { responseObjectOf } from '../twilio-values/response-values.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageIds = 'responseAsError' | 'thenCallback';

const OBJECT_TEXT = { twiml: 'a TwiML document', response: 'a `Twilio.Response`' } as const;

export default createRule<Options, MessageIds>({
  name: 'callback-error-first',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the response to be the second argument of a Twilio Function callback, after the error',
      recommended: true,
    },
    fixable: 'code',
    schema: [],
    messages: {
      responseAsError:
        '`{{name}}(err, response)` takes the error first: this passes {{object}} as the error, so Twilio answers HTTP 500 with it instead of sending it. Call `{{name}}(null, {{argument}})`.',
      thenCallback:
        '`.then({{name}})` passes the promise\'s result as the error argument of `{{name}}(err, response)`: every successful result is answered with HTTP 500. Use `.then((result) => {{name}}(null, result))`.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;

    /** Calls that are mistakes if their callee (or `.then`'s argument) is the handler's callback. */
    const candidates: { readonly callee: TSESTree.Identifier; readonly report: () => void }[] = [];

    /** `f(twiml)`: recorded only when the first argument is certainly a response object (cheap to rule out). */
    function collectCall(call: TSESTree.CallExpression): void {
      const callee = skipTransparentWrappers(call.callee);
      const [first] = call.arguments;
      if (callee.type !== AST_NODE_TYPES.Identifier || !first || first.type === AST_NODE_TYPES.SpreadElement) return;
      const object = responseObjectOf(first, sourceCode);
      if (!object) return;
      candidates.push({
        callee,
        report: () =>
          context.report({
            node: first,
            messageId: 'responseAsError',
            data: { name: callee.name, object: OBJECT_TEXT[object], argument: sourceCode.getText(first) },
            fix: call.arguments.length === 1 ? (fixer) => fixer.insertTextBefore(first, 'null, ') : null,
          }),
      });
    }

    /** `promise.then(callback)`: the first argument of `.then`, not `.catch` nor `.then`'s rejection handler. */
    function collectThen(call: TSESTree.CallExpression): void {
      const callee = skipTransparentWrappers(call.callee);
      const [first] = call.arguments;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || memberPropertyName(callee) !== 'then' || !first) return;
      const argument = skipTransparentWrappers(first);
      if (argument.type !== AST_NODE_TYPES.Identifier || resolvesToUndefined(callee.object)) return;
      const name = argument.name;
      const parameter = name === 'result' ? 'value' : 'result';
      candidates.push({
        callee: argument,
        report: () =>
          context.report({
            node: first,
            messageId: 'thenCallback',
            data: { name },
            fix: (fixer) => fixer.replaceText(first, `(${parameter}) => ${name}(null, ${parameter})`),
          }),
      });
    }

    /** The handlers' callbacks, their aliases, and the parameters of same-file functions they are handed to. */
    function callbackVariables(): Set<TSESLint.Scope.Variable> {
      const variables = new Set<TSESLint.Scope.Variable>();
      for (const handler of findHandlers(sourceCode)) {
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
        collectCall(node);
        collectThen(node);
      },
      'Program:exit'() {
        if (candidates.length === 0) return;
        const callbacks = callbackVariables();
        for (const candidate of candidates) {
          const variable = ASTUtils.findVariable(sourceCode.getScope(candidate.callee), candidate.callee);
          if (variable && callbacks.has(variable)) candidate.report();
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});

