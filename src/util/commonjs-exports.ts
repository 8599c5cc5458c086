import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { memberPropertyName, skipTransparentWrappers } from './ast.js';

/** `module.exports`. */
export function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    memberPropertyName(node) === 'exports'
  );
}

/** `exports` or `module.exports`: the objects whose properties a CommonJS module exports. */
export function isExportsObject(node: TSESTree.Node): boolean {
  const object = skipTransparentWrappers(node);
  return (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') || isModuleExports(object);
}
