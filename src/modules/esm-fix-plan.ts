import { planAlternativeSuggestions } from './esm-fix-alternatives.js';
import { planDeclarationFix } from './esm-fix-declaration.js';
import { planInPlaceFix, planOtherSuggestion, planRequireDefaultSuggestion } from './esm-fix-in-place.js';
import type { FixPlan, FixPlanInput } from './esm-fix-types.js';
import type { EsmRequireTarget } from './esm-require-target.js';
import type { RequireSite } from './require-site.js';

/**
 * The autofix and suggestions for a `require()` of an ES module: `await import()` where the binding and its
 * uses allow it (an autofix only when every export it reads is known to exist), else suggestions; plus the
 * CommonJS ways out (`.default` on require(esm) runtimes, the global `fetch`, `crypto.randomUUID`).
 */
export function planRequireFix(file: FixPlanInput, site: RequireSite, target: EsmRequireTarget): FixPlan {
  const plan: FixPlan = { suggestions: [] };
  // With `module: commonjs`, tsc turns `await import()` back into `require()`: rewriting would change nothing.
  const canImport = !file.typeScript || file.typeScript.keepsDynamicImport;
  if (canImport) {
    switch (site.shape.kind) {
      case 'declaration':
        planDeclarationFix(file, site, site.shape, target, plan);
        break;
      case 'call':
      case 'member':
        planInPlaceFix(file, site, target, plan);
        break;
      case 'other':
        planOtherSuggestion(file, site, target, plan);
        break;
    }
  }
  planRequireDefaultSuggestion(file, site, target, plan);
  planAlternativeSuggestions(file, site, target, plan);
  return plan;
}
