import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  type FunctionNode,
  isFunctionNode,
  memberPropertyName,
  propertyKeyName,
  skipTransparentWrappers,
} from '../util/ast.js';
import { isExportsObject, isModuleExports } from '../util/commonjs-exports.js';

/** A Twilio Function handler: a function the runtime calls as `handler(context, event, callback)`. */
export interface Handler {
  readonly node: FunctionNode;
  /** The third parameter, whatever its name: Twilio passes the callback by position. */
  readonly callbackParam: TSESTree.Identifier;
  readonly callbackVariable: TSESLint.Scope.Variable;
  /**
   * Parameters after the callback that a wrapper adds, such as `handleError` in
   * `prepareFlexFunction(params, async (context, event, callback, response, handleError) => …)`: wrappers pass
   * helpers that answer the request through the callback themselves.
   */
  readonly wrapperParams: readonly TSESLint.Scope.Variable[];
  /** Set for a function of the file that a handler hands its callback to (see `findReceivers`). */
  readonly delegatedBy?: {
    readonly call: TSESTree.CallExpression;
    readonly name: string;
    /** Whether the call is the handler's last word, so the function answers in its place. */
    readonly answersForHandler: boolean;
  };
}

const HANDLER_EXPORT = 'handler';
/** Nested wrapper calls deeper than this are not followed (`a(b(c(d(fn))))` is already unusual). */
const MAX_RESOLVE_DEPTH = 8;

const cache = new WeakMap<TSESLint.SourceCode, readonly Handler[]>();

/**
 * Finds every handler the module exports, however it is written: `exports.handler = …`,
 * `module.exports.handler = …`, `module.exports = { handler }`, `export const handler = …`,
 * `export function handler`, through a local binding, and through wrapper calls such as
 * `TokenValidator(async (context, event, callback) => …)`. Cached per file, so every rule shares one answer.
 */
export function findHandlers(sourceCode: TSESLint.SourceCode): readonly Handler[] {
  let handlers = cache.get(sourceCode);
  if (!handlers) {
    handlers = discoverHandlers(sourceCode);
    cache.set(sourceCode, handlers);
  }
  return handlers;
}

function discoverHandlers(sourceCode: TSESLint.SourceCode): readonly Handler[] {
  const found = new Map<FunctionNode, Handler>();

  function addCandidate(value: TSESTree.Node, depth = 0, wrapped = false): void {
    if (depth > MAX_RESOLVE_DEPTH) return;
    const node = skipTransparentWrappers(value);
    if (isFunctionNode(node)) {
      const handler = asHandler(node, sourceCode, wrapped);
      if (handler && !found.has(node)) found.set(node, handler);
      return;
    }
    if (node.type === AST_NODE_TYPES.Identifier) {
      for (const definition of resolveBinding(node, sourceCode)) addCandidate(definition, depth + 1, wrapped);
      return;
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      // A wrapper such as `TokenValidator(fn)` or `prepareFlexFunction(params, fn)`: the handler is the
      // function argument that takes the runtime's three parameters; `wrap(options)(fn)` nests the same way.
      for (const argument of node.arguments) {
        if (argument.type !== AST_NODE_TYPES.SpreadElement) addCandidate(argument, depth + 1, true);
      }
      return;
    }
  }

  for (const statement of sourceCode.ast.body) {
    visitTopLevelStatement(statement, addCandidate);
  }
  return [...found.values()];
}

function visitTopLevelStatement(statement: TSESTree.ProgramStatement, addCandidate: (value: TSESTree.Node) => void): void {
  switch (statement.type) {
    case AST_NODE_TYPES.ExpressionStatement: {
      let expression = skipTransparentWrappers(statement.expression);
      // `exports.handler = module.exports.handler = fn` assigns the same value twice.
      while (expression.type === AST_NODE_TYPES.AssignmentExpression && expression.operator === '=') {
        visitExportAssignment(expression, addCandidate);
        expression = skipTransparentWrappers(expression.right);
      }
      return;
    }
    case AST_NODE_TYPES.ExportNamedDeclaration:
      visitNamedExport(statement, addCandidate);
      return;
    default:
      return;
  }
}

