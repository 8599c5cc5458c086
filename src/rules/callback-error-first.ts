import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { bindCallback, classifyValueUse } from '../handlers/callback-bindings.js';
import { findReceivers } from '../handlers/delegates.js';
import { findHandlers } from '../handlers/find-handlers.js';
import { isFunctionNode, memberPropertyName, skipTransparentWrappers, transparentParent } from '../util/ast.js';
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

    function checkReference(identifier: TSESTree.Identifier): void {
      const use = classifyValueUse(identifier);
      if (use.kind === 'call') {
        if (skipTransparentWrappers(use.call.callee) === identifier) checkCall(use.call, identifier.name);
        return;
      }
      if (use.kind === 'handoff') checkThen(identifier);
    }

    function checkCall(call: TSESTree.CallExpression, name: string): void {
      const [first] = call.arguments;
      if (!first || first.type === AST_NODE_TYPES.SpreadElement) return;
      const object = responseObjectOf(first, sourceCode);
      if (!object) return;
      const argument = sourceCode.getText(first);
      context.report({
        node: first,
        messageId: 'responseAsError',
        data: { name, object: OBJECT_TEXT[object], argument },
        fix: call.arguments.length === 1 ? (fixer) => fixer.insertTextBefore(first, 'null, ') : null,
      });
    }

    /** `promise.then(callback)`: the first argument of `.then`, not `.catch` nor `.then`'s rejection handler. */
    function checkThen(identifier: TSESTree.Identifier): void {
      const { parent, child } = transparentParent(identifier);
      if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== child) return;
      const callee = skipTransparentWrappers(parent.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || memberPropertyName(callee) !== 'then') return;
      if (resolvesToUndefined(callee.object)) return;
      const name = identifier.name;
      const parameter = name === 'result' ? 'value' : 'result';
      context.report({
        node: child,
        messageId: 'thenCallback',
        data: { name },
        fix: (fixer) => fixer.replaceText(child, `(${parameter}) => ${name}(null, ${parameter})`),
      });
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
      'Program:exit'() {
        const checked = new Set<TSESTree.Node>();
        for (const handler of findHandlers(sourceCode)) {
          const bindings = bindCallback(handler, sourceCode);
          const receivers = findReceivers(bindings, sourceCode).map((receiver) => bindCallback(receiver.handler, sourceCode));
          for (const { callbackVariables } of [bindings, ...receivers]) {
            for (const variable of callbackVariables) {
              for (const reference of variable.references) {
                if (!reference.isRead() || checked.has(reference.identifier)) continue;
                checked.add(reference.identifier);
                checkReference(reference.identifier as TSESTree.Identifier);
              }
            }
          }
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});

