import type { TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from './ast.js';

/** Visits every node of a function body, not descending into nested functions. */
export function visitOwnBody(body: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  walk(body, visit, false);
}

/** Visits every node under `root`, nested functions included; `visit` returning `false` skips the node's children. */
export function visitSubtree(root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | void): void {
  walk(root, visit, true);
}

function walk(root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | void, intoFunctions: boolean): void {
  const pending: TSESTree.Node[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (visit(node) === false) continue;
    for (const key of Object.keys(node) as (keyof typeof node)[]) {
      if (key === 'parent') continue;
      const child = node[key] as unknown;
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item) && (intoFunctions || !isFunctionNode(item))) pending.push(item);
      } else if (isNode(child) && (intoFunctions || !isFunctionNode(child))) {
        pending.push(child);
      }
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
