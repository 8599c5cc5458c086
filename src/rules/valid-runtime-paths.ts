import { relative } from 'node:path';

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { nearestKey } from '../project/nearest-key.js';
import { isPresenceChecked } from '../project/presence-checked.js';
import { type ProjectModel, projectOf } from '../project/project-model.js';
import { destructuredAccesses, memberAccess, type RuntimeMapAccess } from '../project/runtime-map-access.js';
import { privateName } from '../project/runtime-keys.js';
import { readsGlobal } from '../twilio-values/twilio-value.js';
import { memberPropertyName, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';

/** The globals every resource map is reached from: `Runtime.getFunctions()`, `Runtime.getAssets()`, `Functions`. */
const RUNTIME_GLOBALS = ['Runtime', 'Functions'];

export type Options = [];
export type MessageIds = 'notPrivate' | 'replaceKey' | 'unknownAsset' | 'unknownFunction';

export default createRule<Options, MessageIds>({
  name: 'valid-runtime-paths',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `Runtime.getFunctions()` and `Runtime.getAssets()` keys to name a Function or private asset of the project',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unknownFunction:
        "No Function of this project has the key '{{key}}' in `Runtime.getFunctions()`, so this entry is undefined and reading its `.{{member}}` throws a TypeError.{{hint}}",
      unknownAsset:
        "No private asset of this project has the key '{{key}}' in `Runtime.getAssets()`, so this entry is undefined and reading its `.{{member}}` throws a TypeError.{{hint}}",
      notPrivate:
        "`{{file}}` is {{visibility}}: `Runtime.getAssets()` lists only private assets, so '{{key}}' is undefined here — rename it `{{privateName}}`.",
      replaceKey: "Use '{{key}}'.",
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;

    /** `lookup`: the member read that takes the entry from the map, when it is one (not a destructuring). */
    function check(access: RuntimeMapAccess | undefined, lookup?: TSESTree.MemberExpression): void {
      if (!access) return;
      // Code that tests the entry for being there handles a missing one (an asset added at setup).
      const handlesMissing = (): boolean => lookup !== undefined && isPresenceChecked(lookup, sourceCode);
      const project = projectOf(context);
      if (!project) return;
      if (access.map === 'functions') checkFunctionKey(access, project, handlesMissing);
      else checkAssetKey(access, project, handlesMissing);
    }

    function checkFunctionKey(access: RuntimeMapAccess, project: ProjectModel, handlesMissing: () => boolean): void {
      if (project.functions.has(access.key) || handlesMissing()) return;
      const folder = folderName(project, project.layout.functionsDir);
      const normalized = access.key.replace(/^\/+/, '').replace(/\.(js|ts)$/, '').replace(/\.(private|protected)$/, '');
      const suggestion = project.functions.has(normalized) ? normalized : nearestKey(access.key, project.functions.keys());
      const hint = normalized !== access.key && suggestion === normalized
        ? ` Keys have no leading slash, extension or visibility suffix: '${normalized}'.`
        : suggestion !== undefined
          ? ` Did you mean '${suggestion}'?`
          : ` The Functions are the \`.js\` files under \`${folder}/\`.`;
      report(access, 'unknownFunction', hint, suggestion);
    }

    function checkAssetKey(access: RuntimeMapAccess, project: ProjectModel, handlesMissing: () => boolean): void {
      // No assets folder at all: the assets are made at setup or build time (a key file the README says to add,
      // a build that copies them), so nothing here says which keys will exist.
      if (!project.layout.assetsDir) return;
      const entries = project.assets.get(access.key);
      if (entries) {
        const exposed = entries.find((entry) => entry.visibility !== 'private');
        if (!exposed || entries.some((entry) => entry.visibility === 'private')) return;
        context.report({
          node: access.keyNode,
          messageId: 'notPrivate',
          data: {
            file: `${folderName(project, project.layout.assetsDir)}/${exposed.relativePath}`,
            visibility: exposed.visibility,
            key: access.key,
            privateName: privateName(exposed.relativePath).split('/').pop()!,
          },
        });
        return;
      }
      if (handlesMissing()) return;
      const privateKeys = [...project.assets].filter(([, files]) => files.some((file) => file.visibility === 'private')).map(([key]) => key);
      const normalized = `/${access.key.replace(/^\/+/, '')}`.replace(/\.private(\.[^./]+)$/, '$1');
      const suggestion = privateKeys.includes(normalized) ? normalized : nearestKey(access.key, privateKeys);
      const hint = normalized !== access.key && suggestion === normalized
        ? ` Asset keys start with '/' and keep the extension but not \`.private\`: '${normalized}'.`
        : suggestion !== undefined
          ? ` Did you mean '${suggestion}'?`
          : ` Private assets are the \`*.private.*\` files under \`${folderName(project, project.layout.assetsDir)}/\`.`;
      report(access, 'unknownAsset', hint, suggestion);
    }

    function report(access: RuntimeMapAccess, messageId: 'unknownAsset' | 'unknownFunction', hint: string, suggestion: string | undefined): void {
      context.report({
        node: access.keyNode,
        messageId,
        data: { key: access.key, hint, member: entryMemberRead(access) },
        suggest:
          suggestion !== undefined && access.replaceable
            ? [{ messageId: 'replaceKey', data: { key: suggestion }, fix: (fixer) => fixer.replaceText(access.keyNode, quoted(access.keyNode, suggestion)) }]
            : [],
      });
    }

    /** The property read from the entry (`path` in `…['utils/auth'].path`, `open` for an asset's `.open()`). */
    function entryMemberRead(access: RuntimeMapAccess): string {
      const lookup = access.keyNode.parent;
      if (lookup?.type !== AST_NODE_TYPES.MemberExpression || lookup.property !== access.keyNode) return 'path';
      const { parent } = transparentParent(lookup);
      const read = parent?.type === AST_NODE_TYPES.MemberExpression && skipTransparentWrappers(parent.object) === lookup ? memberPropertyName(parent) : undefined;
      return read ?? 'path';
    }

    function quoted(node: TSESTree.Node, key: string): string {
      const quote = node.type === AST_NODE_TYPES.TemplateLiteral ? '`' : sourceCode.getText(node)[0] === '"' ? '"' : "'";
      const escaped = key.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
      return `${quote}${quote === '`' ? escaped.replace(/\$\{/g, '\\${') : escaped}${quote}`;
    }

    // Most files never touch the runtime maps: one scan of the text, then of the global references (a comment
    // about "Twilio Functions" is no read of `Functions`), spares the per-member look-ups.
    if (!/getFunctions|getAssets|\bFunctions\b/.test(sourceCode.text) || !readsGlobal(sourceCode, RUNTIME_GLOBALS)) return {};

    return {
      MemberExpression(node) {
        check(memberAccess(node, sourceCode), node);
      },
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        if (node.id.type !== AST_NODE_TYPES.ObjectPattern || !node.init) return;
        for (const access of destructuredAccesses(node.id, node.init, sourceCode)) check(access);
      },
    } satisfies TSESLint.RuleListener;
  },
});

function folderName(project: ProjectModel, dir: string | undefined): string {
  return relative(project.layout.root, dir ?? project.layout.root).split('\\').join('/') || '.';
}
