import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** A narrow location for a statement: the head of a compound statement (`if (…)`, `for (…)`, `try`), else the statement. */
export function statementHead(statement: TSESTree.Statement, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.SourceLocation {
  const from = statement.loc.start;
  switch (statement.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.WithStatement:
    case AST_NODE_TYPES.SwitchStatement: {
      const head = statement.type === AST_NODE_TYPES.SwitchStatement ? statement.discriminant :
        statement.type === AST_NODE_TYPES.WithStatement ? statement.object : statement.test;
      const closingParen = sourceCode.getTokenAfter(head);
      return { start: from, end: (closingParen ?? head).loc.end };
    }
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement: {
      const closingParen = sourceCode.getTokenBefore(statement.body);
      return { start: from, end: (closingParen ?? statement.body).loc.end };
    }
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.TryStatement:
      return sourceCode.getFirstToken(statement)!.loc;
    default:
      return statement.loc;
  }
}
