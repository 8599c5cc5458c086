import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { bindingName, firstDefaultUse, firstDefaultUseOf } from '../modules/esm-default-use.js';
import { planRequireFix } from '../modules/esm-fix-plan.js';
import type { FixPlan, FixPlanInput } from '../modules/esm-fix-types.js';
import { commonJsAlternative } from '../modules/esm-only-packages.js';
import { describeUse, esmRequireProblem } from '../modules/esm-require-problem.js';
import { type EsmRequireTarget, findEsmRequireTarget } from '../modules/esm-require-target.js';
import { beginFileLint } from '../modules/file-stamps.js';
import { mayRequirePackage, moduleSpecifiers, type ModuleSpecifier, specifierSubject } from '../modules/module-specifiers.js';
import { bindingUses, declaredVariables, describeRequire } from '../modules/require-site.js';
import { runtimeFromSettings, runtimeLabel } from '../modules/twilio-runtime.js';
import { typeScriptOutput } from '../modules/typescript-output.js';
import { createRule } from '../util/create-rule.js';

export type Options = [{ checkTopLevelAwait?: boolean; reportLocalOnly?: boolean }];
export type MessageIds =
  | 'requireEsm'
  | 'namespaceAsDefault'
  | 'importOnly'
  | 'topLevelAwait'
  | 'localOnly'
  | 'suggestImport'
  | 'suggestLazyImport'
  | 'suggestRequireDefault'
  | 'suggestGlobalFetch'
  | 'suggestRandomUUID';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** Everything one file's checks share. */
interface FileContext extends FixPlanInput {
  readonly context: Context;
  readonly runtimeText: string;
  readonly directory: string;
  readonly checkTopLevelAwait: boolean;
  readonly reportLocalOnly: boolean;
}

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
          reportLocalOnly: {
            type: 'boolean',
            description:
              'Also report a require that works once deployed but fails with the local install (an ES module version in node_modules that package.json does not declare).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkTopLevelAwait: false, reportLocalOnly: true }],
    messages: {
      requireEsm:
        "{{subject}} throws ERR_REQUIRE_ESM on {{runtime}}: '{{source}}'{{version}} is an ES module. Load it with `await import('{{source}}')` inside the handler.{{advice}}",
      namespaceAsDefault:
        "On {{runtime}}, {{subject}} returns the ES module namespace of '{{source}}'{{version}}, not its default export, so using `{{name}}` as the default export throws a TypeError (first: {{use}}). Load it with `await import('{{source}}')` and take `.default`, or use `require('{{source}}').default`.{{advice}}",
      importOnly:
        "'{{source}}'{{version}} exports only an `import` entry point: {{subject}} throws ERR_PACKAGE_PATH_NOT_EXPORTED on every runtime. Load it with `await import('{{source}}')` inside the handler.{{advice}}",
      topLevelAwait:
        "'{{source}}'{{version}} uses top-level await (in {{file}}): {{subject}} throws ERR_REQUIRE_ASYNC_MODULE on {{runtime}}. Load it with `await import('{{source}}')` inside the handler.{{advice}}",
      localOnly:
        "Works once deployed: package.json declares '{{source}}' {{range}}, which installs a CommonJS version. But your installed '{{source}}'{{version}} is an ES module, so locally {{failure}}. Run `npm install` to install what package.json declares.",
      suggestImport: "Load '{{source}}' with `await import('{{source}}')` where it is used.",
      suggestLazyImport: "Replace `{{name}}` with a loader `{{loader}}()` that imports '{{source}}' when first awaited.",
      suggestRequireDefault:
        "Use `require('{{source}}').default` (only where require(esm) exists: Node ≥ 20.19 / ≥ 22.12).",
      suggestGlobalFetch: 'Use the global `fetch()` that every Twilio runtime has, instead of node-fetch.',
      suggestRandomUUID: "Use `randomUUID()` from 'node:crypto' instead of uuid's `v4()`.",
    },
  },
  defaultOptions: [{ checkTopLevelAwait: false, reportLocalOnly: true }],
  create(context, [options]) {
    // Most Function files require no package at all: they cost one scan of the text.
    if (!mayRequirePackage(context.sourceCode.text)) return {};
    const file = fileContext(context, options);
    if (!file) return {};
    return moduleSpecifiers(file.sourceCode, file.typeScript, (specifier) => check(file, specifier));
  },
});

