import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { FunctionNode } from './ast.js';

/** Where a path that falls off the end of a function stops: its closing brace, or an arrow's expression body. */
export function functionEnd(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.SourceLocation {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body.loc;
  return sourceCode.getLastToken(fn.body)!.loc;
}
