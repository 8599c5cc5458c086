import type { TSESTree } from '@typescript-eslint/utils';

/** Where nodes start, for a message: `line 7`, `lines 7 and 9`, `lines 7, 9 and 12` (each line once). */
export function describeLines(nodes: readonly TSESTree.Node[]): string {
  const lines = [...new Set(nodes.map((node) => node.loc.start.line))];
  if (lines.length <= 1) return `line ${lines[0] ?? ''}`;
  return `lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;
}