function fileContext(context: Context, options: Options[0]): FileContext | undefined {
  const filename = isAbsolute(context.filename) ? context.filename : resolve(context.cwd, context.filename);
  const extension = extname(filename);
  // An ES module file has no `require`; its imports are real imports.
  if (extension === '.mjs' || extension === '.mts') return undefined;
  const isTypeScript = extension === '.ts' || extension === '.tsx' || extension === '.cts';
  beginFileLint(context.sourceCode);
  const typeScript = isTypeScript ? typeScriptOutput(filename) : undefined;
  if (typeScript && !typeScript.importsBecomeRequire) return undefined;
  return {
    context,
    sourceCode: context.sourceCode,
    runtime: runtimeFromSettings(context.settings),
    runtimeText: runtimeLabel(context.settings),
    directory: dirname(filename),
    checkTopLevelAwait: options.checkTopLevelAwait === true,
    reportLocalOnly: options.reportLocalOnly !== false,
    typeScript,
  };
}

/** One static module specifier that runs as `require()`: judge what it loads, report at the specifier's call. */
function check(file: FileContext, found: ModuleSpecifier): void {
  const target = findEsmRequireTarget(file.directory, found.specifier, file.runtime, file.checkTopLevelAwait);
  if (!target) return;
  if (target.deploysCommonJs !== undefined && !file.reportLocalOnly) return;
  const site = found.kind === 'require' ? describeRequire(found.node, found.specifier) : undefined;
  const defaultUse = (): TSESTree.Node | undefined => {
    if (site) return firstDefaultUse(file.sourceCode, site, target);
    if (found.kind !== 'import-equals') return undefined; // tsc's interop reads `.default` off the namespace
    const [variable] = declaredVariables(found.declaration, file.sourceCode);
    return variable ? firstDefaultUseOf(bindingUses(variable).uses, target) : undefined;
  };
  const problem = esmRequireProblem(file.runtime, target, defaultUse);
  if (!problem) return;
  const name = site ? bindingName(site) : found.kind === 'import-equals' ? found.declaration.id.name : found.specifier;
  const data = messageData(file, target, found, name);
  const use = problem.use ? describeUse(problem.use, file.sourceCode) : '';
  if (target.deploysCommonJs !== undefined) {
    file.context.report({
      node: found.node,
      messageId: 'localOnly',
      data: { ...data, range: target.deploysCommonJs, failure: localFailure(file, problem.kind, data, use) },
    });
    return;
  }
  const plan: FixPlan = site ? planRequireFix(file, site, target) : { suggestions: [] };
  file.context.report({
    node: found.node,
    messageId: problem.kind,
    data: { ...data, use },
    ...(plan.fix ? { fix: plan.fix } : {}),
    suggest: plan.suggestions,
  });
}

function localFailure(file: FileContext, kind: string, data: Record<string, string>, use: string): string {
  switch (kind) {
    case 'importOnly':
      return `${data.subject} throws ERR_PACKAGE_PATH_NOT_EXPORTED`;
    case 'topLevelAwait':
      return `${data.subject} throws ERR_REQUIRE_ASYNC_MODULE on ${file.runtimeText}`;
    case 'namespaceAsDefault':
      return `${data.subject} returns its namespace on ${file.runtimeText}, and ${use} throws a TypeError`;
    default:
      return `${data.subject} throws ERR_REQUIRE_ESM on ${file.runtimeText}`;
  }
}

function messageData(file: FileContext, target: EsmRequireTarget, found: ModuleSpecifier, name: string): Record<string, string> {
  const source = found.specifier;
  const alternative = target.packageName ? commonJsAlternative(target.packageName) : undefined;
  let advice = alternative ? ` Or use ${alternative}.` : '';
  if (file.typeScript && !file.typeScript.keepsDynamicImport) {
    advice += ` With \`module: ${file.typeScript.module}\` tsc compiles \`import()\` back into \`require()\`: set \`module\` to \`node16\` or \`nodenext\` first.`;
  }
  return {
    subject: capitalize(specifierSubject(found)),
    source,
    runtime: file.runtimeText,
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

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
