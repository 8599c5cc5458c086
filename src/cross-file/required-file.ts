import { dirname, join, resolve } from 'node:path';

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { ProjectModel } from '../project/project-model.js';
import { isRelativeSpecifier, relativeRequireTarget } from '../project/relative-require.js';
import { memberAccess } from '../project/runtime-map-access.js';
import { safeStat } from '../project/safe-stat.js';
import { initializerOf } from '../promises/module-bindings.js';
import { memberPropertyName, skipTransparentWrappers } from '../util/ast.js';
import { literalSpecifier, type ModuleLoad } from './required-binding.js';

/** Extensions a summarised helper may have: what Node loads, and the TypeScript template's sources. */
const SCRIPT = /\.(c?js|ts)$/;

/** A file the TypeScript compiler reads as TypeScript: its imports are resolved the compiler's way. */
const TYPESCRIPT_FILE = /\.(c|m)?tsx?$/;

/**
 * The project file a load names, when it is one: `require(Runtime.getFunctions()[key].path)` (the key resolved like
 * valid-runtime-paths does), `require(Runtime.getAssets()[key].path)` for a private asset, either through a `const`
 * that holds the path, or a relative path (`./x`, `__dirname + '/x'`, `path.join(__dirname, 'x')`, and in TypeScript
 * `import … from './x'` and `import x = require('./x')`) resolved the way Node does, or in a TypeScript file the way
 * its compiler does (the source that compiles to the `.js` the runtime loads).
 */
export function requiredProjectFile(
  load: ModuleLoad,
  filename: string,
  sourceCode: TSESLint.SourceCode,
  project: ProjectModel | undefined,
): string | undefined {
  const specifier = literalSpecifier(load);
  if (specifier !== undefined && !isRelativeSpecifier(specifier)) return undefined;
  if (load.type !== AST_NODE_TYPES.CallExpression) return specifier === undefined ? undefined : existingScript(resolve(dirname(filename), specifier), filename);
  const relative = relativeRequireTarget(load, filename, sourceCode);
  if (relative !== undefined) return existingScript(relative, filename);
  const argument = load.arguments[0];
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

/**
 * The file a relative path loads. From JavaScript, Node's resolution: the file, then `.js`, `.cjs`, then
 * `index.js`. From TypeScript, the compiler's (module commonjs): the source of the `.js` the compiled file will
 * load, so `./x` is `x.ts`, then `x.js` (allowJs), then `x/index.ts`, `x/index.js`, and `./x.js` is `x.ts` first.
 */
function existingScript(path: string, filename: string): string | undefined {
  const candidates = TYPESCRIPT_FILE.test(filename)
    ? [
        ...(path.endsWith('.js') ? [`${path.slice(0, -'.js'.length)}.ts`] : []),
        path,
        `${path}.ts`,
        `${path}.js`,
        `${path}.cjs`,
        join(path, 'index.ts'),
        join(path, 'index.js'),
      ]
    : [path, `${path}.js`, `${path}.cjs`, join(path, 'index.js')];
  for (const candidate of candidates) {
    if (!SCRIPT.test(candidate) || resolve(candidate) === resolve(filename)) continue;
    if (safeStat(candidate)?.isFile()) return resolve(candidate);
  }
  return undefined;
}
