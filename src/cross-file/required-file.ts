import { join, resolve } from 'node:path';

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { ProjectModel } from '../project/project-model.js';
import { isRelativeSpecifier, relativeRequireTarget } from '../project/relative-require.js';
import { memberAccess } from '../project/runtime-map-access.js';
import { safeStat } from '../project/safe-stat.js';
import { initializerOf } from '../promises/module-bindings.js';
import { memberPropertyName, skipTransparentWrappers } from '../util/ast.js';
import { literalSpecifier } from './required-binding.js';

/** Extensions a summarised helper may have: what Node loads, and the TypeScript template's sources. */
const SCRIPT = /\.(c?js|ts)$/;

/**
 * The project file a `require()` loads, when it is one: `require(Runtime.getFunctions()[key].path)` (the key
 * resolved like valid-runtime-paths does), `require(Runtime.getAssets()[key].path)` for a private asset, either
 * through a `const` that holds the path, or a relative path (`./x`, `__dirname + '/x'`, `path.join(__dirname, 'x')`)
 * resolved the way Node does.
 */
export function requiredProjectFile(
  call: TSESTree.CallExpression,
  filename: string,
  sourceCode: TSESLint.SourceCode,
  project: ProjectModel | undefined,
): string | undefined {
  const specifier = literalSpecifier(call);
  if (specifier !== undefined && !isRelativeSpecifier(specifier)) return undefined;
  const relative = relativeRequireTarget(call, filename, sourceCode);
  if (relative !== undefined) return existingScript(relative, filename);
  const argument = call.arguments[0];
  if (!project || !argument) return undefined;
  const value = skipTransparentWrappers(argument);
  const pathRead = value.type === AST_NODE_TYPES.Identifier ? initializerOf(value, sourceCode) : value;
  return pathRead ? runtimeFile(pathRead, sourceCode, project) : undefined;
}

/** `<map>[key].path`: the file deployed under the key, when exactly one is. */
function runtimeFile(node: TSESTree.Node, sourceCode: TSESLint.SourceCode, project: ProjectModel): string | undefined {
  const read = skipTransparentWrappers(node);
  if (read.type !== AST_NODE_TYPES.MemberExpression || memberPropertyName(read) !== 'path') return undefined;
  const entry = skipTransparentWrappers(read.object);
  if (entry.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const access = memberAccess(entry, sourceCode);
  if (!access) return undefined;
  const files = (access.map === 'functions' ? project.functions : project.assets).get(access.key) ?? [];
  const deployed = access.map === 'assets' ? files.filter((file) => file.visibility === 'private') : files;
  const [only] = deployed;
  return deployed.length === 1 && only && SCRIPT.test(only.file) ? resolve(only.file) : undefined;
}

/** Node's resolution of a relative path: the file, then `.js`, `.cjs`, `.ts` (the TypeScript sources), then `index.js`. */
function existingScript(path: string, filename: string): string | undefined {
  const extensions = filename.endsWith('.ts') ? ['', '.js', '.cjs', '.ts'] : ['', '.js', '.cjs'];
  const candidates = [...extensions.map((extension) => path + extension), join(path, 'index.js')];
  for (const candidate of candidates) {
    if (!SCRIPT.test(candidate) || resolve(candidate) === resolve(filename)) continue;
    if (safeStat(candidate)?.isFile()) return resolve(candidate);
  }
  return undefined;
}
