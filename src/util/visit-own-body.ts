import type { TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from './ast.js';

/** Visits every node of a function body, not descending into nested functions. */
export function visitOwnBody(body: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  const pending: TSESTree.Node[] = [body];
  for (let node = pending.pop(); node; node = pending.pop()) {
    visit(node);
    for (const key of Object.keys(node) as (keyof typeof node)[]) {
      if (key === 'parent') continue;
      const child = node[key] as unknown;
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item) && !isFunctionNode(item)) pending.push(item);
      } else if (isNode(child) && !isFunctionNode(child)) {
        pending.push(child);
      }
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
