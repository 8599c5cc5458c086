import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { memberPropertyName, propertyKeyName, skipTransparentWrappers } from '../util/ast.js';
import { MODULE_ITSELF } from './helper-summary.js';

/** A callee that is an export of a required module: the `require(…)` call and the export's name. */
export interface RequiredExport {
  readonly require: TSESTree.CallExpression;
  /** The export's name, or `MODULE_ITSELF` for the module's value (`const reply = require(…); reply(…)`). */
  readonly exportName: string;
}

/**
 * Which export of which `require()` a callee is, through the shapes projects write: `helpers.reply(…)` with
 * `const helpers = require(…)`, `reply(…)` with `const { reply } = require(…)` or `const reply = require(…).reply`,
 * `require(…).reply(…)`, and the module itself (`const reply = require(…)`). Only `const` bindings (or ones never
 * assigned again) count: a `let` that is reassigned may hold anything.
 */
export function requiredExportOf(callee: TSESTree.Node, sourceCode: TSESLint.SourceCode): RequiredExport | undefined {
  const node = skipTransparentWrappers(callee);
  if (node.type === AST_NODE_TYPES.MemberExpression) return memberExport(node, sourceCode);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const call = requireCall(node);
    return call && { require: call, exportName: MODULE_ITSELF };
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const bound = boundValue(node, sourceCode);
  if (!bound) return undefined;
  if (bound.key !== undefined) {
    const call = requireCall(bound.value);
    return call && { require: call, exportName: bound.key };
  }
  const value = skipTransparentWrappers(bound.value);
  if (value.type === AST_NODE_TYPES.MemberExpression) return memberExport(value, sourceCode);
  const call = requireCall(value);
  return call && { require: call, exportName: MODULE_ITSELF };
}

/** `require(…).name`, or `module.name` with `const module = require(…)`. */
function memberExport(member: TSESTree.MemberExpression, sourceCode: TSESLint.SourceCode): RequiredExport | undefined {
  const name = memberPropertyName(member);
  if (name === undefined) return undefined;
  const object = skipTransparentWrappers(member.object);
  const module = object.type === AST_NODE_TYPES.Identifier ? boundValue(object, sourceCode) : { value: object, key: undefined };
  const call = module && module.key === undefined ? requireCall(module.value) : undefined;
  return call && { require: call, exportName: name };
}

/** `require(x)` with the global `require` and one argument. */
function requireCall(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const call = skipTransparentWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return undefined;
  const callee = skipTransparentWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require' ? call : undefined;
}

/**
 * What a never-reassigned binding was initialised with: the whole initializer (`const x = init`), or, for a
 * destructured name, the initializer and the key it was read from (`const { key: x } = init`).
 */
function boundValue(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): { value: TSESTree.Node; key: string | undefined } | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const declarator = variable.defs[0]!.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return { value: declarator.init, key: undefined };
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of declarator.id.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const target = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (target.type === AST_NODE_TYPES.Identifier && variable.identifiers.includes(target)) {
      const key = propertyKeyName(property);
      return key === undefined ? undefined : { value: declarator.init, key };
    }
  }
  return undefined;
}

/** The string a `require()` argument spells (`'x'`, `` `x` ``), if it is a literal. */
export function literalSpecifier(call: TSESTree.CallExpression): string | undefined {
  const argument = call.arguments[0];
  if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') return argument.value;
  if (argument?.type === AST_NODE_TYPES.TemplateLiteral && argument.expressions.length === 0) return argument.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
