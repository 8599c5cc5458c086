import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import type { EsmRequireTarget } from './esm-require-target.js';
import type { FixPlan, FixPlanInput } from './esm-fix-types.js';
import { isCallee, isNameFree, skipToParent } from './fix-scope.js';
import { removeStatement } from './import-fix-edits.js';
import { bindingUses, declaredVariables, patternKeys, type RequireSite } from './require-site.js';

/** CommonJS ways out that need no import(): the global fetch for node-fetch, crypto.randomUUID for uuid's v4. */
export function planAlternativeSuggestions(file: FixPlanInput, site: RequireSite, target: EsmRequireTarget, plan: FixPlan): void {
  if (target.packageName === 'node-fetch' && site.specifier === 'node-fetch') planGlobalFetch(file, site, plan);
  if (target.packageName === 'uuid' && site.specifier === 'uuid') planRandomUuid(file, site, plan);
}

function planGlobalFetch(file: FixPlanInput, site: RequireSite, plan: FixPlan): void {
  if (site.access !== undefined && site.access !== 'default') return;
  if (site.shape.kind === 'call') {
    if (!isNameFree(file, 'fetch')) return;
    plan.suggestions.push({ messageId: 'suggestGlobalFetch', fix: (fixer) => fixer.replaceText(site.value, 'fetch') });
    return;
  }
  if (site.shape.kind !== 'declaration' || site.shape.declarator.id.type !== AST_NODE_TYPES.Identifier) return;
  const { declaration, declarator } = site.shape;
  const [variable] = declaredVariables(declarator, file.sourceCode);
  if (!variable) return;
  const { uses, reassigned } = bindingUses(variable);
  if (reassigned || uses.length === 0 || !uses.every((use) => use.kind === 'whole' && isCallee(use.reference.identifier))) return;
  const renamed = (declarator.id as TSESTree.Identifier).name !== 'fetch';
  if (renamed && !isNameFree(file, 'fetch')) return;
  plan.suggestions.push({
    messageId: 'suggestGlobalFetch',
    fix: (fixer) => [
      removeStatement(fixer, declaration, file.sourceCode),
      ...(renamed ? uses.map((use) => fixer.replaceText(use.reference.identifier, 'fetch')) : []),
    ],
  });
}

function planRandomUuid(file: FixPlanInput, site: RequireSite, plan: FixPlan): void {
  const crypto = "require('node:crypto')";
  if (site.shape.kind === 'member' && site.access === 'v4') {
    const { parent } = skipToParent(site.value);
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.length === 0) {
      plan.suggestions.push({ messageId: 'suggestRandomUUID', fix: (fixer) => fixer.replaceText(site.value, `${crypto}.randomUUID`) });
    }
    return;
  }
  if (site.shape.kind !== 'declaration' || site.access !== undefined) return;
  const pattern = site.shape.declarator.id;
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern || pattern.properties.length !== 1) return;
  const property = pattern.properties[0];
  if (property?.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) return;
  if (patternKeys(pattern)?.[0] !== 'v4') return;
  const local = property.value.name;
  const [variable] = declaredVariables(site.shape.declarator, file.sourceCode);
  if (!variable) return;
  const { uses, reassigned } = bindingUses(variable);
  const argumentFree = uses.every((use) => {
    const { parent } = skipToParent(use.reference.identifier);
    return use.kind === 'whole' && parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.length === 0;
  });
  if (reassigned || !argumentFree) return;
  plan.suggestions.push({
    messageId: 'suggestRandomUUID',
    fix: (fixer) => [
      fixer.replaceText(property, local === 'randomUUID' ? 'randomUUID' : `randomUUID: ${local}`),
      fixer.replaceText(site.call, crypto),
    ],
  });
}
