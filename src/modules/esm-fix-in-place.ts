import type { EsmRequireTarget } from './esm-require-target.js';
import { addFixOrSuggestion, type FixPlan, type FixPlanInput } from './esm-fix-types.js';
import { canAwaitIn, compact, isAwaitPosition } from './fix-scope.js';
import { makeAsync, specifierLiteral } from './import-fix-edits.js';
import { hasExport } from './module-exports.js';
import type { RequireSite } from './require-site.js';
import { hasRequireEsm } from './twilio-runtime.js';

/** `require('p')(…)`, `new (require('p'))()`, `require('p').x` in an async function (or a handler made async). */
export function planInPlaceFix(file: FixPlanInput, site: RequireSite, target: EsmRequireTarget, plan: FixPlan): void {
  const fn = site.enclosing;
  if (!fn || !isAwaitPosition(site.call, fn) || !canAwaitIn(file, fn)) return;
  const literal = specifierLiteral(site.call.arguments[0]!, site.specifier, file.sourceCode);
  let replacement: string | undefined;
  if (site.access === undefined) {
    if (target.exports.hasDefault) replacement = `(await import(${literal})).default`;
  } else {
    const exported = hasExport(target.exports, site.access);
    if (exported === true) replacement = `(await import(${literal}))`;
    else if (exported === false && target.exports.hasDefault) replacement = `(await import(${literal})).default`;
  }
  if (replacement === undefined) return;
  const text = replacement;
  addFixOrSuggestion(
    plan,
    true,
    (fixer) => [...compact([makeAsync(fixer, fn, file.sourceCode)]), fixer.replaceText(site.call, text)],
    { source: site.specifier },
  );
}

/** A conditional or otherwise unusual require in an async function: the default export, as a suggestion. */
export function planOtherSuggestion(file: FixPlanInput, site: RequireSite, target: EsmRequireTarget, plan: FixPlan): void {
  const fn = site.enclosing;
  if (!fn || !fn.async || !isAwaitPosition(site.call, fn) || !target.exports.hasDefault || site.access !== undefined) return;
  const literal = specifierLiteral(site.call.arguments[0]!, site.specifier, file.sourceCode);
  plan.suggestions.push({
    messageId: 'suggestImport',
    data: { source: site.specifier },
    fix: (fixer) => fixer.replaceText(site.call, `(await import(${literal})).default`),
  });
}

/** On require(esm) runtimes, `require('p').default` is the smallest correct change for a default-export use. */
export function planRequireDefaultSuggestion(file: FixPlanInput, site: RequireSite, target: EsmRequireTarget, plan: FixPlan): void {
  if (!hasRequireEsm(file.runtime) || target.kind !== 'esm' || target.topLevelAwaitFile !== undefined) return;
  if (site.access !== undefined || !target.exports.hasDefault) return;
  plan.suggestions.push({
    messageId: 'suggestRequireDefault',
    data: { source: site.specifier },
    fix: (fixer) => fixer.insertTextAfter(site.call, '.default'),
  });
}
