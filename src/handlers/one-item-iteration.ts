import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode, memberPropertyName, skipTransparentWrappers, transparentParent } from '../util/ast.js';

/** Airtable's record writers answer with one record per record given (`create([{ fields }], (err, records) => …)`). */
const RECORD_WRITERS = new Set(['create', 'update', 'replace']);

/**
 * Whether a per-item call (`records.forEach(…)`) iterates an array known to hold exactly one item: the records a
 * record writer passes to its continuation when it was given a one-element array literal. Answering once per item
 * then answers once.
 */
export function iteratesOneItem(perItemCall: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): boolean {
  const callee = skipTransparentWrappers(perItemCall.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const items = skipTransparentWrappers(callee.object);
  if (items.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(items), items);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== TSESLint.Scope.DefinitionType.Parameter || !isFunctionNode(definition.node)) return false;
  const continuation = definition.node;
  if (continuation.params[1] !== definition.name) return false;
  const { parent, child } = transparentParent(continuation);
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments.at(-1) !== child) return false;
  const writer = skipTransparentWrappers(parent.callee);
  const method = writer.type === AST_NODE_TYPES.MemberExpression ? memberPropertyName(writer) : undefined;
  const [records] = parent.arguments;
  return (
    method !== undefined && RECORD_WRITERS.has(method) && records?.type === AST_NODE_TYPES.ArrayExpression &&
    records.elements.length === 1 && records.elements[0]?.type !== AST_NODE_TYPES.SpreadElement
  );
}
