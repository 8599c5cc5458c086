import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { initializerOf } from '../promises/module-bindings.js';
import { type FunctionNode, isEqualityOperator, memberPropertyName, skipTransparentWrappers, tokenText } from '../util/ast.js';

/**
 * The values a discriminant (`action`, `event.Action`) can still have on a path: one of `values` (`in`), or
 * anything but them. Values are literals, keyed by type and value (`string:add`).
 */
interface ValueSet {
  readonly in: boolean;
  readonly values: ReadonlySet<string>;
}

/** What is known on a path: a value set per discriminant, by its tokens; a discriminant absent here can be anything. */
type Facts = ReadonlyMap<string, ValueSet>;

const NO_FACTS: Facts = new Map();

/** The falsy values, keyed as `literalKey` keys literals (`undefined` and `NaN` by name): a falsy value is one of them. */
const FALSY: ReadonlySet<string> = new Set(['string:', 'number:0', 'number:NaN', 'boolean:false', 'object:null', 'undefined']);

/** Array methods that read an array without changing it: a `const` list read only through them keeps its values. */
const READING_METHODS = new Set(['includes', 'indexOf', 'join', 'map', 'filter', 'some', 'every', 'forEach', 'find', 'length', 'has', 'size']);

/** How many enclosing statements are walked up from the decision, and how deep conditions are taken apart. */
const MAX_DEPTH = 24;

/**
 * Whether the false side of an `if` without `else` (the last `if` of an `else if` chain) never runs because the
 * guards before it let only values through that it or the chain's earlier conditions take:
 * `if (!['list', 'add', 'remove'].includes(action)) return callback(…);` … `if (action === 'list') return …;
 * if (action === 'add') return …; if (action === 'remove') return …;`. A guard is an `if` whose side that goes on
 * is known (the other side returns or throws); only a discriminant that nothing writes between them counts, and
 * only its truthiness (`if (!event.code) … else if (event.code)`), comparisons with literals and membership in a
 * literal list (`includes`, `indexOf`, a `Set`'s `has`).
 */
export function isFalseSideExcludedByGuards(open: TSESTree.IfStatement, fn: FunctionNode, sourceCode: TSESLint.SourceCode): boolean {
  const conditions = new ConditionFacts(sourceCode);
  return isImpossible(intersect(conditions.before(open, fn), conditions.of(open.test, false)));
}

/**
 * Whether the value of a `switch` without `default:` always matches one of its literal `case`s, told from the
 * guards before it the same way: `switch (action) { case 'list': … case 'add': … }` after a guard that returns
 * unless `action` is `'list'` or `'add'`.
 */
export function isNoCaseExcludedByGuards(switchStatement: TSESTree.SwitchStatement, fn: FunctionNode, sourceCode: TSESLint.SourceCode): boolean {
  const conditions = new ConditionFacts(sourceCode);
  const key = conditions.discriminantKey(switchStatement.discriminant);
  if (key === undefined) return false;
  const values = new Set<string>();
  for (const switchCase of switchStatement.cases) {
    const value = switchCase.test && literalKey(switchCase.test);
    if (value !== undefined && value !== null) values.add(value);
  }
  return isImpossible(intersect(conditions.before(switchStatement, fn), new Map([[key, { in: false, values }]])));
}

/** What conditions say about discriminants, with the stability of each discriminant's name looked up once. */
class ConditionFacts {
  private readonly stable = new Map<string, boolean>();

  constructor(private readonly sourceCode: TSESLint.SourceCode) {}

  /** What holds on every path that reaches `node` from its function's start, as far as the guards before it tell. */
  before(node: TSESTree.Statement, fn: FunctionNode): Facts {
    let facts = NO_FACTS;
    let child: TSESTree.Node = node;
    for (let parent: TSESTree.Node | undefined = node.parent, depth = 0; parent && parent !== fn && depth < MAX_DEPTH; child = parent, parent = parent.parent, depth++) {
      switch (parent.type) {
        case AST_NODE_TYPES.BlockStatement:
        case AST_NODE_TYPES.Program:
        case AST_NODE_TYPES.SwitchCase: {
          const body: readonly TSESTree.Node[] = parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : parent.body;
          for (const statement of body) {
            if (statement === child) break;
            facts = intersect(facts, this.after(statement, 0));
          }
          break;
        }
        case AST_NODE_TYPES.IfStatement:
          facts = intersect(facts, this.of(parent.test, child === parent.consequent));
          break;
        case AST_NODE_TYPES.SwitchStatement:
        case AST_NODE_TYPES.TryStatement:
        case AST_NODE_TYPES.CatchClause:
        case AST_NODE_TYPES.LabeledStatement:
        case AST_NODE_TYPES.ForStatement:
        case AST_NODE_TYPES.ForInStatement:
        case AST_NODE_TYPES.ForOfStatement:
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
          break;
        default:
          // An expression or a declaration around the statement: nothing is claimed about how it got there.
          return facts;
      }
    }
    return facts;
  }

