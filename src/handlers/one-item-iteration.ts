import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, memberPropertyName, propertyKeyName, skipTransparentWrappers, transparentParent } from '../util/ast.js';

/** Airtable's record writers answer with one record per record given (`create([{ fields }], (err, records) => …)`). */
const RECORD_WRITERS = new Set(['create', 'update', 'replace']);

/**
 * Whether a per-item call (`records.forEach(…)`) iterates an array known to hold exactly one item: the records a
 * record writer passes to its continuation when it was given a one-element array literal. Answering once per item
 * then answers once.
 */
export function iteratesOneItem(perItemCall: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): boolean {
  const items = itemsParameter(perItemCall, sourceCode);
  if (!items || items.continuation.params[1] !== items.parameter) return false;
  const { continuation } = items;
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

/**
 * Whether a per-item call (`records.forEach(…)`) iterates the records of an Airtable query asked for at most one
 * (`select({ maxRecords: 1 })`), handed to `firstPage((err, records) => …)` or to `eachPage((records, next) => …)`:
 * answering once per item then answers once, or never when nothing matched.
 */
export function iteratesAtMostOneItem(perItemCall: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): boolean {
  const items = itemsParameter(perItemCall, sourceCode);
  if (!items) return false;
  const { continuation, parameter } = items;
  const { parent, child } = transparentParent(continuation);
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== child) return false;
  const pager = skipTransparentWrappers(parent.callee);
  if (pager.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberPropertyName(pager);
  const position = method === 'firstPage' ? 1 : method === 'eachPage' ? 0 : undefined;
  if (position === undefined || continuation.params[position] !== parameter) return false;
  const query = skipTransparentWrappers(pager.object);
  return query.type === AST_NODE_TYPES.CallExpression && isSelectOfAtMostOne(query);
}

/** `select({ maxRecords: 1 })` (or 0). */
function isSelectOfAtMostOne(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberPropertyName(callee) !== 'select') return false;
  const [options] = call.arguments;
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return options.properties.some((property) =>
    property.type === AST_NODE_TYPES.Property && !property.computed && propertyKeyName(property) === 'maxRecords' &&
    property.value.type === AST_NODE_TYPES.Literal && (property.value.value === 1 || property.value.value === 0));
}

/** The function whose parameter the per-item call iterates (`records` in `(err, records) => records.forEach(…)`). */
function itemsParameter(
  perItemCall: TSESTree.CallExpression | TSESTree.NewExpression,
  sourceCode: TSESLint.SourceCode,
): { readonly continuation: FunctionNode; readonly parameter: TSESTree.Node } | undefined {
  const callee = skipTransparentWrappers(perItemCall.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const items = skipTransparentWrappers(callee.object);
  if (items.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(items), items);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== TSESLint.Scope.DefinitionType.Parameter || !isFunctionNode(definition.node)) return undefined;
  return { continuation: definition.node, parameter: definition.name };
}
