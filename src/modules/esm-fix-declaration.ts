import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, type FunctionNode } from '../util/ast.js';
import type { EsmRequireTarget } from './esm-require-target.js';
import { addFixOrSuggestion, type FixPlan, type FixPlanInput } from './esm-fix-types.js';
import { canAwaitIn, compact, isAwaitPosition, isNameFree, namesAreFreeIn, soleHandlerUsing } from './fix-scope.js';
import { insertAtBodyTop, makeAsync, removeStatement, specifierLiteral } from './import-fix-edits.js';
import { hasExport } from './module-exports.js';
import { type BindingUse, bindingUses, declaredVariables, patternKeys, type RequireSite } from './require-site.js';

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** How the required value is bound once it comes from `await import()`. */
interface ImportBinding {
  /** The declaration's left side: `got`, `{ default: got }`, `{ a, b: c }`. */
  readonly pattern: string;
  /** Every export the rewrite reads is known to exist (from the installed file or the table). */
  readonly exact: boolean;
  /** `pRetry.AbortError` → `AbortError` edits when the binding mixes default and named use. */
  readonly memberRewrites: readonly { node: TSESTree.MemberExpression; name: string }[];
}

const JS_IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `const X = require('p')`: moved into the one handler that uses it, or rewritten in place in an async function. */
export function planDeclarationFix(
  file: FixPlanInput,
  site: RequireSite,
  shape: Extract<RequireSite['shape'], { kind: 'declaration' }>,
  target: EsmRequireTarget,
  plan: FixPlan,
): void {
  const { declarator, declaration } = shape;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier && declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return;
  if (declarator.id.typeAnnotation) return; // the annotation would describe the old value, not the new binding
  const variables = declaredVariables(declarator, file.sourceCode);
  const usage = variables.map((variable) => bindingUses(variable));
  const reassigned = usage.some((entry) => entry.reassigned);
  const uses = usage.flatMap((entry) => entry.uses);
  const binding = importBinding(file, site, declarator.id, uses, target);
  const autofix = binding !== undefined && binding.exact && binding.memberRewrites.length === 0 && !reassigned && declaration.kind === 'const';
  const importText = `await import(${specifierLiteral(site.call.arguments[0]!, site.specifier, file.sourceCode)})`;

  if (declaration.parent.type === AST_NODE_TYPES.Program) {
    const handler = soleHandlerUsing(file, uses);
    if (binding && handler && namesAreFreeIn(file, handler, variables)) {
      const fix = (fixer: Fixer): Fix[] => [
        removeStatement(fixer, declaration, file.sourceCode),
        ...compact([makeAsync(fixer, handler, file.sourceCode)]),
        insertAtBodyTop(fixer, handler.body as TSESTree.BlockStatement, `${declaration.kind} ${binding.pattern} = ${importText};`, file.sourceCode),
        ...binding.memberRewrites.map((rewrite) => fixer.replaceText(rewrite.node, rewrite.name)),
      ];
      addFixOrSuggestion(plan, autofix, fix, { source: site.specifier });
      return;
    }
    planLazyLoaderSuggestion(file, site, declaration, declarator, uses, reassigned, target, plan);
    return;
  }

  const fn = site.enclosing;
  if (!binding || !fn || !isAwaitPosition(site.call, fn) || !canAwaitIn(file, fn)) return;
  const fix = (fixer: Fixer): Fix[] => [
    ...compact([makeAsync(fixer, fn, file.sourceCode)]),
    fixer.replaceText(declarator.id, binding.pattern),
    fixer.replaceText(site.value, importText),
    ...binding.memberRewrites.map((rewrite) => fixer.replaceText(rewrite.node, rewrite.name)),
  ];
  addFixOrSuggestion(plan, autofix, fix, { source: site.specifier });
}

/**
 * The binding for `await import()`: the namespace when only named exports are read, `{ default: X }` when the
 * value is used whole, the original pattern for destructuring. Undefined when the use cannot be told apart.
 */
