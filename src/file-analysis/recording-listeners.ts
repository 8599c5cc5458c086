import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { type CallbackEventHooks, RUNNING_STATEMENTS, THROWING_EXPRESSIONS } from '../callback-flow/callback-events.js';
import { recordDecisionMerge } from '../callback-flow/decision-events.js';
import type { CallbackFlowRecorder } from '../callback-flow/record-callback-flow.js';
import type { SegmentHooks } from '../dataflow/segment-recorder.js';
import type { PromiseEventHooks } from '../promises/record-promise-flow.js';

/** Listeners by selector or code path event, loosely typed: what a rule's `create` returns. */
export type Listeners = Record<string, ((...args: never[]) => void) | undefined>;

/** The hooks of one file's recorders: what the node-type tables below call. */
interface Hooks {
  readonly segments: SegmentHooks;
  readonly events: CallbackEventHooks;
  /** Absent where only callback flows are recorded (another project file's exports). */
  readonly promises: PromiseEventHooks | undefined;
}

type NodeHook = (hooks: Hooks, node: never) => void;

/**
 * Which hooks run on entering and on leaving each node type, in the order they run. Built once per process, not
 * per file: ESLint creates the rules anew for every file it lints, and merging thirty-odd listeners of three
 * engines into one object per file (and folding it by node type) was a measurable part of the plugin's time on a
 * corpus of small files. Per file there is now one object of a fixed shape with a few closures over its hooks.
 */
const ENTER = new Map<string, NodeHook>();
const EXIT = new Map<string, NodeHook>();

function on(table: Map<string, NodeHook>, type: string, hook: NodeHook): void {
  const existing = table.get(type);
  table.set(type, existing ? (hooks, node) => {
    existing(hooks, node);
    hook(hooks, node);
  } : hook);
}

on(ENTER, 'BlockStatement', (hooks, node: TSESTree.BlockStatement) => hooks.segments.onBlock(node));
on(ENTER, 'CallExpression', (hooks, node: TSESTree.CallExpression) => hooks.events.onCallEnter(node));
on(ENTER, 'Identifier', (hooks, node: TSESTree.Identifier) => {
  hooks.events.onIdentifier(node);
  hooks.promises?.onIdentifier(node);
});
on(ENTER, 'IfStatement', (hooks, node: TSESTree.IfStatement) => hooks.events.onIfStatement(node));
on(ENTER, 'LogicalExpression', (hooks, node: TSESTree.LogicalExpression) => hooks.events.onLogicalExpression(node));
on(ENTER, 'ThrowStatement', (hooks, node: TSESTree.ThrowStatement) => hooks.events.onThrowStatement(node));
for (const type of RUNNING_STATEMENTS) {
  if (!ENTER.has(type)) on(ENTER, type, (hooks, node: TSESTree.Statement) => hooks.events.onStatement(node));
}

on(EXIT, 'BlockStatement', (hooks, node: TSESTree.BlockStatement) => hooks.segments.onBlockExit(node));
for (const type of ['BreakStatement', 'ContinueStatement', 'ReturnStatement', 'ThrowStatement']) {
  on(EXIT, type, (hooks, node: TSESTree.BreakStatement) => hooks.segments.onJump(node));
}
on(EXIT, 'CallExpression', (hooks, node: TSESTree.CallExpression) => hooks.events.onCallExit(node));
for (const type of THROWING_EXPRESSIONS) {
  on(EXIT, type, (hooks, node: TSESTree.Node) => hooks.events.onThrowingExpressionExit(node));
}
on(EXIT, 'NewExpression', (hooks, node: TSESTree.NewExpression) => hooks.events.onNewExpressionExit(node));
for (const type of ['CallExpression', 'NewExpression', 'ImportExpression']) {
  on(EXIT, type, (hooks, node: TSESTree.CallExpression) => hooks.promises?.onExpressionExit(node));
}
on(EXIT, 'AwaitExpression', (hooks, node: TSESTree.AwaitExpression) => hooks.promises?.onAwaitExit(node));

/**
 * One selector for every node type entered and one for every type left (`BlockStatement, CallExpression, …`),
 * each dispatching on the node's type: ESLint registers, tags and sorts each selector of each rule anew for every
 * file, so thirty selectors would cost it thirty times. A list of plain types needs no selector matching.
 */
const ENTER_SELECTOR = [...ENTER.keys()].join(', ');
const EXIT_SELECTOR = `${[...EXIT.keys()].join(', ')}:exit`;

/**
 * The listeners that record one file's flows during ESLint's traversal: the segment recorder's, the callback
 * engine's and (when given) the promise engine's, in that order wherever several listen to the same node.
 * `program` runs on `Program` before the recorder finds the handlers; `programExit` on leaving it.
 */
export function recordingListeners(
  recorder: CallbackFlowRecorder,
  promises: PromiseEventHooks | undefined,
  program?: () => void,
  programExit?: () => void,
): Listeners {
  const hooks: Hooks = { segments: recorder.segments.hooks, events: recorder.events, promises };
  const segments = hooks.segments;
  const listeners: Listeners = {
    Program: () => {
      program?.();
      recorder.prepare();
    },
    [ENTER_SELECTOR]: (node: TSESTree.Node) => (ENTER.get(node.type) as (hooks: Hooks, node: TSESTree.Node) => void)(hooks, node),
    [EXIT_SELECTOR]: (node: TSESTree.Node) => (EXIT.get(node.type) as (hooks: Hooks, node: TSESTree.Node) => void)(hooks, node),
    onCodePathStart: segments.onCodePathStart,
    onCodePathEnd: segments.onCodePathEnd,
    onCodePathSegmentStart: (segment: TSESLint.CodePathSegment, node: TSESTree.Node) => {
      segments.onSegmentStart(segment, node);
      recordDecisionMerge(recorder.segments, segment, node);
    },
    onCodePathSegmentEnd: segments.onSegmentEnd,
    onCodePathSegmentLoop: segments.onSegmentLoop,
    onUnreachableCodePathSegmentStart: segments.onSegmentStart,
    onUnreachableCodePathSegmentEnd: segments.onSegmentEnd,
  };
  if (programExit) listeners['Program:exit'] = programExit;
  return listeners;
}
