import { dirname, extname, isAbsolute, resolve } from 'node:path';

import type { TSESLint } from '@typescript-eslint/utils';

import { deployedDependency } from '../modules/deployed-dependency.js';
import { beginFileLint } from '../modules/file-stamps.js';
import { mayRequirePackage, moduleSpecifiers, type ModuleSpecifier, specifierSubject } from '../modules/module-specifiers.js';
import { matchesPathAlias, typeScriptOutput } from '../modules/typescript-output.js';
import { projectOf } from '../project/project-model.js';
import { createRule } from '../util/create-rule.js';

export type Options = [];
export type MessageIds = 'devDependencyOnly' | 'notDeclared';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

export default createRule<Options, MessageIds>({
  name: 'no-undeployed-require',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow `require()` of packages that a deploy does not install (not in package.json's `dependencies`)",
      recommended: true,
    },
    schema: [],
    messages: {
      devDependencyOnly:
        "'{{name}}' is only in devDependencies: not deployed. Twilio's build installs only `dependencies`, so {{subject}} throws `Cannot find module '{{specifier}}'` once deployed, although it works locally. Move it: `npm install --save-prod {{name}}`.",
      notDeclared:
        "'{{name}}' is not declared in package.json: not deployed. Twilio's build installs only `dependencies`, so {{subject}} throws `Cannot find module '{{specifier}}'` once deployed, even if it works locally. Add it: `npm install --save {{name}}`.",
    },
  },
  defaultOptions: [],
  create(context) {
    if (!mayRequirePackage(context.sourceCode.text)) return {};
    const filename = isAbsolute(context.filename) ? context.filename : resolve(context.cwd, context.filename);
    const extension = extname(filename);
    if (extension === '.mjs' || extension === '.mts') return {}; // not a Function: Twilio loads only CommonJS
    beginFileLint(context.sourceCode);
    const isTypeScript = extension === '.ts' || extension === '.tsx' || extension === '.cts';
    const typeScript = isTypeScript ? typeScriptOutput(filename) : undefined;
    // TypeScript compiled to ES modules is not what Twilio runs; only CommonJS output keeps these as requires.
    if (typeScript && !typeScript.importsBecomeRequire) return {};
    const directory = dirname(filename);
    const reported = new Set<string>();
    return moduleSpecifiers(context.sourceCode, typeScript, (found) => {
      // `@shared/util` under tsconfig `paths`: a project file the build maps, not a package.
      if (typeScript && matchesPathAlias(found.specifier, typeScript.pathAliases)) return;
      check(context, directory, found, reported);
    });
  },
});

/** One report per package and file: a second `require` of it (or of a subpath) is the same missing entry. */
function check(context: Context, directory: string, found: ModuleSpecifier, reported: Set<string>): void {
  const deploy = deployedDependency(directory, found.specifier);
  // No package.json: a Console-only service, whose dependencies are declared in the Console.
  if (deploy.kind !== 'not-deployed' || reported.has(deploy.name)) return;
  reported.add(deploy.name);
  // Deployed from a bundler's output (webpack, esbuild… writing the `--functions-folder`): the bundle inlines every
  // package the sources require, devDependencies included, so none needs installing. Asked only here, with a
  // finding at hand: the project look-up costs a walk up the folders on every file that requires a package.
  if (projectOf(context)?.layout.bundled) return;
  context.report({
    node: found.node,
    messageId: deploy.devOnly ? 'devDependencyOnly' : 'notDeclared',
    data: { name: deploy.name, specifier: found.specifier, subject: specifierSubject(found) },
  });
}

