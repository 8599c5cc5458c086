import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { containsNode } from '../util/ast.js';
import type { CallbackAnalysis } from './callback-summary.js';
import { findCodeAfterCallback } from './code-after-callback.js';
import type { FunctionFlow } from './flow-events.js';

type Loop = TSESTree.DoWhileStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement | TSESTree.ForStatement | TSESTree.WhileStatement;

/**
 * Whether a loop answers inside its body and then runs on (`for (const to of numbers) callback(null, to)`): the
 * callback belongs after the loop. no-code-after-callback reports the code or second callback that runs after the
 * answer; the path that never enters the loop is the same mistake, not one of its own.
 */
export function answersInsideLoop(flow: FunctionFlow, loop: TSESTree.Node, analysis: CallbackAnalysis): loop is Loop {
  if (!isLoop(loop)) return false;
  const findings = findCodeAfterCallback(flow, analysis, { allowLogging: true, answerSite: (event) => event.node });
  return findings.some((finding) => {
    if (finding.kind === 'codeAfter') return containsNode(loop.body, finding.call) && containsNode(loop.body, finding.statement);
    if (finding.kind === 'duplicate') return containsNode(loop.body, finding.previous) && containsNode(loop.body, finding.call);
    return false;
  });
}

function isLoop(node: TSESTree.Node): node is Loop {
  switch (node.type) {
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.WhileStatement:
      return true;
    default:
      return false;
  }
}
