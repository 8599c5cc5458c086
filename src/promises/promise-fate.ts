import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { memberPropertyName, skipTransparentWrappers } from '../util/ast.js';
import { localFunction } from './promise-producers.js';

type Variable = TSESLint.Scope.Variable;

/**
 * What becomes of a Promise where it is created:
 * - `awaited`: `await p` waits for it on the spot;
 * - `returned`: returned (to a chain link or a caller that waits), yielded;
 * - `statement`: an expression statement: nothing waits for it;
 * - `voided`: `void p`, which says so on purpose but waits no more;
 * - `stored`: kept in a variable (`const p = …`, `tasks.push(…)`, `const tasks = [a(), b()]`), waited for later or not;
 * - `combined`: given to `Promise.all` and friends, which the combined Promise's own fate decides;
 * - `passed`: handed to some other call or stored in an object: assumed handled there.
 */
export type PromiseFate =
  | { readonly kind: 'awaited' | 'returned' | 'statement' | 'voided' | 'combined' | 'passed' }
  | { readonly kind: 'stored'; readonly variable: Variable };

const COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);
// Shared fates: this runs for every call of a recorded function, so the common answers are not allocated anew.
const PASSED: PromiseFate = { kind: 'passed' };
const AWAITED: PromiseFate = { kind: 'awaited' };
const RETURNED: PromiseFate = { kind: 'returned' };
const STATEMENT: PromiseFate = { kind: 'statement' };
const VOIDED: PromiseFate = { kind: 'voided' };
const COMBINED: PromiseFate = { kind: 'combined' };

export function fateOf(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): PromiseFate {
  let child: TSESTree.Node = node;
  for (let parent = child.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === child) return PASSED;
        continue;
      case AST_NODE_TYPES.LogicalExpression:
        continue;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) !== child) return STATEMENT;
        continue;
      case AST_NODE_TYPES.AwaitExpression:
        return AWAITED;
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.YieldExpression:
        return RETURNED;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === child ? RETURNED : PASSED;
      case AST_NODE_TYPES.ExpressionStatement:
        return STATEMENT;
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator === 'void' ? VOIDED : PASSED;
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === child ? storedIn(parent.id, sourceCode) : PASSED;
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === child && parent.operator === '=' ? storedIn(parent.left, sourceCode) : PASSED;
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.SpreadElement:
        // The array's own fate: `Promise.all([a(), b()])`, `const tasks = [a(), b()]`.
        continue;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return parent.callee === child ? PASSED : argumentFate(parent, child, sourceCode);
      default:
        return PASSED;
    }
  }
  return PASSED;
}

function storedIn(target: TSESTree.Node, sourceCode: TSESLint.SourceCode): PromiseFate {
  if (target.type !== AST_NODE_TYPES.Identifier) return PASSED;
  const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
  return variable ? { kind: 'stored', variable } : PASSED;
}

/** `Promise.all(x)` combines; `tasks.push(x)` stores into `tasks`; any other call is trusted with it. */
function argumentFate(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argument: TSESTree.Node,
  sourceCode: TSESLint.SourceCode,
): PromiseFate {
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return sameFileArgumentFate(callee, call.arguments.indexOf(argument as TSESTree.CallExpressionArgument), sourceCode);
  if (call.type !== AST_NODE_TYPES.CallExpression || callee.type !== AST_NODE_TYPES.MemberExpression) return PASSED;
  const method = memberPropertyName(callee);
  const object = skipTransparentWrappers(callee.object);
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise' && method !== undefined && COMBINATORS.has(method)) {
    return COMBINED;
  }
  if ((method === 'push' || method === 'unshift') && object.type === AST_NODE_TYPES.Identifier) return storedIn(object, sourceCode);
  return PASSED;
}

/**
 * A Promise handed to a function of this file is followed into it: the function waits for it when it awaits,
 * returns, chains, combines or passes on its parameter; otherwise the Promise floats as if it were a statement.
 * Any other function is trusted with it.
 */
function sameFileArgumentFate(callee: TSESTree.Identifier, index: number, sourceCode: TSESLint.SourceCode): PromiseFate {
  const fn = index === -1 ? undefined : localFunction(callee, sourceCode);
  const param = fn?.params[index];
  if (!fn || param?.type !== AST_NODE_TYPES.Identifier) return PASSED;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(fn).find((declared) => declared.name === param.name);
  if (!variable) return PASSED;
  const waits = variable.references.some((reference) => reference.isRead() && settlesStoredPromise(reference.identifier as TSESTree.Identifier));
  return waits ? PASSED : STATEMENT;
}

/** Whether a read of a stored Promise waits for it, chains it, combines it or hands it on. */
export function settlesStoredPromise(read: TSESTree.Identifier): boolean {
  let child: TSESTree.Node = read;
  for (let parent = child.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.SpreadElement:
      case AST_NODE_TYPES.LogicalExpression:
        continue;
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.YieldExpression:
        return true;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === child;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return parent.callee !== child;
      case AST_NODE_TYPES.MemberExpression: {
        const method = parent.object === child ? memberPropertyName(parent) : undefined;
        return method === 'then' || method === 'catch' || method === 'finally';
      }
      default:
        return false;
    }
  }
  return false;
}