function importBinding(
  file: FixPlanInput,
  site: RequireSite,
  id: TSESTree.Identifier | TSESTree.ObjectPattern,
  uses: readonly BindingUse[],
  target: EsmRequireTarget,
): ImportBinding | undefined {
  const exports = target.exports;
  if (site.access !== undefined) {
    if (!JS_IDENTIFIER.test(site.access) || hasExport(exports, site.access) === false) return undefined;
    const local = file.sourceCode.getText(id);
    const pattern = local === site.access ? `{ ${local} }` : `{ ${site.access}: ${local} }`;
    return { pattern, exact: hasExport(exports, site.access) === true, memberRewrites: [] };
  }
  if (id.type === AST_NODE_TYPES.ObjectPattern) {
    const keys = patternKeys(id);
    if (!keys) return undefined;
    return { pattern: file.sourceCode.getText(id), exact: keys.every((key) => hasExport(exports, key) === true), memberRewrites: [] };
  }
  let wholeUse = false;
  const named: { node: TSESTree.MemberExpression; name: string }[] = [];
  let unknown = false;
  for (const use of uses) {
    if (use.kind === 'whole') {
      wholeUse = true;
      continue;
    }
    const exported = hasExport(exports, use.name);
    if (exported === true) named.push({ node: use.node, name: use.name });
    else if (exported === false && exports.hasDefault) wholeUse = true; // a property of the default export
    else unknown = true;
  }
  if (!wholeUse) {
    return { pattern: id.name, exact: !unknown && named.length > 0, memberRewrites: [] };
  }
  if (unknown || !exports.hasDefault) return undefined;
  if (named.length === 0) return { pattern: `{ default: ${id.name} }`, exact: true, memberRewrites: [] };
  // Mixed: `pRetry(…)` and `pRetry.AbortError`. In ESM, AbortError is a named export, not a property of the
  // default export, so the members become their own bindings; a name clash or `X.default` stops the rewrite.
  const names = [...new Set(named.map((use) => use.name))];
  if (names.some((name) => name === 'default' || !JS_IDENTIFIER.test(name) || !isNameFree(file, name))) return undefined;
  return { pattern: `{ default: ${id.name}, ${names.join(', ')} }`, exact: true, memberRewrites: named };
}

/**
 * A module-scope binding used in several functions: a loader awaited at each use, offered when every use
 * sits in an async function (or a handler, made async).
 */
function planLazyLoaderSuggestion(
  file: FixPlanInput,
  site: RequireSite,
  declaration: TSESTree.VariableDeclaration,
  declarator: TSESTree.VariableDeclarator,
  uses: readonly BindingUse[],
  reassigned: boolean,
  target: EsmRequireTarget,
  plan: FixPlan,
): void {
  if (reassigned || uses.length === 0 || declarator.id.type !== AST_NODE_TYPES.Identifier || site.access !== undefined) {
    return;
  }
  const name = declarator.id.name;
  const loader = `load${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  if (!isNameFree(file, loader)) return;
  const replacements: { node: TSESTree.Node; text: string }[] = [];
  const functions = new Set<FunctionNode>();
  for (const use of uses) {
    const fn = enclosingFunction(use.reference.identifier);
    if (!fn || !isAwaitPosition(use.reference.identifier, fn) || !canAwaitIn(file, fn)) return;
    functions.add(fn);
    if (use.kind === 'whole') {
      if (!target.exports.hasDefault) return;
      replacements.push({ node: use.reference.identifier, text: `(await ${loader}()).default` });
      continue;
    }
    const exported = hasExport(target.exports, use.name);
    if (exported === undefined) return;
    const base = exported ? `(await ${loader}())` : `(await ${loader}()).default`;
    replacements.push({ node: use.reference.identifier, text: base });
  }
  const literal = specifierLiteral(site.call.arguments[0]!, site.specifier, file.sourceCode);
  plan.suggestions.push({
    messageId: 'suggestLazyImport',
    data: { name, loader, source: site.specifier },
    fix: (fixer) => [
      fixer.replaceText(declaration, `const ${loader} = () => import(${literal});`),
      ...[...functions].flatMap((fn) => compact([makeAsync(fixer, fn, file.sourceCode)])),
      ...replacements.map((replacement) => fixer.replaceText(replacement.node, replacement.text)),
    ],
  });
}
