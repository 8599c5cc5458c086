import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { resolveBinding } from '../handlers/find-handlers.js';
import { enclosingFunction, type FunctionNode, isFunctionNode, memberPropertyName, propertyKeyName, skipTransparentWrappers } from '../util/ast.js';
import { DEFAULT_EXPORT, MODULE_ITSELF } from './helper-summary.js';
import { isModuleExports } from '../util/commonjs-exports.js';

/**
 * The functions a CommonJS (or ES) module exports, by name: `module.exports = fn` (as `MODULE_ITSELF`),
 * `module.exports = { a, b: () => … , c() {} }`, `exports.a = …`, `module.exports.a = …`, `export function a`,
 * `export const a = …`, `export { a, b as c }`, `export default …` (as `DEFAULT_EXPORT`) and `export = fn`. Values
 * are followed through one module-level binding; anything else is not an export the plugin can summarise.
 */
export function exportedFunctions(sourceCode: TSESLint.SourceCode): Map<string, FunctionNode> {
  const found = new Map<string, FunctionNode>();
  function add(name: string, value: TSESTree.Node): void {
    const fn = functionValue(value, sourceCode);
    if (fn && !found.has(name)) found.set(name, fn);
  }
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      let expression = skipTransparentWrappers(statement.expression);
      while (expression.type === AST_NODE_TYPES.AssignmentExpression && expression.operator === '=') {
        visitAssignment(expression, add);
        expression = skipTransparentWrappers(expression.right);
      }
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      add(DEFAULT_EXPORT, statement.declaration);
    } else if (statement.type === AST_NODE_TYPES.TSExportAssignment) {
      // `export = fn`: TypeScript's `module.exports = fn`.
      add(MODULE_ITSELF, statement.expression);
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.declaration && !statement.source) {
      // `export { a, b as c }` of the file's own bindings.
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
        if (specifier.local.type === AST_NODE_TYPES.Identifier && specifier.exportKind !== 'type') add(exported, specifier.local);
      }
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration) {
      const declaration = statement.declaration;
      if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) add(declaration.id.name, declaration);
      if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init) add(declarator.id.name, declarator.init);
        }
      }
    }
  }
  return found;
}

function visitAssignment(assignment: TSESTree.AssignmentExpression, add: (name: string, value: TSESTree.Node) => void): void {
  const target = skipTransparentWrappers(assignment.left);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return;
  if (isModuleExports(target)) {
    const value = skipTransparentWrappers(assignment.right);
    if (value.type !== AST_NODE_TYPES.ObjectExpression) {
      add(MODULE_ITSELF, value);
      return;
    }
    for (const property of value.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = propertyKeyName(property);
      if (key !== undefined) add(key, property.value);
    }
    return;
  }
  const name = memberPropertyName(target);
  const object = skipTransparentWrappers(target.object);
  const onExports = (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') || isModuleExports(object);
  if (name !== undefined && onExports) add(name, assignment.right);
}

function functionValue(value: TSESTree.Node, sourceCode: TSESLint.SourceCode): FunctionNode | undefined {
  const node = skipTransparentWrappers(value);
  if (isFunctionNode(node)) return node.generator ? undefined : node;
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const values = resolveBinding(node, sourceCode);
  const only = values.length === 1 && values[0] ? skipTransparentWrappers(values[0]) : undefined;
  return isFunctionNode(only) && !only.generator && enclosingFunction(only) === undefined ? only : undefined;
}
