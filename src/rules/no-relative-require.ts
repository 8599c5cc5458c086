import { dirname, relative, resolve, sep } from 'node:path';

import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type ProjectModel, projectOf } from '../project/project-model.js';
import type { DeployedFile } from '../project/project-tree.js';
import { deployedTarget, isRelativeSpecifier, relativeRequireTarget } from '../project/relative-require.js';
import { privateName } from '../project/runtime-keys.js';
import { createRule } from '../util/create-rule.js';
import { hasSpellingEscape } from '../util/source-escapes.js';
import { runsOnlyOutsideRuntime } from '../twilio-values/outside-runtime.js';

export type Options = [];
export type MessageIds = 'function' | 'notDeployed' | 'privateAsset' | 'publicAsset';

const BREAKS =
  '{{subject}} works locally but fails once deployed: Twilio deploys each Function and asset on its own, not the project folder, so the relative path names no file there (serverless-toolkit#279).';

const RELATIVE_PATH_TEXT = /['"]\.|__dirname/;

export default createRule<Options, MessageIds>({
  name: 'no-relative-require',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow relative `require()` in Twilio Functions, which fails once deployed',
      recommended: true,
    },
    fixable: 'code',
    schema: [],
    messages: {
      function: `${BREAKS} Load the Function through \`{{replacement}}\`.`,
      privateAsset: `${BREAKS} Load the private asset through \`{{replacement}}\`.`,
      publicAsset: `${BREAKS} \`{{file}}\` is a {{visibility}} asset, which is only served over HTTP: rename it \`{{privateName}}\` and load it through \`{{replacement}}\`.`,
      notDeployed: `${BREAKS} {{target}} {{reason}}, so it is not deployed at all: move it to \`{{assets}}/\` as a \`.private\` asset (or to \`{{functions}}/\` as a \`.private.js\` Function) and load it through \`Runtime.getAssets()\` (or \`Runtime.getFunctions()\`).`,
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const filename = context.filename;
    // A relative path is written `'./…'`, `"../…"` or from `__dirname`, in a `require` or an `import`: the text
    // rules most files out before any scope or file system work (unless escapes spell them: `'\x2e/x'`).
    const text = sourceCode.text;
    const mayRequireRelative = ((text.includes('require') || text.includes('import')) && RELATIVE_PATH_TEXT.test(text)) ||
      hasSpellingEscape(text);
    if (!mayRequireRelative) return {};
    let project: ProjectModel | null | undefined;

    /** The project, when the file being linted is one of its Functions (a build script or a test is not). */
    function functionProject(): ProjectModel | undefined {
      if (project === undefined) {
        const found = projectOf(context);
        // A bundler inlines relative requires before the deploy: they never reach the runtime.
        project = found?.isFunctionSource(filename) && !found.layout.bundled ? found : null;
      }
      return project ?? undefined;
    }

    function check(node: TSESTree.Node, subject: string, target: string, argument: TSESTree.Node | undefined): void {
      const current = functionProject();
      // Behind `typeof Runtime === 'undefined'`: the local test run's way in, never the deployed Function's.
      if (!current || runsOnlyOutsideRuntime(node)) return;
      const resolved = deployedTarget(target, current);
      if (resolved.kind === 'notDeployed') {
        const where = `\`${displayPath(current, resolved.file ?? target)}\``;
        context.report({
          node,
          messageId: 'notDeployed',
          data: {
            subject,
            target: where,
            reason: notDeployedReason(current, resolved.file),
            assets: folder(current, current.layout.assetsDir, 'assets'),
            functions: folder(current, current.layout.functionsDir, 'functions'),
          },
        });
        return;
      }
      const file = resolved.file;
      const replacement = runtimePath(file);
      if (file.kind === 'asset' && file.visibility !== 'private') {
        context.report({
          node,
          messageId: 'publicAsset',
          data: {
            subject,
            file: displayPath(current, file.file),
            visibility: file.visibility,
            privateName: privateName(file.relativePath).split('/').pop()!,
            replacement,
          },
        });
        return;
      }
      context.report({
        node,
        messageId: file.kind === 'function' ? 'function' : 'privateAsset',
        data: { subject, replacement },
        fix: argument && resolved.unique && runtimeIsGlobal(node) ? (fixer) => fixer.replaceText(argument, replacement) : null,
      });
    }

    /** The fix reads the `Runtime` global: not where the file declares a `Runtime` of its own. */
    function runtimeIsGlobal(node: TSESTree.Node): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), 'Runtime');
      return !variable || variable.defs.length === 0;
    }

    return {
      CallExpression(node) {
        const target = relativeRequireTarget(node, filename, sourceCode);
        if (target === undefined) return;
        const argument = node.arguments[0]!;
        check(node, `\`require(${shorten(sourceCode.getText(argument))})\``, target, argument);
      },
      ImportDeclaration(node: TSESTree.ImportDeclaration) {
        if (!isRelativeSpecifier(node.source.value) || !importSurvivesCompilation(node)) return;
        check(node, `\`import … from '${node.source.value}'\` (compiled to \`require()\`)`, resolveFrom(filename, node.source.value), undefined);
      },
    } satisfies TSESLint.RuleListener;

    /**
     * tsc drops an import whose bindings are used only as types; a side-effect import (`import './x'`) and one
     * with a binding read as a value stay, as a `require()`.
     */
    function importSurvivesCompilation(node: TSESTree.ImportDeclaration): boolean {
      if (node.importKind === 'type') return false;
      if (node.specifiers.length === 0) return true;
      return node.specifiers.some((specifier) => {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') return false;
        const variable = sourceCode.scopeManager?.getDeclaredVariables(specifier)[0];
        return variable?.references.some((reference) => !isInTypePosition(reference.identifier)) ?? false;
      });
    }
  },
});