  /** What holds after `statement` on the paths that go on to the next one: a guard's side that does not leave. */
  private after(statement: TSESTree.Node, depth: number): Facts {
    if (depth > MAX_DEPTH) return NO_FACTS;
    if (statement.type === AST_NODE_TYPES.BlockStatement) {
      let facts = NO_FACTS;
      for (const inner of statement.body) facts = intersect(facts, this.after(inner, depth + 1));
      return facts;
    }
    if (statement.type !== AST_NODE_TYPES.IfStatement) return NO_FACTS;
    const sides: Facts[] = [];
    if (completesNormally(statement.consequent)) sides.push(intersect(this.of(statement.test, true), this.after(statement.consequent, depth + 1)));
    if (!statement.alternate || completesNormally(statement.alternate)) {
      const alternate = statement.alternate ? this.after(statement.alternate, depth + 1) : NO_FACTS;
      sides.push(intersect(this.of(statement.test, false), alternate));
    }
    // Neither side goes on: the code after it never runs, and is not this question.
    if (sides.length === 0) return NO_FACTS;
    return sides.length === 1 ? sides[0]! : union(sides[0]!, sides[1]!);
  }

  /** What `test` having the value `truth` says. */
  of(test: TSESTree.Node, truth: boolean, depth = 0): Facts {
    if (depth > MAX_DEPTH) return NO_FACTS;
    const node = skipTransparentWrappers(test);
    switch (node.type) {
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator === '!' ? this.of(node.argument, !truth, depth + 1) : NO_FACTS;
      case AST_NODE_TYPES.LogicalExpression: {
        if (node.operator === '??') return NO_FACTS;
        const left = this.of(node.left, truth, depth + 1);
        const right = this.of(node.right, truth, depth + 1);
        // `a && b` true and `a || b` false hold both; the other two hold one of them.
        return (node.operator === '&&') === truth ? intersect(left, right) : union(left, right);
      }
      case AST_NODE_TYPES.BinaryExpression:
        return this.comparison(node, truth);
      case AST_NODE_TYPES.CallExpression:
        return this.membership(node, truth);
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression: {
        // `if (!event.code) … else if (event.code) …`: the value itself, truthy or one of the falsy values.
        const key = this.discriminantKey(node);
        return key === undefined ? NO_FACTS : new Map([[key, { in: !truth, values: FALSY }]]);
      }
      default:
        return NO_FACTS;
    }
  }

  /** `action === 'add'`, `'add' != action`, and `LIST.indexOf(action) === -1` (or `< 0`, `>= 0`, `> -1`). */
  private comparison(node: TSESTree.BinaryExpression, truth: boolean): Facts {
    const left = skipTransparentWrappers(node.left);
    const right = skipTransparentWrappers(node.right);
    if (isEqualityOperator(node.operator)) {
      const equal = (node.operator === '===' || node.operator === '==') === truth;
      const index = indexOfNotFound(left, right) ?? indexOfNotFound(right, left);
      if (index) return this.membership(index, !equal);
      const [discriminant, literal] = literalKey(right) !== undefined ? [left, right] : [right, left];
      const value = literalKey(literal);
      const key = this.discriminantKey(discriminant);
      if (value === undefined || value === null || key === undefined) return NO_FACTS;
      // A loose comparison converts: `== null` takes `undefined`, `== '5'` takes `5`. Kept with a word alone.
      if (node.operator.length === 2 && !isWordKey(value)) return NO_FACTS;
      return new Map([[key, { in: equal, values: new Set([value]) }]]);
    }
    if (left.type !== AST_NODE_TYPES.CallExpression || right.type === AST_NODE_TYPES.CallExpression) return NO_FACTS;
    const bound = numberOf(right);
    // `i < 0` and `i <= -1` say "not found"; `i >= 0` and `i > -1` say "found".
    const notFound = (node.operator === '<' && bound === 0) || (node.operator === '<=' && bound === -1);
    const found = (node.operator === '>=' && bound === 0) || (node.operator === '>' && bound === -1);
    if (!notFound && !found) return NO_FACTS;
    return isIndexOfCall(left) ? this.membership(left, found === truth) : NO_FACTS;
  }

