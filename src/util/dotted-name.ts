import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { memberPropertyName, skipTransparentWrappers } from './ast.js';

/** `mailer.send` for `mailer.send`, `this.db.query` for `this.db.query`; undefined for anything computed or called. */
export function dottedName(node: TSESTree.Node): string | undefined {
  const value = skipTransparentWrappers(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  if (value.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (value.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = memberPropertyName(value);
  const object = dottedName(value.object);
  return property === undefined || object === undefined ? undefined : `${object}.${property}`;
}
