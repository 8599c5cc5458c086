import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';

import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, type FunctionNode, transparentParent } from '../util/ast.js';
import { commonJsAlternative } from '../modules/esm-only-packages.js';
import { type EsmRequireTarget, findEsmRequireTarget } from '../modules/esm-require-target.js';
import { findHandlers } from '../handlers/find-handlers.js';
import { insertAtBodyTop, makeAsync, removeStatement, specifierLiteral } from '../modules/import-fix-edits.js';
import { hasExport } from '../modules/module-exports.js';
import {
  type BindingUse,
  bindingUses,
  declaredVariables,
  describeRequire,
  isWithin,
  patternKeys,
  type RequireSite,
  requireSpecifier,
} from '../modules/require-site.js';
import { hasRequireEsm, runtimeFromSettings, type TwilioRuntime } from '../modules/twilio-runtime.js';
import { type TypeScriptOutput, typeScriptOutput } from '../modules/typescript-output.js';
import { createRule } from '../util/create-rule.js';

export type Options = [{ checkTopLevelAwait?: boolean }];
export type MessageIds =
  | 'requireEsm'
  | 'namespaceAsDefault'
  | 'importOnly'
  | 'topLevelAwait'
  | 'suggestImport'
  | 'suggestLazyImport'
  | 'suggestRequireDefault'
  | 'suggestGlobalFetch'
  | 'suggestRandomUUID';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;
type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** Everything one file's checks share. */
interface FileContext {
  readonly context: Context;
  readonly sourceCode: TSESLint.SourceCode;
  readonly runtime: TwilioRuntime;
  readonly directory: string;
  readonly checkTopLevelAwait: boolean;
  /** Set for TypeScript files (whose imports tsc turns into `require()`). */
  readonly typeScript: TypeScriptOutput | undefined;
}

/** A found problem: which message, where. */
interface Problem {
  readonly messageId: 'requireEsm' | 'namespaceAsDefault' | 'importOnly' | 'topLevelAwait';
  readonly node: TSESTree.Node;
}

/** How the required value is bound once it comes from `await import()`. */
interface ImportBinding {
  /** The declaration's left side: `got`, `{ default: got }`, `{ a, b: c }`. */
  readonly pattern: string;
  /** Every export the rewrite reads is known to exist (from the installed file or the table). */
  readonly exact: boolean;
  /** `pRetry.AbortError` → `AbortError` edits when the binding mixes default and named use. */
  readonly memberRewrites: readonly { node: TSESTree.MemberExpression; name: string }[];
}

interface FixPlan {
  fix?: TSESLint.ReportFixFunction;
  suggestions: Suggestion[];
}

const JS_IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export default createRule<Options, MessageIds>({
  name: 'no-esm-require',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `require()` calls that fail at run time because the target is an ES module',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkTopLevelAwait: {
            type: 'boolean',
            description:
              "Also walk installed ES modules' import graphs for top-level await (ERR_REQUIRE_ASYNC_MODULE).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkTopLevelAwait: false }],
    messages: {
      requireEsm:
        "{{subject}} throws ERR_REQUIRE_ESM on {{runtime}}: '{{source}}'{{version}} is an ES module. Load it with `await import('{{source}}')` inside the handler.{{advice}}",
      namespaceAsDefault:
        "On {{runtime}}, {{subject}} returns the ES module namespace of '{{source}}'{{version}}, not its default export, so using `{{name}}` as the default export throws a TypeError. Load it with `await import('{{source}}')` and take `.default`, or use `require('{{source}}').default`.{{advice}}",
      importOnly:
        "'{{source}}'{{version}} exports only an `import` entry point: {{subject}} throws ERR_PACKAGE_PATH_NOT_EXPORTED on every runtime. Load it with `await import('{{source}}')` inside the handler.{{advice}}",
      topLevelAwait:
        "'{{source}}'{{version}} uses top-level await (in {{file}}): {{subject}} throws ERR_REQUIRE_ASYNC_MODULE on {{runtime}}. Load it with `await import('{{source}}')` inside the handler.{{advice}}",
      suggestImport: "Load '{{source}}' with `await import('{{source}}')` where it is used.",
      suggestLazyImport: "Replace `{{name}}` with a loader `{{loader}}()` that imports '{{source}}' when first awaited.",
      suggestRequireDefault:
        "Use `require('{{source}}').default` (only where require(esm) exists: Node ≥ 20.19 / ≥ 22.12).",
      suggestGlobalFetch: 'Use the global `fetch()` that every Twilio runtime has, instead of node-fetch.',
      suggestRandomUUID: "Use `randomUUID()` from 'node:crypto' instead of uuid's `v4()`.",
    },
  },
  defaultOptions: [{ checkTopLevelAwait: false }],
  create(context, [options]) {
    const file = fileContext(context, options.checkTopLevelAwait === true);
    if (!file) return {};
    return {
      CallExpression(node) {
        checkRequireCall(file, node);
      },
      ImportDeclaration(node) {
        checkTypeScriptImport(file, node);
      },
      TSImportEqualsDeclaration(node) {
        checkTypeScriptImportEquals(file, node);
      },
      ImportExpression(node) {
        checkTypeScriptDynamicImport(file, node);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind !== 'type') checkTypeScriptModuleSource(file, node.source);
      },
      ExportNamedDeclaration(node) {
        if (node.source && node.exportKind !== 'type') checkTypeScriptModuleSource(file, node.source);
      },
    };
  },
});