  /** `LIST.includes(action)`, `SET.has(action)`, `LIST.indexOf(action)` (found, when `truth`). */
  private membership(call: TSESTree.CallExpression, truth: boolean): Facts {
    const callee = skipTransparentWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length !== 1) return NO_FACTS;
    const method = memberPropertyName(callee);
    if (method !== 'includes' && method !== 'has' && method !== 'indexOf') return NO_FACTS;
    const values = this.literalList(callee.object, method === 'has');
    const key = this.discriminantKey(call.arguments[0]!);
    return values && key !== undefined ? new Map([[key, { in: truth, values }]]) : NO_FACTS;
  }

  /** The values of an array literal of literals, inline or in a `const` read only by reading methods (a `Set` of one). */
  private literalList(node: TSESTree.Node, asSet: boolean): ReadonlySet<string> | undefined {
    let list = skipTransparentWrappers(node);
    if (list.type === AST_NODE_TYPES.Identifier) {
      const init = initializerOf(list, this.sourceCode);
      if (!init || !this.isReadOnlyConst(list)) return undefined;
      list = skipTransparentWrappers(init);
    }
    if (asSet) {
      if (list.type !== AST_NODE_TYPES.NewExpression || list.callee.type !== AST_NODE_TYPES.Identifier || list.callee.name !== 'Set') return undefined;
      if (list.arguments.length !== 1) return undefined;
      list = skipTransparentWrappers(list.arguments[0]!);
    }
    if (list.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    const values = new Set<string>();
    for (const element of list.elements) {
      const value = element && element.type !== AST_NODE_TYPES.SpreadElement ? literalKey(element) : undefined;
      if (value === undefined || value === null) return undefined;
      values.add(value);
    }
    return values;
  }

  /** A `const` whose every read is a reading method's (`VALID.includes(x)`, `VALID.join(', ')`): its contents never change. */
  private isReadOnlyConst(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    const definition = variable?.defs[0];
    if (variable?.defs.length !== 1 || definition?.parent?.type !== AST_NODE_TYPES.VariableDeclaration || definition.parent.kind !== 'const') return false;
    return variable.references.every((reference) => {
      if (reference.init) return true;
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.TemplateLiteral) return true;
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) return false;
      const method = memberPropertyName(parent);
      return method !== undefined && READING_METHODS.has(method);
    });
  }

  /**
   * The tokens of a discriminant nothing writes in the file: a `const`, or a parameter (or `let`) never assigned,
   * or a member read of one (`event.Action`) that no assignment, update or `delete` targets.
   */
  discriminantKey(node: TSESTree.Node): string | undefined {
    const expression = skipTransparentWrappers(node);
    let root: TSESTree.Node = expression;
    while (root.type === AST_NODE_TYPES.MemberExpression) {
      if (root.computed && root.property.type !== AST_NODE_TYPES.Literal) return undefined;
      root = skipTransparentWrappers(root.object);
    }
    if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
    const key = tokenText(expression, this.sourceCode);
    let stable = this.stable.get(key);
    if (stable === undefined) this.stable.set(key, (stable = this.isUnwritten(root, key)));
    return stable ? key : undefined;
  }

  private isUnwritten(root: TSESTree.Identifier, key: string): boolean {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(root), root);
    if (!variable) return false;
    return variable.references.every((reference) => {
      if (reference.isWrite() && !reference.init) return false;
      // Climb the member reads on this name: the one with the discriminant's tokens must not be written.
      for (let read: TSESTree.Node = reference.identifier; read.parent?.type === AST_NODE_TYPES.MemberExpression && read.parent.object === read; ) {
        read = read.parent;
        if (isWritten(read) && tokenText(read, this.sourceCode) === key) return false;
      }
      return true;
    });
  }
}

