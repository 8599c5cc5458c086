import { isBuiltin } from 'node:module';

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { requireSpecifier } from './require-site.js';
import type { TypeScriptOutput } from './typescript-output.js';

/**
 * A static specifier of a package that runs as `require()` once the file is loaded the way Twilio loads it:
 * a `require('p')`, or, in TypeScript compiled to CommonJS, the imports and re-exports tsc turns into one.
 * `node` is where a finding about it is reported.
 */
export type ModuleSpecifier =
  | { readonly kind: 'require'; readonly specifier: string; readonly node: TSESTree.CallExpression }
  | { readonly kind: 'import'; readonly specifier: string; readonly node: TSESTree.StringLiteral }
  | {
      readonly kind: 'import-equals';
      readonly specifier: string;
      readonly node: TSESTree.TSExternalModuleReference;
      readonly declaration: TSESTree.TSImportEqualsDeclaration;
    }
  | { readonly kind: 'dynamic-import'; readonly specifier: string; readonly node: TSESTree.ImportExpression };

/**
 * Whether the text may load a package at all: a `require(`, `from`, `import(` or `import` followed by a quote
 * that does not start a relative path. A cheap superset (comments count), so that files that load only
 * builtins… still pass, but the many files that load nothing cost the rules no listener at all.
 */
export function mayRequirePackage(text: string): boolean {
  return /(?:\brequire\s*\(|\bfrom|\bimport\s*\(?)\s*[`'"](?![./])/.test(text);
}

/** Whether a specifier names a package (not a relative or absolute path, a builtin or a URL). */
export function isPackageSpecifier(specifier: string): boolean {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#')) return false;
  return !specifier.includes(':') && !isBuiltin(specifier);
}

/**
 * The listeners that hand every package specifier of a file to `onSpecifier`. `typeScript` is set for a
 * TypeScript file whose output is CommonJS; type-only imports and imports tsc elides (every binding used as a
 * type only, or not at all) emit no `require()`.
 */
export function moduleSpecifiers(
  sourceCode: TSESLint.SourceCode,
  typeScript: TypeScriptOutput | undefined,
  onSpecifier: (found: ModuleSpecifier) => void,
): TSESLint.RuleListener {
  const requires: TSESLint.RuleListener = {
    CallExpression(node) {
      // The quick check first: almost every call is not `require(…)`.
      if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require') return;
      const specifier = requireSpecifier(node, sourceCode);
      if (specifier !== undefined && isPackageSpecifier(specifier)) onSpecifier({ kind: 'require', specifier, node });
    },
  };
  if (!typeScript) return requires;
  const fromSource = (source: TSESTree.StringLiteral): void => {
    if (isPackageSpecifier(source.value)) onSpecifier({ kind: 'import', specifier: source.value, node: source });
  };
  return {
    ...requires,
    ImportDeclaration(node) {
      if (!isElidedImport(node, sourceCode)) fromSource(node.source);
    },
    ExportAllDeclaration(node) {
      if (node.exportKind !== 'type') fromSource(node.source);
    },
    ExportNamedDeclaration(node) {
      if (node.source && node.exportKind !== 'type') fromSource(node.source);
    },
    TSImportEqualsDeclaration(node) {
      if (node.importKind === 'type') return;
      const reference = node.moduleReference;
      if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return;
      if (reference.expression.type !== AST_NODE_TYPES.Literal || typeof reference.expression.value !== 'string') return;
      const specifier = reference.expression.value;
      if (isPackageSpecifier(specifier)) onSpecifier({ kind: 'import-equals', specifier, node: reference, declaration: node });
    },
    ImportExpression(node) {
      // `module: commonjs` compiles `import('p')` into `Promise.resolve().then(() => require('p'))`.
      if (typeScript.keepsDynamicImport) return;
      if (node.source.type !== AST_NODE_TYPES.Literal || typeof node.source.value !== 'string') return;
      const specifier = node.source.value;
      if (isPackageSpecifier(specifier)) onSpecifier({ kind: 'dynamic-import', specifier, node });
    },
  };
}

/**
 * Whether tsc drops the import from its output: `import type`, all specifiers `type`, or every imported
 * binding read only in type positions (or never). A bare `import 'p'` is always kept.
 */
function isElidedImport(node: TSESTree.ImportDeclaration, sourceCode: TSESLint.SourceCode): boolean {
  if (node.importKind === 'type') return true;
  if (node.specifiers.length === 0) return false;
  return node.specifiers.every((specifier) => {
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') return true;
    const [variable] = sourceCode.scopeManager?.getDeclaredVariables(specifier) ?? [];
    if (!variable) return false;
    return variable.references.every((reference) => !reference.isValueReference);
  });
}

/** How a message names the load: `` `require('x')` ``, or the TypeScript syntax that tsc turns into it. */
export function specifierSubject(found: ModuleSpecifier): string {
  switch (found.kind) {
    case 'require':
    case 'import-equals':
      return `\`require('${found.specifier}')\``;
    case 'import':
      return `this import (tsc emits \`require('${found.specifier}')\`)`;
    case 'dynamic-import':
      return `this \`import()\` (tsc emits \`require('${found.specifier}')\`)`;
  }
}
