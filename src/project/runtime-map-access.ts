import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { propertyKeyName, skipTransparentWrappers, transparentParent } from '../util/ast.js';
import { CALL, twilioValueOf } from '../twilio-values/twilio-value.js';

/** The two resource maps of the `Runtime` global. */
export type RuntimeMap = 'functions' | 'assets';

/** One literal key read from `Runtime.getFunctions()` or `Runtime.getAssets()`. */
export interface RuntimeMapAccess {
  readonly map: RuntimeMap;
  readonly key: string;
  /** The node that spells the key: the string literal, the identifier after `.`, or the destructuring key. */
  readonly keyNode: TSESTree.Node;
  /** Whether the key can be rewritten in place (a string literal, not `{ auth }` shorthand or `.auth`). */
  readonly replaceable: boolean;
}

/**
 * Which resource map `node` certainly is: `Runtime.getFunctions()`, `Runtime.getAssets()` (directly, or through a
 * binding that holds one), or the `Functions` global.
 */
export function runtimeMapOf(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): RuntimeMap | undefined {
  const value = twilioValueOf(node, sourceCode);
  if (!value) return undefined;
  if (value.root === 'Functions' && value.path.length === 0) return 'functions';
  if (value.root !== 'Runtime' || value.path.length !== 2 || value.path[1] !== CALL) return undefined;
  if (value.path[0] === 'getFunctions') return 'functions';
  if (value.path[0] === 'getAssets') return 'assets';
  return undefined;
}

/**
 * The key that a member read takes from a resource map: `map['utils/auth']`, `` map[`/data.json`] ``, and
 * `map.auth.path` (a dotted key only when `.path` is read from it, so `map.hasOwnProperty` is not a key).
 */
export function memberAccess(member: TSESTree.MemberExpression, sourceCode: TSESLint.SourceCode): RuntimeMapAccess | undefined {
  const key = memberKey(member);
  if (!key) return undefined;
  const map = runtimeMapOf(member.object, sourceCode);
  return map && { map, ...key };
}

/** The keys a destructuring of a resource map reads: `const { 'utils/auth': auth } = Runtime.getFunctions()`. */
export function destructuredAccesses(
  pattern: TSESTree.ObjectPattern,
  init: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
): RuntimeMapAccess[] {
  const map = runtimeMapOf(init, sourceCode);
  if (!map) return [];
  return pattern.properties.flatMap((property): RuntimeMapAccess[] => {
    if (property.type !== AST_NODE_TYPES.Property) return [];
    const key = propertyKeyName(property);
    if (key === undefined) return [];
    return [{ map, key, keyNode: property.key, replaceable: property.key.type === AST_NODE_TYPES.Literal }];
  });
}

function memberKey(member: TSESTree.MemberExpression): Omit<RuntimeMapAccess, 'map'> | undefined {
  const property = member.property;
  if (member.computed) {
    const literal = skipTransparentWrappers(property);
    if (literal.type === AST_NODE_TYPES.Literal && typeof literal.value === 'string') {
      return { key: literal.value, keyNode: literal, replaceable: true };
    }
    if (literal.type === AST_NODE_TYPES.TemplateLiteral && literal.expressions.length === 0) {
      return { key: literal.quasis[0]!.value.cooked ?? '', keyNode: literal, replaceable: true };
    }
    return undefined;
  }
  if (property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const { parent, child } = transparentParent(member);
  const readsPath =
    parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === child && !parent.computed &&
    parent.property.type === AST_NODE_TYPES.Identifier && parent.property.name === 'path';
  return readsPath ? { key: property.name, keyNode: property, replaceable: false } : undefined;
}
