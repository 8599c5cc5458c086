import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Variable = TSESLint.Scope.Variable;

/**
 * The promise events of a segment, recorded in the same traversal and the same segment lists as the callback
 * events, so one solver pass sees both in order.
 */
export type PromiseEvent =
  /**
   * An expression that may produce a Promise starts, and nothing on the spot waits for it: it is an expression
   * statement, `void`ed, or stored in a variable (its `key`). `producer` says what makes it a Promise when the
   * plugin knows; an unknown call is recorded too (`producer` undefined), for the rule options and types to decide.
   */
  | {
      readonly kind: 'promiseStart';
      readonly node: TSESTree.Expression;
      readonly key: Variable | undefined;
      readonly voided: boolean;
      readonly producer: string | undefined;
      /**
       * Set for work that reports back through the node-style function it is given last, not through a Promise
       * (`base('Jobs').update(rows, (err) => …)`): nothing can wait for it but that function.
       */
      readonly continuation?: TSESTree.Node;
    }
  /** A stored Promise is waited for, chained, combined or handed on: it no longer floats on its own. */
  | { readonly kind: 'promiseSettle'; readonly key: Variable; readonly node: TSESTree.Identifier }
  /** An `await` is evaluated: the handler waits here, and a rejection throws here. */
  | { readonly kind: 'await'; readonly node: TSESTree.AwaitExpression };
