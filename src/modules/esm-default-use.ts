import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { transparentParent } from '../util/ast.js';
import type { EsmRequireTarget } from './esm-require-target.js';
import { hasExport } from './module-exports.js';
import { type BindingUse, bindingUses, declaredVariables, type RequireSite } from './require-site.js';

/**
 * Where the code treats the namespace that require(esm) returns as the default export: calling or `new`-ing it,
 * passing it whole, or reading a property that is not a named export (`got.post`).
 */
export function firstDefaultUse(sourceCode: TSESLint.SourceCode, site: RequireSite, target: EsmRequireTarget): TSESTree.Node | undefined {
  if (site.access !== undefined) {
    return site.access !== 'default' && hasExport(target.exports, site.access) === false ? site.value : undefined;
  }
  if (site.shape.kind === 'call') return site.shape.callNode;
  const declarator = boundDeclarator(site);
  if (!declarator) return undefined;
  const [variable] = declaredVariables(declarator, sourceCode);
  return variable ? firstDefaultUseOf(bindingUses(variable).uses, target) : undefined;
}

/**
 * The declarator that binds the required value to a name — also one of several
 * (`const path = require('path'), got = require('got')`), which the fixes leave alone but whose uses are as wrong.
 */
export function boundDeclarator(site: RequireSite): (TSESTree.VariableDeclarator & { id: TSESTree.Identifier }) | undefined {
  const { parent, child } = transparentParent(site.value);
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== child) return undefined;
  return parent.id.type === AST_NODE_TYPES.Identifier ? (parent as TSESTree.VariableDeclarator & { id: TSESTree.Identifier }) : undefined;
}

export function firstDefaultUseOf(uses: readonly BindingUse[], target: EsmRequireTarget): TSESTree.Node | undefined {
  for (const use of uses) {
    if (use.kind === 'whole') return use.reference.identifier;
    if (use.name !== 'default' && hasExport(target.exports, use.name) === false) return use.node;
  }
  return undefined;
}

export function bindingName(site: RequireSite): string {
  const declarator = boundDeclarator(site);
  if (declarator) return declarator.id.name;
  return site.access === undefined ? `require('${site.specifier}')` : `require('${site.specifier}').${site.access}`;
}
