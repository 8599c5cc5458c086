import { relative } from 'node:path';

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isResultIgnored } from '../handlers/delegates.js';
import type { Handler } from '../handlers/find-handlers.js';
import { beginFileLint } from '../modules/file-stamps.js';
import { projectOf } from '../project/project-model.js';
import { transparentParent } from '../util/ast.js';
import { type HelperLanguageOptions, summaryOfFile } from './helper-file.js';
import { DEFAULT_EXPORT, type ExportSummary, type HelperCall, MODULE_ITSELF, type ModuleSummary, type WrapperSummary } from './helper-summary.js';
import { KNOWN_WRAPPER_PACKAGES, knownWrapperCalled } from './known-wrappers.js';
import { type ModuleLoad, type RequiredExport, requiredExportOf } from './required-binding.js';
import { requiredProjectFile } from './required-file.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The wrapper call a handler is the argument of, and whether it catches and answers the handler's rejection. */
export interface HandlerWrapper {
  readonly call: TSESTree.CallExpression;
  readonly catchesRejection: boolean;
  /**
   * Set when the wrapper (an export of another project file) hands the handler a callback of its own that can
   * return without calling the runtime's: how the handler names the wrapper, its file, and the line of that return.
   */
  readonly lostAnswer?: { readonly name: string; readonly file: string; readonly line: number };
}

/** What the linted file's handlers get from the other files they use. */
export interface CrossFileFacts {
  /** What handing the callback (`argument`) to another project file's export means, when that export was summarised. */
  readonly helperCallOf: (argument: TSESTree.Identifier, handler: Handler) => HelperCall | undefined;
  /** The wrapper around a handler, when it is a summarised project export or an npm wrapper the plugin knows. */
  readonly wrapperOf: (handler: Handler) => HandlerWrapper | undefined;
  /** Whether a call of another project file's export can reject, when that file was summarised. */
  readonly callRejects: (call: TSESTree.CallExpression) => boolean | undefined;
  /**
   * The argument in which the handler's wrapper passes it the runtime's callback, when the wrapper was summarised
   * (or is known) and passes it somewhere other than third (`handlerFn(context, event, response, callback)`).
   */
  readonly movedCallbackIndexOf: (handler: Handler) => number | undefined;
}

/**
 * The call a handler is an argument of: `wrap(async (context, event, callback) => …)`, or through the binding
 * that names it (`const main = async (…) => …; exports.handler = wrap(main)`).
 */
function wrappingCall(handler: Handler, sourceCode: TSESLint.SourceCode): { parent: TSESTree.Node | undefined; child: TSESTree.Node } {
  const direct = transparentParent(handler.node);
  if (direct.parent?.type === AST_NODE_TYPES.CallExpression) return direct;
  const declarator = handler.node.type === AST_NODE_TYPES.FunctionDeclaration ? handler.node : direct.parent;
  const variable = declarator && sourceCode.scopeManager?.getDeclaredVariables(declarator)[0];
  for (const reference of variable?.references ?? []) {
    if (!reference.isRead()) continue;
    const use = transparentParent(reference.identifier);
    if (use.parent?.type === AST_NODE_TYPES.CallExpression && use.parent.callee !== use.child) return use;
  }
  return direct;
}

/** Statements a branch can start with that the callback engine records (a declaration of a function is not one). */
const RECORDED_FIRST = new Set<string>([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.IfStatement,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.VariableDeclaration,
]);

/**
 * `if (!guard(…)) <branch>` or `if (guard(…)) <branch> else <branch>`: the first statement of the branch that
 * runs when the guard returned `answers` (the value it returns after calling back).
 */
function branchWhenAnswered(call: TSESTree.CallExpression, answers: boolean): TSESTree.Statement | undefined {
  let test: TSESTree.Node = call;
  let { parent } = transparentParent(call);
  let negated = false;
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') {
    negated = true;
    test = parent;
    ({ parent } = transparentParent(parent));
  }
  if (parent?.type !== AST_NODE_TYPES.IfStatement || parent.test !== test) return undefined;
  const branch = answers !== negated ? parent.consequent : parent.alternate;
  const first = branch?.type === AST_NODE_TYPES.BlockStatement ? branch.body[0] : branch;
  return first && RECORDED_FIRST.has(first.type) ? first : undefined;
}

/**
 * A relative `require('./x')` (or TypeScript's `import … from './x'`, `import x = require('./x')`): with a runtime
 * key or `__dirname`, what a file that loads a project file contains.
 */