/** Whether an expression is the target of an assignment, an update or a `delete`. */
function isWritten(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression) return parent.left === node;
  if (parent?.type === AST_NODE_TYPES.UpdateExpression) return true;
  return parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete';
}

/** Whether a statement can end without jumping away (`return`, `throw`, `break`, `continue`) on some path. */
function completesNormally(statement: TSESTree.Node): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return false;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every(completesNormally);
    case AST_NODE_TYPES.IfStatement:
      return !statement.alternate || completesNormally(statement.consequent) || completesNormally(statement.alternate);
    default:
      return true;
  }
}

/** `LIST.indexOf(x)` compared with `-1`: the call, when `node` is one and `other` is `-1`. */
function indexOfNotFound(node: TSESTree.Node, other: TSESTree.Node): TSESTree.CallExpression | undefined {
  return node.type === AST_NODE_TYPES.CallExpression && isIndexOfCall(node) && numberOf(other) === -1 ? node : undefined;
}

function isIndexOfCall(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparentWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && memberPropertyName(callee) === 'indexOf';
}

function numberOf(node: TSESTree.Node): number | undefined {
  const expression = skipTransparentWrappers(node);
  if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'number') return expression.value;
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '-') {
    const inner = numberOf(expression.argument);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

/**
 * A literal's key (`string:add`, `number:3`, `boolean:true`, `object:null`), `null` for `undefined`, or undefined
 * when the node is no literal. A template without expressions is its string.
 */
function literalKey(node: TSESTree.Node): string | null | undefined {
  const expression = skipTransparentWrappers(node);
  if (expression.type === AST_NODE_TYPES.Literal) {
    const value = expression.value;
    if (value === null) return 'regex' in expression || 'bigint' in expression ? undefined : 'object:null';
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? `${typeof value}:${String(value)}` : undefined;
  }
  if (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions.length === 0) return `string:${expression.quasis[0]?.value.cooked ?? ''}`;
  if (expression.type === AST_NODE_TYPES.Identifier && expression.name === 'undefined') return null;
  return undefined;
}

/** A string that no other type loosely equals: not empty, not a number (`'add'`, not `'5'` or `' '`). */
function isWordKey(value: string): boolean {
  const text = value.startsWith('string:') ? value.slice('string:'.length) : undefined;
  return text !== undefined && text.trim() !== '' && Number.isNaN(Number(text));
}

/** Both hold: per discriminant, the values both allow. */
function intersect(a: Facts, b: Facts): Facts {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  const result = new Map(a);
  for (const [key, set] of b) {
    const other = result.get(key);
    result.set(key, other ? intersectSets(other, set) : set);
  }
  return result;
}

/** One of them holds: only discriminants both constrain stay constrained, to the values either allows. */
function union(a: Facts, b: Facts): Facts {
  const result = new Map<string, ValueSet>();
  for (const [key, set] of a) {
    const other = b.get(key);
    if (!other) continue;
    const joined = unionSets(set, other);
    if (joined.in || joined.values.size > 0) result.set(key, joined);
  }
  return result;
}

function intersectSets(a: ValueSet, b: ValueSet): ValueSet {
  if (a.in && b.in) return { in: true, values: new Set([...a.values].filter((value) => b.values.has(value))) };
  if (!a.in && !b.in) return { in: false, values: new Set([...a.values, ...b.values]) };
  const [inside, outside] = a.in ? [a, b] : [b, a];
  return { in: true, values: new Set([...inside.values].filter((value) => !outside.values.has(value))) };
}

function unionSets(a: ValueSet, b: ValueSet): ValueSet {
  if (a.in && b.in) return { in: true, values: new Set([...a.values, ...b.values]) };
  if (!a.in && !b.in) return { in: false, values: new Set([...a.values].filter((value) => b.values.has(value))) };
  const [inside, outside] = a.in ? [a, b] : [b, a];
  return { in: false, values: new Set([...outside.values].filter((value) => !inside.values.has(value))) };
}

/** Some discriminant can have no value at all: no path gets here. */
function isImpossible(facts: Facts): boolean {
  for (const set of facts.values()) if (set.in && set.values.size === 0) return true;
  return false;
}
