import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { FunctionNode } from '../util/ast.js';

/**
 * Text edits shared by the fixes that turn `require()` into `await import()`. They only build fixes;
 * deciding whether a rewrite is safe is the rule's job.
 */

/**
 * Removes a whole statement, with its line when nothing else is on it; a comment after it on that line
 * (`const got = require('got'); // HTTP client`) describes it and goes with it.
 */
export function removeStatement(
  fixer: TSESLint.RuleFixer,
  statement: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
): TSESLint.RuleFix {
  const text = sourceCode.text;
  let [start, end] = statement.range;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const after = TRAILING_COMMENT_AND_LINE_END.exec(text.slice(end));
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && after) {
    start = lineStart;
    end += after[0].length;
  }
  return fixer.removeRange([start, end]);
}

// Blanks, at most one line comment or one-line block comment, then the end of the line.
const TRAILING_COMMENT_AND_LINE_END = /^[ \t]*(?:\/\/[^\r\n]*|\/\*(?:(?!\*\/)[^\r\n])*\*\/[ \t]*)?(?:\r?\n|$)/;

/** Makes a function `async` (no edit when it already is). */
export function makeAsync(
  fixer: TSESLint.RuleFixer,
  fn: FunctionNode,
  sourceCode: TSESLint.SourceCode,
): TSESLint.RuleFix | undefined {
  if (fn.async) return undefined;
  const parent = fn.parent;
  // `{ handler(context, event, callback) {} }`: the method's value starts at `(`; `async` goes before the key.
  if ((parent.type === AST_NODE_TYPES.Property && parent.method) || parent.type === AST_NODE_TYPES.MethodDefinition) {
    return fixer.insertTextBefore(parent.key, 'async ');
  }
  const first = sourceCode.getFirstToken(fn);
  return first ? fixer.insertTextBefore(first, 'async ') : undefined;
}

/** Whether a statement is `const … = await import('…');`, as the fixes insert them. */
function isAwaitImportDeclaration(statement: TSESTree.Statement): boolean {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.declarations.length !== 1) return false;
  const init = statement.declarations[0]?.init;
  return init?.type === AST_NODE_TYPES.AwaitExpression && init.argument.type === AST_NODE_TYPES.ImportExpression;
}

/**
 * Inserts a statement at the top of a function body: after its directives and after the `await import()`
 * declarations earlier fixes put there, so that repeated `--fix` passes keep the requires' source order.
 */
export function insertAtBodyTop(
  fixer: TSESLint.RuleFixer,
  body: TSESTree.BlockStatement,
  statementText: string,
  sourceCode: TSESLint.SourceCode,
): TSESLint.RuleFix {
  const statements = body.body;
  let index = 0;
  while (index < statements.length) {
    const statement = statements[index]!;
    const isDirective = statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined;
    if (!isDirective && !isAwaitImportDeclaration(statement)) break;
    index += 1;
  }
  const previous = index > 0 ? statements[index - 1] : undefined;
  const next = statements[index];
  if (previous) {
    return fixer.insertTextAfter(previous, `\n${indentationOf(previous, sourceCode)}${statementText}`);
  }
  if (next) {
    return fixer.insertTextBefore(next, `${statementText}\n${indentationOf(next, sourceCode)}`);
  }
  const bodyIndent = indentationOf(body, sourceCode);
  return fixer.insertTextAfterRange([body.range[0], body.range[0] + 1], `\n${bodyIndent}  ${statementText}\n${bodyIndent}`);
}

/** The whitespace before `node` on its line (or none when code precedes it there). */
function indentationOf(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): string {
  const text = sourceCode.text;
  const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  const prefix = text.slice(lineStart, node.range[0]);
  return /^[ \t]*$/.test(prefix) ? prefix : '';
}

/** A string literal for a specifier, quoted like the original argument when that was a plain string. */
export function specifierLiteral(argument: TSESTree.Node, specifier: string, sourceCode: TSESLint.SourceCode): string {
  const original = sourceCode.getText(argument);
  if (argument.type === AST_NODE_TYPES.Literal) return original;
  return `'${specifier.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
