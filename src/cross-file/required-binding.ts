import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { memberPropertyName, propertyKeyName, skipTransparentWrappers } from '../util/ast.js';
import { DEFAULT_EXPORT, MODULE_ITSELF } from './helper-summary.js';

/**
 * Where a module is loaded: a `require(…)` call, or, in TypeScript compiled to CommonJS (where both become a
 * `require`), `import … from '…'` and `import x = require('…')`.
 */
export type ModuleLoad = TSESTree.CallExpression | TSESTree.ImportDeclaration | TSESTree.TSImportEqualsDeclaration;

/** A callee that is an export of a loaded module: where it is loaded and the export's name. */
export interface RequiredExport {
  readonly load: ModuleLoad;
  /**
   * The export's name, `MODULE_ITSELF` for the module's value (`const reply = require(…); reply(…)`,
   * `import reply = require(…)`), or `DEFAULT_EXPORT` for a default import.
   */
  readonly exportName: string;
}

/**
 * Which export of which loaded module a callee is, through the shapes projects write: `helpers.reply(…)` with
 * `const helpers = require(…)`, `reply(…)` with `const { reply } = require(…)` or `const reply = require(…).reply`,
 * `require(…).reply(…)`, and the module itself (`const reply = require(…)`); in TypeScript, `import { reply } from …`,
 * `import * as helpers from …`, `import reply from …` and `import helpers = require(…)`. Only `const` bindings (or
 * ones never assigned again) count: a `let` that is reassigned may hold anything. Type-only imports are no value.
 */
export function requiredExportOf(callee: TSESTree.Node, sourceCode: TSESLint.SourceCode): RequiredExport | undefined {
  const node = skipTransparentWrappers(callee);
  if (node.type === AST_NODE_TYPES.MemberExpression) return memberExport(node, sourceCode);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const call = requireCall(node);
    return call && { load: call, exportName: MODULE_ITSELF };
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const imported = importedBinding(node, sourceCode);
  if (imported) return imported.exportName === NAMESPACE ? undefined : imported;
  const bound = boundValue(node, sourceCode);
  if (!bound) return undefined;
  if (bound.key !== undefined) {
    const call = requireCall(bound.value);
    return call && { load: call, exportName: bound.key };
  }
  const value = skipTransparentWrappers(bound.value);
  if (value.type === AST_NODE_TYPES.MemberExpression) return memberExport(value, sourceCode);
  const call = requireCall(value);
  return call && { load: call, exportName: MODULE_ITSELF };
}

/** What `import * as x` binds: the module's exports object, whose members are the exports. */
const NAMESPACE = '\0namespace';

/** The export an imported name is bound to (`NAMESPACE` for `import * as x`), or undefined when it is not imported. */
function importedBinding(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): RequiredExport | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== TSESLint.Scope.DefinitionType.ImportBinding) return undefined;
  const node = definition.node;
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const external = node.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference;
    return external && node.importKind !== 'type' ? { load: node, exportName: MODULE_ITSELF } : undefined;
  }
  const declaration = node.parent;
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type') return undefined;
  switch (node.type) {
    case AST_NODE_TYPES.ImportSpecifier: {
      if (node.importKind === 'type') return undefined;
      const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : node.imported.value;
      return { load: declaration, exportName: imported };
    }
    case AST_NODE_TYPES.ImportDefaultSpecifier:
      return { load: declaration, exportName: DEFAULT_EXPORT };
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return { load: declaration, exportName: NAMESPACE };
    default:
      return undefined;
  }
}

/**
 * `require(…).name`, or `module.name` with `const module = require(…)`, `import * as module from …` or
 * `import module = require(…)`.
 */
function memberExport(member: TSESTree.MemberExpression, sourceCode: TSESLint.SourceCode): RequiredExport | undefined {
  const name = memberPropertyName(member);
  if (name === undefined) return undefined;
  const object = skipTransparentWrappers(member.object);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const imported = importedBinding(object, sourceCode);
    if (imported) return imported.exportName === NAMESPACE || imported.exportName === MODULE_ITSELF ? { load: imported.load, exportName: name } : undefined;
  }
  const module = object.type === AST_NODE_TYPES.Identifier ? boundValue(object, sourceCode) : { value: object, key: undefined };
  const call = module && module.key === undefined ? requireCall(module.value) : undefined;
  return call && { load: call, exportName: name };
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

/** The string a load names: `require('x')`, `` require(`x`) ``, `import … from 'x'`, `import x = require('x')`; undefined when computed. */
export function literalSpecifier(load: ModuleLoad): string | undefined {
  if (load.type === AST_NODE_TYPES.ImportDeclaration) return load.source.value;
  if (load.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = load.moduleReference;
    return reference.type === AST_NODE_TYPES.TSExternalModuleReference ? reference.expression.value : undefined;
  }
  const argument = load.arguments[0];
  if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') return argument.value;
  if (argument?.type === AST_NODE_TYPES.TemplateLiteral && argument.expressions.length === 0) return argument.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