/** Nodes under which a name is read as a type (`typeof X`, `X.Y` as a type, generics), which tsc erases. */
const TYPE_CONTEXTS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.TSTypeAnnotation,
  AST_NODE_TYPES.TSTypeQuery,
  AST_NODE_TYPES.TSTypeReference,
  AST_NODE_TYPES.TSTypeParameterInstantiation,
  AST_NODE_TYPES.TSTypeAliasDeclaration,
  AST_NODE_TYPES.TSInterfaceDeclaration,
  AST_NODE_TYPES.TSClassImplements,
  AST_NODE_TYPES.TSInterfaceHeritage,
]);

function isInTypePosition(identifier: TSESTree.Node): boolean {
  for (let current = identifier.parent; current; current = current.parent) {
    if (TYPE_CONTEXTS.has(current.type)) return true;
    if (current.type.endsWith('Statement') || current.type.endsWith('Declaration')) return false;
  }
  return false;
}

/** `Runtime.getFunctions()['helper'].path` or `Runtime.getAssets()['/x.js'].path`. */
function runtimePath(file: DeployedFile): string {
  const key = `'${file.key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return file.kind === 'function' ? `Runtime.getFunctions()[${key}].path` : `Runtime.getAssets()[${key}].path`;
}

function resolveFrom(filename: string, specifier: string): string {
  return resolve(dirname(filename), specifier);
}

function notDeployedReason(project: ProjectModel, file: string | undefined): string {
  if (file === undefined) return 'is no file of this project';
  const functionsDir = project.layout.functionsDir!;
  if (file.startsWith(functionsDir + sep)) {
    return `is not a Function: only the \`${project.layout.typescript ? '.ts' : '.js'}\` files of \`${displayPath(project, functionsDir)}/\` are`;
  }
  return 'is outside the Functions and assets folders';
}

function displayPath(project: ProjectModel, path: string): string {
  return relative(project.layout.root, path).split('\\').join('/');
}

function folder(project: ProjectModel, dir: string | undefined, fallback: string): string {
  return dir ? displayPath(project, dir) : fallback;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