function fileContext(context: Context, checkTopLevelAwait: boolean): FileContext | undefined {
  const filename = isAbsolute(context.filename) ? context.filename : resolve(context.cwd, context.filename);
  const extension = extname(filename);
  // An ES module file has no `require`; its imports are real imports.
  if (extension === '.mjs' || extension === '.mts') return undefined;
  const isTypeScript = extension === '.ts' || extension === '.tsx' || extension === '.cts';
  const typeScript = isTypeScript ? typeScriptOutput(filename) : undefined;
  if (typeScript && !typeScript.importsBecomeRequire) return undefined;
  return {
    context,
    sourceCode: context.sourceCode,
    runtime: runtimeFromSettings(context.settings),
    directory: dirname(filename),
    checkTopLevelAwait,
    typeScript,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// require()

function checkRequireCall(file: FileContext, call: TSESTree.CallExpression): void {
  const specifier = requireSpecifier(call, file.sourceCode);
  if (specifier === undefined) return;
  const target = findEsmRequireTarget(file.directory, specifier, file.runtime, file.checkTopLevelAwait);
  if (!target) return;
  const site = describeRequire(call, specifier);
  const problem = problemOf(file, target, () => firstDefaultUse(file, site, target), call);
  if (!problem) return;
  const plan = planRequireFix(file, site, target);
  file.context.report({
    node: problem.node,
    messageId: problem.messageId,
    data: messageData(file, target, specifier, `\`require('${specifier}')\``, bindingName(site)),
    ...(plan.fix ? { fix: plan.fix } : {}),
    suggest: plan.suggestions,
  });
}

/**
 * Which failure applies: an import-only package fails everywhere, top-level await fails where require(esm)
 * exists, every ES module fails on runtimes without it; with require(esm), only default-export use breaks.
 */
function problemOf(
  file: FileContext,
  target: EsmRequireTarget,
  defaultUse: () => TSESTree.Node | undefined,
  at: TSESTree.Node,
): Problem | undefined {
  if (target.kind === 'import-only') return { messageId: 'importOnly', node: at };
  if (!hasRequireEsm(file.runtime)) return { messageId: 'requireEsm', node: at };
  if (target.topLevelAwaitFile !== undefined) return { messageId: 'topLevelAwait', node: at };
  const use = target.exports.hasDefault ? defaultUse() : undefined;
  return use ? { messageId: 'namespaceAsDefault', node: use } : undefined;
}

/**
 * Where the code treats the namespace that require(esm) returns as the default export: calling or `new`-ing it,
 * passing it whole, or reading a property that is not a named export (`got.post`).
 */
function firstDefaultUse(file: FileContext, site: RequireSite, target: EsmRequireTarget): TSESTree.Node | undefined {
  if (site.access !== undefined) {
    return site.access !== 'default' && hasExport(target.exports, site.access) === false ? site.value : undefined;
  }
  if (site.shape.kind === 'call') return site.call;
  const declarator = boundDeclarator(site);
  if (!declarator) return undefined;
  const [variable] = declaredVariables(declarator, file.sourceCode);
  return variable ? firstDefaultUseOf(bindingUses(variable).uses, target) : undefined;
}

/**
 * The declarator that binds the required value to a name — also one of several
 * (`const path = require('path'), got = require('got')`), which the fixes leave alone but whose uses are as wrong.
 */
function boundDeclarator(site: RequireSite): (TSESTree.VariableDeclarator & { id: TSESTree.Identifier }) | undefined {
  const { parent, child } = transparentParent(site.value);
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== child) return undefined;
  return parent.id.type === AST_NODE_TYPES.Identifier ? (parent as TSESTree.VariableDeclarator & { id: TSESTree.Identifier }) : undefined;
}

function firstDefaultUseOf(uses: readonly BindingUse[], target: EsmRequireTarget): TSESTree.Node | undefined {
  for (const use of uses) {
    if (use.kind === 'whole') return use.reference.identifier;
    if (use.name !== 'default' && hasExport(target.exports, use.name) === false) return use.node;
  }
  return undefined;
}

function bindingName(site: RequireSite): string {
  const declarator = boundDeclarator(site);
  if (declarator) return declarator.id.name;
  return site.access === undefined ? `require('${site.specifier}')` : `require('${site.specifier}').${site.access}`;
}

function messageData(
  file: FileContext,
  target: EsmRequireTarget,
  source: string,
  subject: string,
  name: string,
): Record<string, string> {
  const alternative = target.packageName ? commonJsAlternative(target.packageName) : undefined;
  let advice = alternative ? ` Or use ${alternative}.` : '';
  if (file.typeScript && !file.typeScript.keepsDynamicImport) {
    advice += ` With \`module: ${file.typeScript.module}\` tsc compiles \`import()\` back into \`require()\`: set \`module\` to \`node16\` or \`nodenext\` first.`;
  }
  return {
    subject,
    source,
    runtime: file.runtime,
    version: versionText(target),
    name,
    file: target.topLevelAwaitFile ? displayPath(file, target.topLevelAwaitFile) : '',
    advice,
  };
}

/** A dependency's file from its `node_modules/` on (`node_modules/p/lib/x.js`), which reads the same on every machine. */
function displayPath(file: FileContext, path: string): string {
  const marker = `node_modules${sep}`;
  const index = path.lastIndexOf(marker);
  return (index === -1 ? relative(file.context.cwd, path) : path.slice(index)).split(sep).join('/');
}

function versionText(target: EsmRequireTarget): string {
  if (target.version === undefined) return '';
  switch (target.evidence) {
    case 'installed':
      return ` ${target.version}`;
    case 'lockfile':
      return ` ${target.version} (package-lock.json)`;
    case 'package.json':
      return ` ${target.version} (package.json)`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Fixes and suggestions for require()

function planRequireFix(file: FileContext, site: RequireSite, target: EsmRequireTarget): FixPlan {
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

/** `const X = require('p')`: moved into the one handler that uses it, or rewritten in place in an async function. */
function planDeclarationFix(
  file: FileContext,
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
  file: FileContext,
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

/** `require('p')(…)`, `new (require('p'))()`, `require('p').x` in an async function (or a handler made async). */
function planInPlaceFix(file: FileContext, site: RequireSite, target: EsmRequireTarget, plan: FixPlan): void {
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
function planOtherSuggestion(file: FileContext, site: RequireSite, target: EsmRequireTarget, plan: FixPlan): void {
  const fn = site.enclosing;
  if (!fn || !fn.async || !isAwaitPosition(site.call, fn) || !target.exports.hasDefault || site.access !== undefined) return;
  const literal = specifierLiteral(site.call.arguments[0]!, site.specifier, file.sourceCode);
  plan.suggestions.push({
    messageId: 'suggestImport',
    data: { source: site.specifier },
    fix: (fixer) => fixer.replaceText(site.call, `(await import(${literal})).default`),
  });
}

/**
 * A module-scope binding used in several functions: a loader awaited at each use, offered when every use
 * sits in an async function (or a handler, made async).
 */
function planLazyLoaderSuggestion(
  file: FileContext,
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

/** On require(esm) runtimes, `require('p').default` is the smallest correct change for a default-export use. */
function planRequireDefaultSuggestion(file: FileContext, site: RequireSite, target: EsmRequireTarget, plan: FixPlan): void {
  if (!hasRequireEsm(file.runtime) || target.kind !== 'esm' || target.topLevelAwaitFile !== undefined) return;
  if (site.access !== undefined || !target.exports.hasDefault) return;
  plan.suggestions.push({
    messageId: 'suggestRequireDefault',
    data: { source: site.specifier },
    fix: (fixer) => fixer.insertTextAfter(site.call, '.default'),
  });
}

/** CommonJS ways out that need no import(): the global fetch for node-fetch, crypto.randomUUID for uuid's v4. */
function planAlternativeSuggestions(file: FileContext, site: RequireSite, target: EsmRequireTarget, plan: FixPlan): void {
  if (target.packageName === 'node-fetch' && site.specifier === 'node-fetch') planGlobalFetch(file, site, plan);
  if (target.packageName === 'uuid' && site.specifier === 'uuid') planRandomUuid(file, site, plan);
}

function planGlobalFetch(file: FileContext, site: RequireSite, plan: FixPlan): void {
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

function planRandomUuid(file: FileContext, site: RequireSite, plan: FixPlan): void {
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

// ---------------------------------------------------------------------------------------------------------------
// TypeScript imports that tsc compiles to require()

function checkTypeScriptImport(file: FileContext, node: TSESTree.ImportDeclaration): void {
  if (node.importKind === 'type') return;
  const allTypeOnly =
    node.specifiers.length > 0 &&
    node.specifiers.every((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type');
  if (!allTypeOnly) checkTypeScriptModuleSource(file, node.source);
}

/** `import … from 'p'`, `export … from 'p'`: tsc emits `require('p')` for each in CommonJS output. */
function checkTypeScriptModuleSource(file: FileContext, sourceNode: TSESTree.StringLiteral): void {
  if (!file.typeScript) return;
  const source = sourceNode.value;
  const target = findEsmRequireTarget(file.directory, source, file.runtime, file.checkTopLevelAwait);
  if (!target) return;
  // With require(esm), tsc's `__importDefault`/`__importStar` read `.default` off the namespace (Node marks it
  // `__esModule`), so default, named and namespace imports all work: no default-use problem here.
  const problem = problemOf(file, target, () => undefined, sourceNode);
  if (!problem) return;
  file.context.report({
    node: problem.node,
    messageId: problem.messageId,
    data: messageData(file, target, source, `This import (tsc emits \`require('${source}')\`)`, source),
  });
}

function checkTypeScriptImportEquals(file: FileContext, node: TSESTree.TSImportEqualsDeclaration): void {
  if (!file.typeScript || node.importKind === 'type') return;
  const reference = node.moduleReference;
  if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return;
  if (reference.expression.type !== AST_NODE_TYPES.Literal || typeof reference.expression.value !== 'string') return;
  const source = reference.expression.value;
  const target = findEsmRequireTarget(file.directory, source, file.runtime, file.checkTopLevelAwait);
  if (!target) return;
  // `import X = require('p')` is `const X = require('p')`: the namespace, used as the default export or not.
  const defaultUse = (): TSESTree.Node | undefined => {
    const [variable] = declaredVariables(node, file.sourceCode);
    return variable ? firstDefaultUseOf(bindingUses(variable).uses, target) : undefined;
  };
  const problem = problemOf(file, target, defaultUse, reference);
  if (!problem) return;
  file.context.report({
    node: problem.node,
    messageId: problem.messageId,
    data: messageData(file, target, source, `\`require('${source}')\``, node.id.name),
  });
}

/**
 * `await import('p')` in a TypeScript file compiled with `module: commonjs`: tsc emits
 * `Promise.resolve().then(() => require('p'))`, so the ESM package is required after all.
 */
function checkTypeScriptDynamicImport(file: FileContext, node: TSESTree.ImportExpression): void {
  if (!file.typeScript || file.typeScript.keepsDynamicImport) return;
  if (node.source.type !== AST_NODE_TYPES.Literal || typeof node.source.value !== 'string') return;
  const source = node.source.value;
  const target = findEsmRequireTarget(file.directory, source, file.runtime, file.checkTopLevelAwait);
  if (!target) return;
  // With require(esm), tsc's `__importStar` hands the namespace through, `.default` included.
  const problem = problemOf(file, target, () => undefined, node);
  if (!problem) return;
  file.context.report({
    node: problem.node,
    messageId: problem.messageId,
    data: messageData(file, target, source, `This \`import()\` (tsc emits \`require('${source}')\`)`, source),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function addFixOrSuggestion(
  plan: FixPlan,
  autofix: boolean,
  fix: TSESLint.ReportFixFunction,
  data: Record<string, string>,
): void {
  if (autofix && !plan.fix) plan.fix = fix;
  else plan.suggestions.push({ messageId: 'suggestImport', data, fix });
}

/** The handler whose body holds every use, when there is exactly one and its body is a block. */
function soleHandlerUsing(file: FileContext, uses: readonly BindingUse[]): FunctionNode | undefined {
  if (uses.length === 0) return undefined;
  const handlers = findHandlers(file.sourceCode).map((handler) => handler.node);
  let found: FunctionNode | undefined;
  for (const use of uses) {
    const handler = handlers.find(
      (candidate) => candidate.body.type === AST_NODE_TYPES.BlockStatement && isWithin(use.reference.identifier, candidate.body),
    );
    if (!handler || (found && found !== handler)) return undefined;
    found = handler;
  }
  return found;
}

/** `await` is allowed in `fn` as it is, or once it becomes async (handlers only: their result is ignored). */
function canAwaitIn(file: FileContext, fn: FunctionNode): boolean {
  if (fn.generator) return false;
  return fn.async || findHandlers(file.sourceCode).some((handler) => handler.node === fn);
}

/**
 * Whether `node` sits directly in `fn`'s body, where `await` would be `fn`'s: not in its parameters, and not in
 * a class field initializer or static block (their own scopes, where `await` is a syntax error).
 */
function isAwaitPosition(node: TSESTree.Node, fn: FunctionNode): boolean {
  if (!isWithin(node, fn.body)) return false;
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.PropertyDefinition ||
      current.type === AST_NODE_TYPES.AccessorProperty ||
      current.type === AST_NODE_TYPES.StaticBlock
    ) {
      return false;
    }
  }
  return true;
}

/** Moving the bindings into `handler` must not collide with its parameters or its own declarations. */
function namesAreFreeIn(file: FileContext, handler: FunctionNode, variables: readonly TSESLint.Scope.Variable[]): boolean {
  const scope = file.sourceCode.scopeManager?.acquire(handler);
  if (!scope) return false;
  const bodyScope = scope.childScopes.find((child) => child.block === handler.body);
  return variables.every((variable) => !scope.set.has(variable.name) && !bodyScope?.set.has(variable.name));
}

/** Whether no scope of the file declares `name` and no code reads an undeclared `name` (a global). */
function isNameFree(file: FileContext, name: string): boolean {
  const manager = file.sourceCode.scopeManager;
  if (!manager) return false;
  return manager.scopes.every(
    (scope) =>
      !scope.set.has(name) ||
      // `fetch` and friends exist as implicit globals in the global scope's set without a declaration.
      (scope.type === TSESLint.Scope.ScopeType.global && (scope.set.get(name)?.defs.length ?? 0) === 0),
  );
}

function isCallee(identifier: TSESTree.Node): boolean {
  const { parent } = skipToParent(identifier);
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier;
}

function skipToParent(node: TSESTree.Node): { parent: TSESTree.Node | undefined } {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.TSNonNullExpression || current.parent.type === AST_NODE_TYPES.TSAsExpression)
  ) {
    current = current.parent;
  }
  return { parent: current.parent };
}

function compact<T>(values: readonly (T | undefined)[]): T[] {
  return values.filter((value): value is T => value !== undefined);
}
