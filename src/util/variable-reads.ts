import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** The identifiers that read any of the variables. */
export function readsOf(variables: Iterable<TSESLint.Scope.Variable>): TSESTree.Identifier[] {
  const reads: TSESTree.Identifier[] = [];
  for (const variable of variables) {
    for (const reference of variable.references) {
      if (reference.isRead()) reads.push(reference.identifier as TSESTree.Identifier);
    }
  }
  return reads;
}