const RELATIVE_LOAD = /(?:require\(|\bfrom)\s*['"`]\./;

const NOTHING: CrossFileFacts = { helperCallOf: () => undefined, wrapperOf: () => undefined, callRejects: () => undefined, movedCallbackIndexOf: () => undefined };

/**
 * Follows one level of requires from the linted file: the exports of the project files it loads are summarised
 * (once per file path, cached and re-checked by stamp once per linted file), and npm wrappers come from a table
 * of verified packages. Nothing is read unless a handler hands its callback to, or is wrapped by, a required value.
 */
export function crossFileFacts(context: Context): CrossFileFacts {
  const sourceCode = context.sourceCode;
  const text = sourceCode.text;
  if (!text.includes('require') && !text.includes('import')) return NOTHING;
  // Only a file that names a project file (a runtime key, a relative path) can load one; the known npm
  // wrappers are looked up by their package's name.
  const namesProjectFile =
    text.includes('getFunctions') || text.includes('getAssets') || text.includes('__dirname') || RELATIVE_LOAD.test(text);
  const namesKnownWrapper = KNOWN_WRAPPER_PACKAGES.some((name) => text.includes(name));
  if (!namesProjectFile && !namesKnownWrapper) return NOTHING;
  beginFileLint(sourceCode);
  const languageOptions = context.languageOptions as HelperLanguageOptions;

  /** Each `require()` or `import` of the file resolved and summarised once, however many calls use what it loads. */
  const modules = new Map<ModuleLoad, { summary: ModuleSummary; file: string } | null>();
  function moduleOf(load: ModuleLoad): { summary: ModuleSummary; file: string } | undefined {
    let known = modules.get(load);
    if (known === undefined) {
      const project = projectOf(context);
      const path = requiredProjectFile(load, context.filename, sourceCode, project);
      const summary = path === undefined ? undefined : summaryOfFile(path, languageOptions);
      known = path && summary ? { summary, file: relative(project?.layout.root ?? context.cwd, path).split('\\').join('/') } : null;
      modules.set(load, known);
    }
    return known ?? undefined;
  }

  const rejects = new Map<TSESTree.CallExpression, boolean | undefined>();

  function exportSummary(required: RequiredExport): { summary: ExportSummary; file: string } | undefined {
    const module = moduleOf(required.load);
    // A default import of a CommonJS module is the module itself (TypeScript's esModuleInterop).
    const summary =
      module?.summary.get(required.exportName) ?? (required.exportName === DEFAULT_EXPORT ? module?.summary.get(MODULE_ITSELF) : undefined);
    return module && summary ? { summary, file: module.file } : undefined;
  }

  return {
    helperCallOf(argument, handler) {
      if (!namesProjectFile) return undefined;
      const { parent: call, child } = transparentParent(argument);
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === child) return undefined;
      const index = call.arguments.indexOf(child as TSESTree.CallExpressionArgument);
      const required = index < 0 ? undefined : requiredExportOf(call.callee, sourceCode);
      const found = required && exportSummary(required);
      if (!found) return undefined;
      const { summary, file } = found;
      const base = { call, name: sourceCode.getText(call.callee), file, answersForHandler: isResultIgnored(call, handler.node) };
      if (summary.unreadParams.includes(index)) return { ...base, handles: 'never', callsOnEveryPath: false, answersOnEveryPath: false };
      const callback = summary.callback;
      if (callback?.callbackIndex !== index) return undefined;
      const answeredBranch = callback.answersWhenReturning === undefined ? undefined : branchWhenAnswered(call, callback.answersWhenReturning);
      // Tested by an `if`, a guard answers on one branch, as a helper that always calls back would.
      if (answeredBranch) return { ...base, handles: 'every', callsOnEveryPath: true, answersOnEveryPath: true, answeredBranch };
      return {
        ...base,
        handles: callback.handles,
        callsOnEveryPath: callback.callsOnEveryPath,
        answersOnEveryPath: callback.answersOnEveryPath,
        ...(callback.gapLine === undefined ? {} : { gapLine: callback.gapLine }),
      };
    },
    callRejects(call) {
      if (!namesProjectFile) return undefined;
      // Asked again for the same call by every await and function body that reaches it.
      if (rejects.has(call)) return rejects.get(call);
      const required = requiredExportOf(call.callee, sourceCode);
      const result = required && exportSummary(required)?.summary.rejects;
      rejects.set(call, result);
      return result;
    },
    wrapperOf(handler) {
      const found = wrapperAround(handler);
      // The handler's callback is its third parameter unless the wrapper moves it (see `movedCallbackIndexOf`).
      const wrapper = found?.wrapper;
      if (!found || !wrapper || wrapper.callbackIndex === undefined) return undefined;
      const { call, file } = found;
      if (wrapper.forwards === 'every' || file === undefined) return { call, catchesRejection: wrapper.catchesRejection };
      const lostAnswer = { name: sourceCode.getText(call.callee), file, line: wrapper.forwardGapLine ?? call.loc.start.line };
      return { call, catchesRejection: wrapper.catchesRejection, lostAnswer };
    },
    movedCallbackIndexOf(handler) {
      const index = wrapperAround(handler)?.wrapper.callbackIndex;
      return index === 2 ? undefined : index;
    },
  };

  /** The wrapper call around a handler and what it is: a known npm wrapper, or a summarised export (with its file). */
  function wrapperAround(handler: Handler): { call: TSESTree.CallExpression; wrapper: WrapperSummary; file?: string } | undefined {
    const { parent: call, child } = wrappingCall(handler, sourceCode);
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === child) return undefined;
    const index = call.arguments.indexOf(child as TSESTree.CallExpressionArgument);
    const required = index < 0 ? undefined : requiredExportOf(call.callee, sourceCode);
    if (!required) return undefined;
    const known = knownWrapperCalled(call, sourceCode);
    if (known) return known.handlerIndex === index ? { call, wrapper: known } : undefined;
    const found = exportSummary(required);
    const wrapper = found?.summary.wrapper;
    return found && wrapper?.handlerIndex === index ? { call, wrapper, file: found.file } : undefined;
  }
}
