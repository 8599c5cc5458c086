import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';

/**
 * Whether TypeScript's checker types the expression as a thenable: an object with a callable `then` (any
 * constituent of a union counts). `any` and `unknown` say nothing, so they are not thenables here; the untyped
 * detection still looks at those expressions.
 */
export function hasThenableType(node: TSESTree.Node, services: ParserServicesWithTypeInformation): boolean {
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  const type = checker.getTypeAtLocation(tsNode);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => {
    const then = checker.getApparentType(part).getProperty('then');
    return then !== undefined && checker.getTypeOfSymbolAtLocation(then, tsNode).getCallSignatures().length > 0;
  });
}
