import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, transparentParent } from '../util/ast.js';
import type { Handler } from './find-handlers.js';
import { findResponders, type Responder } from './responder-factories.js';

type Variable = TSESLint.Scope.Variable;

/**
 * How a value (the callback, or a function that uses it) is used where it appears:
 * - `call`: it is called there (`callback()`, `callback.call(null, x)`);
 * - `handoff`: it leaves the function's hands — passed to a call, stored, returned — and someone else will call it;
 * - `alias`: it is bound to another local name (`const done = callback`);
 * - `none`: only inspected (`typeof callback`, `if (callback)`), which neither calls nor hands it off.
 */
export type ValueUse =
  | { readonly kind: 'call'; readonly call: TSESTree.CallExpression }
  | { readonly kind: 'handoff' }
  | { readonly kind: 'alias'; readonly target: TSESTree.Identifier }
  | { readonly kind: 'none' };

const NONE: ValueUse = { kind: 'none' };
const HANDOFF: ValueUse = { kind: 'handoff' };

/** Classifies the use of the value of `node` by walking up through the expressions its value flows into. */
export function classifyValueUse(node: TSESTree.Node): ValueUse {
  let { parent, child } = transparentParent(node);
  for (;;) {
    if (!parent) return NONE;
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
        return parent.callee === child ? { kind: 'call', call: parent } : HANDOFF;
      case AST_NODE_TYPES.NewExpression:
        return HANDOFF;
      case AST_NODE_TYPES.MemberExpression:
        return classifyMemberUse(parent, child);
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init !== child) return NONE;
        return parent.id.type === AST_NODE_TYPES.Identifier ? { kind: 'alias', target: parent.id } : HANDOFF;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right !== child) return NONE;
        return parent.left.type === AST_NODE_TYPES.Identifier && parent.operator === '='
          ? { kind: 'alias', target: parent.left }
          : HANDOFF;
      case AST_NODE_TYPES.LogicalExpression:
        // `callback && callback()` only tests it; `x || callback` passes its value on.
        if (parent.left === child && parent.operator === '&&') return NONE;
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === child) return NONE;
        break;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) !== child) return NONE;
        break;
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.SpreadElement:
        break;
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.SwitchStatement:
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.ExpressionStatement:
        return NONE;
      default:
        // Returned, stored in an object or array, yielded, exported, given as a default: someone else calls it.
        return HANDOFF;
    }
    ({ parent, child } = transparentParent(parent));
  }
}

function classifyMemberUse(member: TSESTree.MemberExpression, child: TSESTree.Node): ValueUse {
  if (member.object !== child || member.computed || member.property.type !== AST_NODE_TYPES.Identifier) return NONE;
  const { parent } = transparentParent(member);
  switch (member.property.name) {
    case 'call':
    case 'apply':
      return parent?.type === AST_NODE_TYPES.CallExpression && transparentParent(member).child === parent.callee
        ? { kind: 'call', call: parent }
        : HANDOFF;
    case 'bind':
      return HANDOFF;
    default:
      return NONE;
  }
}

/** What one handler's callback analysis needs to know about names: which refer to the callback, and which functions use it. */
export interface CallbackBindings {
  readonly handler: Handler;
  /** The callback parameter and every local alias of it (`const done = callback`). */
  readonly callbackVariables: ReadonlySet<Variable>;
  /** Functions nested in the handler that call or hand off the callback, directly or through a local function. */
  readonly callbackUsers: ReadonlySet<FunctionNode>;
  /** Local functions (declarations and `const f = () => …`) that use the callback, by their binding. */
  readonly localFunctions: ReadonlyMap<Variable, FunctionNode>;
  /** Local callback-using functions that nothing refers to, so nothing in them ever runs. */
  readonly neverCalled: ReadonlyMap<FunctionNode, string>;
  /** Functions made from the callback (`const respond = makeResponder(callback)`): calling one answers. */
  readonly responders: readonly Responder[];
}

/** Whether anything reads the callback or an alias of it: a handler that never does never answers. */
export function readsCallback(bindings: CallbackBindings): boolean {
  return [...bindings.callbackVariables].some((variable) => variable.references.some((reference) => reference.isRead()));
}

export function bindCallback(handler: Handler, sourceCode: TSESLint.SourceCode): CallbackBindings {
  const callbackVariables = collectAliases(handler.callbackVariable, sourceCode);
  const responders = findResponders(callbackVariables, sourceCode);
  // A function that calls a made responder uses the callback as much as one that calls it directly.
  const answeringVariables = new Set([...callbackVariables, ...responders.map((responder) => responder.variable)]);
  const { callbackUsers, localFunctions } = collectCallbackUsers(handler.node, answeringVariables, sourceCode);
  const neverCalled = new Map<FunctionNode, string>();
  for (const [variable, fn] of localFunctions) {
    if (!variable.references.some((reference) => reference.isRead())) neverCalled.set(fn, variable.name);
  }
  return { handler, callbackVariables, callbackUsers, localFunctions, neverCalled, responders };
}

function collectAliases(callbackVariable: Variable, sourceCode: TSESLint.SourceCode): Set<Variable> {
  const variables = new Set<Variable>([callbackVariable]);
  const pending = [callbackVariable];
  for (let variable = pending.pop(); variable; variable = pending.pop()) {
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const use = classifyValueUse(reference.identifier);
      if (use.kind !== 'alias') continue;
      const alias = ASTUtils.findVariable(sourceCode.getScope(use.target), use.target);
      if (alias && !variables.has(alias)) {
        variables.add(alias);
        pending.push(alias);
      }
    }
  }
  return variables;
}

function collectCallbackUsers(
  handler: FunctionNode,
  callbackVariables: ReadonlySet<Variable>,
  sourceCode: TSESLint.SourceCode,
): { callbackUsers: Set<FunctionNode>; localFunctions: Map<Variable, FunctionNode> } {
  const callbackUsers = new Set<FunctionNode>();
  const localFunctions = new Map<Variable, FunctionNode>();
  const pending: FunctionNode[] = [];

  // Every function between a use and the handler runs that use when it runs.
  function addEnclosingFunctions(node: TSESTree.Node): void {
    for (let current = node.parent; current && current !== handler; current = current.parent) {
      if (isFunctionNode(current) && !callbackUsers.has(current)) {
        callbackUsers.add(current);
        pending.push(current);
      }
    }
  }

  for (const variable of callbackVariables) {
    for (const reference of variable.references) {
      if (reference.isRead()) addEnclosingFunctions(reference.identifier);
    }
  }
  for (let fn = pending.pop(); fn; fn = pending.pop()) {
    const binding = localBindingOf(fn, sourceCode);
    if (!binding) continue;
    localFunctions.set(binding, fn);
    for (const reference of binding.references) {
      if (reference.isRead()) addEnclosingFunctions(reference.identifier);
    }
  }
  return { callbackUsers, localFunctions };
}

/** The variable a local function is bound to: `function finish() {}` or `const finish = () => {}`. */
function localBindingOf(fn: FunctionNode, sourceCode: TSESLint.SourceCode): Variable | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    return fn.id ? ASTUtils.findVariable(sourceCode.getScope(fn), fn.id) ?? undefined : undefined;
  }
  const { parent, child } = transparentParent(fn);
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier) {
    return sourceCode.scopeManager?.getDeclaredVariables(parent).find((variable) => variable.name === (parent.id as TSESTree.Identifier).name);
  }
  return undefined;
}
