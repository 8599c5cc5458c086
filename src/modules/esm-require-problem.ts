import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { EsmRequireTarget } from './esm-require-target.js';
import { hasRequireEsm, type TwilioRuntime } from './twilio-runtime.js';

/** How a `require()` of an ES module fails, and the first use that fails when that is what breaks. */
export interface EsmRequireProblem {
  readonly kind: 'requireEsm' | 'namespaceAsDefault' | 'importOnly' | 'topLevelAwait';
  /** For `namespaceAsDefault`: where the namespace is first used as the default export. */
  readonly use?: TSESTree.Node;
}

/**
 * Which failure applies: an import-only package fails everywhere, top-level await fails where require(esm)
 * exists, every ES module fails on runtimes without it; with require(esm), only default-export use breaks.
 */
export function esmRequireProblem(
  runtime: TwilioRuntime,
  target: EsmRequireTarget,
  defaultUse: () => TSESTree.Node | undefined,
): EsmRequireProblem | undefined {
  if (target.kind === 'import-only') return { kind: 'importOnly' };
  if (!hasRequireEsm(runtime)) return { kind: 'requireEsm' };
  if (target.topLevelAwaitFile !== undefined) return { kind: 'topLevelAwait' };
  const use = target.exports.hasDefault ? defaultUse() : undefined;
  return use ? { kind: 'namespaceAsDefault', use } : undefined;
}

/** A short description of a use for a message: "`got(…)` on line 4", "`got.post` on line 7". */
export function describeUse(use: TSESTree.Node, sourceCode: TSESLint.SourceCode): string {
  const line = `on line ${use.loc.start.line}`;
  const parent = use.parent;
  if (use.type === AST_NODE_TYPES.MemberExpression || use.type === AST_NODE_TYPES.CallExpression) {
    return `\`${shorten(sourceCode.getText(use))}\` ${line}`;
  }
  const name = sourceCode.getText(use);
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === use) return `\`${shorten(name)}(…)\` ${line}`;
  if (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === use) return `\`new ${shorten(name)}(…)\` ${line}`;
  return `\`${shorten(name)}\` ${line}`;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}
