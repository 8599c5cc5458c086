import { dirname } from 'node:path';

import { parse, type Node } from 'acorn';

import { dependOnFile, FileBackedCache } from './file-backed-cache.js';
import { lexFile } from './lexed-file.js';
import { resolveImport } from './module-resolution.js';

/** A graph bigger than this is not walked to the end: the answer is "not found" rather than a slow lint. */
const MAX_GRAPH_FILES = 400;

const graphs = new FileBackedCache<string, string | null>(1_000);
const files = new FileBackedCache<string, boolean>(4_000);

/**
 * The first file in the static import graph of the ES module at `entry` that uses top-level await, or undefined.
 * `require()` of such a graph throws ERR_REQUIRE_ASYNC_MODULE even where require(esm) exists.
 */
export function findTopLevelAwait(entry: string): string | undefined {
  return graphs.get(entry, () => walkGraph(entry)) ?? undefined;
}

function walkGraph(entry: string): string | null {
  const queue = [entry];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const path = queue.shift()!;
    const file = lexFile(path);
    if (!file?.hasModuleSyntax) continue; // CommonJS dependencies cannot await at the top level
    if (fileHasTopLevelAwait(path, file.source)) return path;
    for (const specifier of file.staticImports) {
      const target = resolveImport(dirname(path), specifier);
      if (target && !seen.has(target) && seen.size < MAX_GRAPH_FILES) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return null;
}

function fileHasTopLevelAwait(path: string, source: string): boolean {
  return files.get(path, () => {
    dependOnFile(path);
    if (!/\bawait\b/.test(source)) return false; // most files: no parse needed
    try {
      const program = parse(source, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true });
      return containsAwaitOutsideFunctions(program);
    } catch {
      return false;
    }
  });
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function containsAwaitOutsideFunctions(node: Node): boolean {
  if (node.type === 'AwaitExpression') return true;
  if (node.type === 'ForOfStatement' && (node as Node & { await?: boolean }).await) return true;
  if (FUNCTION_TYPES.has(node.type)) return false;
  for (const value of Object.values(node)) {
    const children: unknown[] = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (isNode(child) && containsAwaitOutsideFunctions(child)) return true;
    }
  }
  return false;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function clearTopLevelAwaitCache(): void {
  graphs.clear();
  files.clear();
}
