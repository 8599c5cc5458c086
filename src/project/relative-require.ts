import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { memberPropertyName, skipTransparentWrappers } from '../util/ast.js';
import { isGlobal, requiredModule } from '../twilio-values/twilio-value.js';
import type { ProjectModel } from './project-model.js';
import type { DeployedFile } from './project-tree.js';

/** A path written relative to the requiring file: `./helper`, `../lib/x`, `.`. */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/**
 * The absolute path a `require()` argument names relative to the requiring file, or undefined when it is not a
 * relative path: `'./x'`, `` `./x` ``, `__dirname + '/x'`, `` `${__dirname}/x` ``, `path.join(__dirname, 'x')`.
 */
export function relativeRequireTarget(
  call: TSESTree.CallExpression,
  filename: string,
  sourceCode: TSESLint.SourceCode,
): string | undefined {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require' || call.arguments.length !== 1) return undefined;
  const first = call.arguments[0]!;
  // `require('twilio')`: ruled out on its text, before any scope look-up.
  if (first.type === AST_NODE_TYPES.Literal && !(typeof first.value === 'string' && isRelativeSpecifier(first.value))) return undefined;
  if (!isGlobal(callee, sourceCode)) return undefined;
  const specifier = requiredModule(call, sourceCode);
  if (specifier !== undefined) return isRelativeSpecifier(specifier) ? resolve(dirname(filename), specifier) : undefined;
  const argument = call.arguments[0]!;
  const parts = dirnameRelativeParts(argument, sourceCode);
  return parts && join(dirname(filename), ...parts);
}

/** The path segments after `__dirname` in `__dirname + '/x'`, `` `${__dirname}/x` `` and `path.join(__dirname, 'x')`. */
function dirnameRelativeParts(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): string[] | undefined {
  const argument = skipTransparentWrappers(node);
  if (argument.type === AST_NODE_TYPES.BinaryExpression && argument.operator === '+') {
    const rest = staticString(argument.right);
    return isDirname(argument.left, sourceCode) && rest !== undefined ? [rest] : undefined;
  }
  if (argument.type === AST_NODE_TYPES.TemplateLiteral) {
    const [first, ...others] = argument.expressions;
    if (!first || others.length > 0 || argument.quasis[0]!.value.cooked !== '' || !isDirname(first, sourceCode)) return undefined;
    return [argument.quasis[1]!.value.cooked ?? ''];
  }
  if (argument.type === AST_NODE_TYPES.CallExpression && isPathJoin(argument.callee, sourceCode)) {
    const [first, ...rest] = argument.arguments;
    if (!first || !isDirname(first, sourceCode)) return undefined;
    const strings = rest.map(staticString);
    return strings.every((part) => part !== undefined) ? strings : undefined;
  }
  return undefined;
}

function isDirname(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const expression = skipTransparentWrappers(node);
  return expression.type === AST_NODE_TYPES.Identifier && expression.name === '__dirname' && isGlobal(expression, sourceCode);
}

/** `path.join` / `path.resolve` of `require('path')` or `require('node:path')`, or a destructured `join`. */
function isPathJoin(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const callee = skipTransparentWrappers(node);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberPropertyName(callee);
  if (name !== 'join' && name !== 'resolve') return false;
  const object = skipTransparentWrappers(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(sourceCode.getScope(object), object);
    const init = variable?.defs.length === 1 && variable.defs[0]!.node.type === AST_NODE_TYPES.VariableDeclarator
      ? variable.defs[0]!.node.init
      : undefined;
    return init?.type === AST_NODE_TYPES.CallExpression && isPathModule(requiredModule(init, sourceCode));
  }
  return object.type === AST_NODE_TYPES.CallExpression && isPathModule(requiredModule(object, sourceCode));
}

function isPathModule(specifier: string | undefined): boolean {
  return specifier === 'path' || specifier === 'node:path';
}

function staticString(node: TSESTree.Node): string | undefined {
  const expression = skipTransparentWrappers(node);
  if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string') return expression.value;
  if (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions.length === 0) {
    return expression.quasis[0]!.value.cooked ?? undefined;
  }
  return undefined;
}

/** What a relative path names once deployed: a Function, an asset, or nothing Twilio deploys. */
export type DeployedTarget =
  | { readonly kind: 'deployed'; readonly file: DeployedFile; readonly unique: boolean }
  | { readonly kind: 'notDeployed'; readonly file: string | undefined };

/**
 * Resolves a relative require the way Node does (the path, then `.js`, `.json`, then `index.js`; in the
 * TypeScript template also the `.ts` source that compiles to the `.js`) and says what Twilio deploys it as.
 */
export function deployedTarget(path: string, project: ProjectModel): DeployedTarget {
  const extensions = project.layout.typescript ? ['', '.js', '.json', '.ts'] : ['', '.js', '.json'];
  const candidates = [
    ...extensions.map((extension) => path + extension),
    ...extensions.filter((extension) => extension !== '' && extension !== '.json').map((extension) => join(path, `index${extension}`)),
  ];
  for (const candidate of candidates) {
    const deployed = project.deployedFile(candidate);
    if (deployed) {
      const sameKey = (deployed.kind === 'function' ? project.functions : project.assets).get(deployed.key) ?? [];
      return { kind: 'deployed', file: deployed, unique: sameKey.length === 1 };
    }
    if (isFile(candidate)) return { kind: 'notDeployed', file: candidate };
  }
  return { kind: 'notDeployed', file: undefined };
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}
