import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { FunctionGraph } from '../dataflow/segment-graph.js';
import type { HelperCall } from '../cross-file/helper-summary.js';
import type { CallbackBindings } from '../handlers/callback-bindings.js';
import type { Responder } from '../handlers/responder-factories.js';
import type { PromiseEvent } from '../promises/promise-events.js';
import type { FunctionNode } from '../util/ast.js';

/** Every event of a recorded function: the callback engine's and the promise engine's, in one list per segment. */
export type FlowEvent = CallbackEvent | PromiseEvent;

/**
 * What happens on a path, in order, as far as the callback is concerned. Each code path segment of a function
 * that uses the callback gets the list of events seen while it was current; the analyses replay them.
 */
export type CallbackEvent =
  /** A direct, synchronous call of the callback or an alias of it. */
  | { readonly kind: 'call'; readonly node: TSESTree.CallExpression }
  /** The callback, or a function that uses it, leaves this function's hands: someone else will call it. */
  | { readonly kind: 'handoff'; readonly node: TSESTree.Node }
  /**
   * A function that uses the callback is given to `forEach`/`map`/…: it runs once per item. If it answers on
   * only some of its paths (`if (row.id === id) callback(null, row)`), no item may answer; if it answers on all
   * of them, every item does (a duplicate, reported by no-code-after-callback).
   */
  | { readonly kind: 'perItem'; readonly node: FunctionNode }
  /** A call of a local function (or IIFE) that uses the callback; what it does is its summary. */
  | { readonly kind: 'localCall'; readonly node: TSESTree.CallExpression; readonly target: FunctionNode }
  /**
   * The callback handed to a function of the same file (`reply(context, event, callback)`): a hand-off that is
   * also a synchronous call when that function calls back on every path.
   */
  | { readonly kind: 'receiverCall'; readonly node: TSESTree.Identifier; readonly target: FunctionNode }
  /**
   * A call of a function made from the callback (`respond(null, body)` after `const respond =
   * makeResponder(callback)`): an answer, as far as what the factory's returned function does is known.
   */
  | { readonly kind: 'responderCall'; readonly node: TSESTree.CallExpression; readonly responder: Responder }
  /**
   * The callback handed to an export of another project file (`reply(context, event, callback)` with `reply`
   * from `require(Runtime.getFunctions()['helpers/reply'].path)`): what that export does on its paths.
   */
  | { readonly kind: 'helperCall'; readonly node: TSESTree.Identifier; readonly helper: HelperCall }
  /** A statement starts to run. */
  | { readonly kind: 'statement'; readonly node: TSESTree.Statement }
  /**
   * A read of a name that no scope declares and the runtime does not provide: it throws a ReferenceError, so the
   * path ends here (into a `catch`, a 500, or the async handler's rejection).
   */
  | { readonly kind: 'throws'; readonly node: TSESTree.Identifier }
  /**
   * Paths of a decision (`if`, `switch`, a loop, `try`, `a || b`, `c ? a : b`) meet again at the start of
   * `segment`: where a path that skipped the callback can get through (see path-gaps.ts). `bypass`: only the empty
   * side of an `if` without `else` or a `switch` without `default` gets here, the other branches having jumped away
   * (or, for a `switch` with a `default:`, the one `case` that breaks out of it). `jumpedAway`: a `switch` some of
   * whose cases jumped away, met here by several others: when none of them called back, they bypassed it too.
   */
  | {
      readonly kind: 'merge';
      readonly node: DecisionNode;
      readonly segment: TSESLint.CodePathSegment;
      readonly entersCatch?: true;
      readonly bypass?: true;
      readonly jumpedAway?: true;
    };

/** The statements and expressions whose paths can part and meet again. */
export type DecisionNode =
  | TSESTree.ConditionalExpression
  | TSESTree.DoWhileStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.ForStatement
  | TSESTree.IfStatement
  | TSESTree.LogicalExpression
  | TSESTree.SwitchStatement
  | TSESTree.TryStatement
  | TSESTree.WhileStatement;

/** The recorded code path of one function of a handler (the handler itself or a function nested in it). */
export interface FunctionFlow extends FunctionGraph<FlowEvent> {
  /** Direct callback calls that ESLint's code path analysis proves unreachable. */
  readonly unreachableCalls: TSESTree.CallExpression[];
}

export interface HandlerFlow {
  readonly bindings: CallbackBindings;
  readonly functions: Map<FunctionNode, FunctionFlow>;
}
