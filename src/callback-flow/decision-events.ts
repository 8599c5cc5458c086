import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { SegmentRecorder } from '../dataflow/segment-recorder.js';
import { segmentRecord } from '../dataflow/segment-graph.js';
import type { DecisionNode, FlowEvent, FunctionFlow } from './flow-events.js';

const DECISIONS = new Set<string>([
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.DoWhileStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.IfStatement,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.TryStatement,
  AST_NODE_TYPES.WhileStatement,
]);

/** How many segments lead into `segment`, unreachable ones included (ESLint has it; typescript-eslint's types do not). */
function allPrevious(segment: TSESLint.CodePathSegment): number {
  return (segment as TSESLint.CodePathSegment & { readonly allPrevSegments?: readonly unknown[] }).allPrevSegments?.length ?? 0;
}

/**
 * An `if` without `else`, or a `switch`: a decision that a path can get past by one side alone (its empty side, no
 * `case` matched, or the one `case` that breaks out of it).
 */
function isOpenSided(node: TSESTree.Node): node is TSESTree.IfStatement | TSESTree.SwitchStatement {
  if (node.type === AST_NODE_TYPES.IfStatement) return !node.alternate;
  return node.type === AST_NODE_TYPES.SwitchStatement;
}

/**
 * Records a `merge` event first in each segment where the paths of a decision meet again: ESLint starts the
 * segment after an `if`, a `switch`, a loop or a `try` while it leaves that node. Only a few segments of a
 * function are such meeting points, and the event costs nothing to the problems that ignore it. A decision whose
 * other branches all jumped away (`return`, `throw`) gets a `bypass` merge where its empty side goes on. Called
 * when a segment starts, after the segment recorder has made it current.
 */
export function recordDecisionMerge(
  segments: SegmentRecorder<FlowEvent, FunctionFlow>,
  segment: TSESLint.CodePathSegment,
  node: TSESTree.Node,
): void {
  if (!segment.reachable) return;
  const flow = segments.current();
  if (!flow) return;
  // A `catch` is where the paths that threw part from those that did not, whatever ESLint's graph draws.
  if (node.type === AST_NODE_TYPES.CatchClause) {
    segmentRecord(flow, segment).events.push({ kind: 'merge', node: node.parent, segment, entersCatch: true });
  } else if (segment.prevSegments.length > 1 && DECISIONS.has(node.type)) {
    const jumpedAway = node.type === AST_NODE_TYPES.SwitchStatement && allPrevious(segment) > segment.prevSegments.length;
    segmentRecord(flow, segment).events.push(
      jumpedAway ? { kind: 'merge', node, segment, jumpedAway } : { kind: 'merge', node: node as DecisionNode, segment },
    );
  } else if (segment.prevSegments.length === 1 && allPrevious(segment) > 1 && isOpenSided(node)) {
    // `if (ok) return callback(…);` with nothing after it: the other branches left by a jump, so only the
    // empty side (the false side, no `case` matched) gets past the decision.
    segmentRecord(flow, segment).events.push({ kind: 'merge', node, segment, bypass: true });
  }
}
