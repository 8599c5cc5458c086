import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { memberPropertyName, propertyKeyName, skipTransparentWrappers } from '../util/ast.js';

/**
 * Where a value comes from: the `twilio` package, or one of the globals the Twilio runtime defines (`Twilio` is
 * the package plus `Twilio.Response`; `Runtime` has `getFunctions()`, `getAssets()`, `getSync()`).
 */
export type TwilioRoot = 'twilio-package' | 'Twilio' | 'Runtime' | 'Functions';

/** A value reached from a root by property reads (`twiml`, `VoiceResponse`) and calls (`()`). */
export interface TwilioValue {
  readonly root: TwilioRoot;
  readonly path: readonly string[];
}

export const CALL = '()';
const GLOBAL_ROOTS: ReadonlySet<string> = new Set<TwilioRoot>(['Twilio', 'Runtime', 'Functions']);
/** `require('twilio/lib/twiml/VoiceResponse')` is the class itself. */
const TWIML_MODULE = /^twilio\/lib\/twiml\/(\w+?)(?:\.js)?$/;
/** Aliases are followed this far (`const a = b; const b = c; …`). */
const MAX_DEPTH = 10;

/**
 * What `node` certainly evaluates to in terms of the `twilio` package and the runtime's globals, or undefined
 * when that is not certain: a binding counts only when it is never reassigned, a global only when nothing in
 * the file shadows it.
 */
export function twilioValueOf(node: TSESTree.Node, sourceCode: TSESLint.SourceCode, depth = 0): TwilioValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = skipTransparentWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return identifierValue(expression, sourceCode, depth);
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberPropertyName(expression);
      const object = name === undefined ? undefined : twilioValueOf(expression.object, sourceCode, depth + 1);
      return object && name !== undefined ? extend(object, name) : undefined;
    }
    case AST_NODE_TYPES.CallExpression: {
      const specifier = requiredModule(expression, sourceCode);
      if (specifier !== undefined) return moduleValue(specifier, 'require');
      const callee = twilioValueOf(expression.callee, sourceCode, depth + 1);
      return callee && extend(callee, CALL);
    }
    default:
      return undefined;
  }
}

/** Whether a `new` of `callee` certainly builds a TwiML document (`VoiceResponse`, `MessagingResponse`, `FaxResponse`). */
export function isTwimlConstructor(value: TwilioValue | undefined): boolean {
  return (
    value !== undefined &&
    (value.root === 'twilio-package' || value.root === 'Twilio') &&
    value.path.length === 2 &&
    value.path[0] === 'twiml' &&
    ['VoiceResponse', 'MessagingResponse', 'FaxResponse'].includes(value.path[1]!)
  );
}

/** `Twilio.Response`, which the runtime adds to the `Twilio` global (the package has no such export). */
export function isResponseConstructor(value: TwilioValue | undefined): boolean {
  return value?.root === 'Twilio' && value.path.length === 1 && value.path[0] === 'Response';
}

/** The string literal a `require('…')` of the global `require` loads. */
export function requiredModule(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): string | undefined {
  const [argument] = call.arguments;
  if (call.arguments.length !== 1 || argument?.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string') {
    return undefined;
  }
  const callee = skipTransparentWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require' || !isGlobal(callee, sourceCode)) return undefined;
  return argument.value;
}

/** Whether an identifier names a global: nothing in the file declares it. */
export function isGlobal(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  return !variable || variable.defs.length === 0;
}

function extend(value: TwilioValue, segment: string): TwilioValue {
  return { root: value.root, path: [...value.path, segment] };
}

function moduleValue(specifier: string, kind: 'require' | 'default' | 'namespace'): TwilioValue | undefined {
  if (specifier === 'twilio') return { root: 'twilio-package', path: [] };
  const twiml = TWIML_MODULE.exec(specifier);
  // `import * as VoiceResponse from 'twilio/lib/twiml/VoiceResponse'` is a namespace, not the class.
  if (twiml && kind !== 'namespace') return { root: 'twilio-package', path: ['twiml', twiml[1]!] };
  return undefined;
}

function identifierValue(identifier: TSESTree.Identifier, sourceCode: TSESLint.SourceCode, depth: number): TwilioValue | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (!variable || variable.defs.length === 0) {
    return GLOBAL_ROOTS.has(identifier.name) ? { root: identifier.name as TwilioRoot, path: [] } : undefined;
  }
  const [definition] = variable.defs;
  if (variable.defs.length !== 1 || !definition || isReassigned(variable)) return undefined;
  switch (definition.node.type) {
    case AST_NODE_TYPES.VariableDeclarator: {
      const { id, init } = definition.node;
      if (!init || definition.name.type !== AST_NODE_TYPES.Identifier) return undefined;
      const keys = id.type === AST_NODE_TYPES.Identifier ? [] : patternPath(id, definition.name);
      const value = keys && twilioValueOf(init, sourceCode, depth + 1);
      return value && keys ? { root: value.root, path: [...value.path, ...keys] } : undefined;
    }
    case AST_NODE_TYPES.ImportDefaultSpecifier:
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
    case AST_NODE_TYPES.ImportSpecifier:
      return importValue(definition.node);
    case AST_NODE_TYPES.TSImportEqualsDeclaration: {
      const reference = definition.node.moduleReference;
      if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
      const source = reference.expression;
      return source.type === AST_NODE_TYPES.Literal && typeof source.value === 'string'
        ? moduleValue(source.value, 'require')
        : undefined;
    }
    default:
      return undefined;
  }
}

function importValue(
  specifier: TSESTree.ImportDefaultSpecifier | TSESTree.ImportNamespaceSpecifier | TSESTree.ImportSpecifier,
): TwilioValue | undefined {
  const declaration = specifier.parent;
  if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type') return undefined;
  const source = declaration.source.value;
  if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return moduleValue(source, 'default');
  if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return moduleValue(source, 'namespace');
  if (specifier.importKind === 'type') return undefined;
  const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
  const module = moduleValue(source, 'namespace');
  return module && extend(module, imported);
}

function isReassigned(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/** The property keys that lead from a destructuring pattern's value to `name`: `{ twiml: { VoiceResponse } }`. */
export function patternPath(pattern: TSESTree.Node, name: TSESTree.Identifier): string[] | undefined {
  if (pattern === name) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return patternPath(pattern.left, name);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKeyName(property);
    if (key === undefined) continue;
    const rest = patternPath(property.value, name);
    if (rest) return [key, ...rest];
  }
  return undefined;
}