function visitExportAssignment(
  assignment: TSESTree.AssignmentExpression,
  addCandidate: (value: TSESTree.Node) => void,
): void {
  const target = skipTransparentWrappers(assignment.left);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return;
  if (memberPropertyName(target) === HANDLER_EXPORT && isExportsObject(target.object)) {
    addCandidate(assignment.right);
    return;
  }
  if (isModuleExports(target)) {
    const value = skipTransparentWrappers(assignment.right);
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of value.properties) {
        if (property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === HANDLER_EXPORT) {
          addCandidate(property.value);
        }
      }
    }
  }
}

function visitNamedExport(statement: TSESTree.ExportNamedDeclaration, addCandidate: (value: TSESTree.Node) => void): void {
  const declaration = statement.declaration;
  if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === HANDLER_EXPORT) {
    addCandidate(declaration);
  } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === HANDLER_EXPORT && declarator.init) {
        addCandidate(declarator.init);
      }
    }
  }
  if (statement.source) return; // `export { handler } from './x'` re-exports another file's handler
  for (const specifier of statement.specifiers) {
    const exported = specifier.exported;
    const exportedName = exported.type === AST_NODE_TYPES.Identifier ? exported.name : exported.value;
    if (exportedName === HANDLER_EXPORT && specifier.local.type === AST_NODE_TYPES.Identifier) {
      addCandidate(specifier.local);
    }
  }
}

/** The values a local binding can hold: a function declaration, or a declarator's initializer. */
export function resolveBinding(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): TSESTree.Node[] {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (!variable) return [];
  const values: TSESTree.Node[] = [];
  for (const definition of variable.defs) {
    if (definition.node.type === AST_NODE_TYPES.FunctionDeclaration) {
      values.push(definition.node);
    } else if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) {
      if (definition.node.id.type === AST_NODE_TYPES.Identifier) values.push(definition.node.init);
    }
  }
  return values;
}

/** The function as a handler, or undefined when its shape is not the runtime's `(context, event, callback)`. */
function asHandler(node: FunctionNode, sourceCode: TSESLint.SourceCode, wrapped: boolean): Handler | undefined {
  if (node.generator) return undefined;
  const callbackParam = parameterIdentifier(node.params[2]);
  if (!callbackParam) return undefined;
  if (isLambdaStyle(node)) return undefined;
  const callbackVariable = parameterVariable(node, callbackParam, sourceCode);
  if (!callbackVariable) return undefined;
  const wrapperParams = wrapped
    ? node.params.slice(3).flatMap((param) => parameterVariable(node, parameterIdentifier(param), sourceCode) ?? [])
    : [];
  return { node, callbackParam, callbackVariable, wrapperParams };
}

/** The variable a function's parameter declares. */
export function parameterVariable(
  fn: FunctionNode,
  identifier: TSESTree.Identifier | undefined,
  sourceCode: TSESLint.SourceCode,
): TSESLint.Scope.Variable | undefined {
  if (!identifier) return undefined;
  return sourceCode.scopeManager?.getDeclaredVariables(fn).find((variable) => variable.identifiers.includes(identifier));
}

/** The name a parameter binds: `callback`, or `callback = noop`; undefined for patterns and rest parameters. */
export function parameterIdentifier(param: TSESTree.Parameter | undefined): TSESTree.Identifier | undefined {
  if (!param) return undefined;
  if (param.type === AST_NODE_TYPES.Identifier) return param;
  if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier) {
    return param.left;
  }
  return undefined;
}

/** AWS Lambda's `(event, context, callback)` is a different runtime with different rules. */
function isLambdaStyle(node: FunctionNode): boolean {
  const [first, second] = node.params.map(parameterIdentifier);
  return first?.name === 'event' && second?.name === 'context';
}

/**
 * The handler with its callback moved to the parameter at `index`, for a wrapper of another project file that
 * passes the runtime's callback there (`handlerFn(context, event, response, callback)`); the parameters after it
 * are the wrapper's helpers. Undefined when the handler declares no plain parameter there: it never gets the callback.
 */
export function withCallbackAt(handler: Handler, index: number, sourceCode: TSESLint.SourceCode): Handler | undefined {
  const callbackParam = parameterIdentifier(handler.node.params[index]);
  const callbackVariable = parameterVariable(handler.node, callbackParam, sourceCode);
  if (!callbackParam || !callbackVariable) return undefined;
  const wrapperParams = handler.node.params.slice(index + 1).flatMap((param) => parameterVariable(handler.node, parameterIdentifier(param), sourceCode) ?? []);
  return { node: handler.node, callbackParam, callbackVariable, wrapperParams };
}
