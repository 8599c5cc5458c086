import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { analyzeFile, type CallbackAnalysis } from '../callback-flow/callback-summary.js';
import type { FunctionFlow, HandlerFlow } from '../callback-flow/flow-events.js';
import { recordCallbackFlow } from '../callback-flow/record-callback-flow.js';
import type { CrossFileFacts, HandlerWrapper } from '../cross-file/cross-file-facts.js';
import { handlerRoots } from '../cross-file/handler-roots.js';
import { findHandlers, type Handler } from '../handlers/find-handlers.js';
import { type AsyncIifeSite, type PromiseChainSite, type PromiseRecorder, recordPromiseFlow } from '../promises/record-promise-flow.js';
import { type Listeners, recordingListeners } from './recording-listeners.js';

/** What every rule may ask about one linted file, computed once, whichever rules are on. */
export interface FileAnalysis {
  /** Every handler of the file, and every same-file function that answers for one, with its recorded flow. */
  readonly handlerFlows: readonly HandlerFlow[];
  /** The solved callback completions and function summaries of a handler (solved on first use, then kept). */
  callbackAnalysisOf(handlerFlow: HandlerFlow): CallbackAnalysis;
  /** Every `.then`/`.catch`/`.finally` chain in a recorded function. */
  readonly promiseChains: readonly PromiseChainSite[];
  /** Every async IIFE in a recorded function. */
  readonly asyncIifes: readonly AsyncIifeSite[];
  /** The handler flow a recorded function belongs to. */
  handlerFlowOf(flow: FunctionFlow): HandlerFlow | undefined;
  /** The wrapper around a handler that another file or a known npm package defines, with what it does with a rejection. */
  readonly wrapperOf: (handler: Handler) => HandlerWrapper | undefined;
  /** Whether a call of another project file's export can reject, when that file was summarised. */
  readonly otherFileRejects: (call: TSESTree.CallExpression) => boolean | undefined;
}

interface Entry {
  /** The listeners that record this file's flows, given (with its own `Program:exit`) to the first rule created for it. */
  readonly listeners: (report: () => void) => Listeners;
  /** Set when the traversal reaches `Program`; a rule created after that belongs to another traversal. */
  started: boolean;
  /** Set once the traversal has left `Program`. */
  result?: () => FileAnalysis;
}

/**
 * One analysis per `SourceCode`: ESLint creates every rule of a lint before it traverses the file once, so the
 * first rule created registers the recording listeners and every rule reads the same result at `Program:exit`.
 * A `WeakMap` on the `SourceCode` keeps nothing alive after the file is linted (an editor process lints forever),
 * and each `--fix` pass brings a new `SourceCode`. Nothing is shared between threads: each worker has its own map.
 */
const entries = new WeakMap<TSESLint.SourceCode, Entry>();

/**
 * The listeners of a rule that reports over the file analysis: `report` runs once the traversal has left
 * `Program`, with everything recorded.
 */
export function onFileAnalysis(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  report: (analysis: FileAnalysis) => void,
): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  const existing = entries.get(sourceCode);
  // The same SourceCode linted again (`Linter#verify` accepts one): a finished analysis still holds; one whose
  // traversal was cut short (a crash in another rule) is recorded anew.
  const reusable = existing && (!existing.started || existing.result);
  const entry = reusable ? existing : createEntry(context);
  const ownsRecording = entry !== existing;
  if (ownsRecording) entries.set(sourceCode, entry);
  const exit = (): void => {
    if (entry.result) report(entry.result());
  };
  return ownsRecording ? entry.listeners(exit) : { 'Program:exit': exit };
}

const NO_HANDLERS: FileAnalysis = {
  handlerFlows: [],
  promiseChains: [],
  asyncIifes: [],
  handlerFlowOf: () => undefined,
  wrapperOf: () => undefined,
  otherFileRejects: () => undefined,
  callbackAnalysisOf: () => {
    throw new Error('a file without handlers has no callback analysis');
  },
};

function createEntry(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): Entry {
  const sourceCode = context.sourceCode;
  // Most files a project lints beside its handlers have none: they need no recording at all.
  if (findHandlers(sourceCode).length === 0) {
    return { listeners: (report) => ({ 'Program:exit': report }), started: true, result: () => NO_HANDLERS };
  }
  const { crossFile, handlers } = handlerRoots(context);
  const recorder = recordCallbackFlow(sourceCode, { helperCallOf: crossFile.helperCallOf, roots: handlers });
  const promises = recordPromiseFlow(recorder.segments, sourceCode, (node) => recorder.usesCallback(node));
  const entry: Entry = {
    started: false,
    listeners: (report) =>
      recordingListeners(
        recorder,
        promises.hooks,
        () => void (entry.started = true),
        () => {
          entry.result = lazy(() => analyze(recorder.handlerFlows(), promises, crossFile));
          report();
        },
      ),
  };
  return entry;
}

function analyze(handlerFlows: readonly HandlerFlow[], promises: PromiseRecorder, crossFile: CrossFileFacts): FileAnalysis {
  const owners = new Map<FunctionFlow, HandlerFlow>();
  for (const handlerFlow of handlerFlows) for (const flow of handlerFlow.functions.values()) owners.set(flow, handlerFlow);
  return {
    handlerFlows,
    callbackAnalysisOf: analyzeFile(handlerFlows),
    promiseChains: promises.chains,
    asyncIifes: promises.asyncIifes,
    handlerFlowOf: (flow) => owners.get(flow),
    wrapperOf: (handler) => crossFile.wrapperOf(handler),
    otherFileRejects: (call) => crossFile.callRejects(call),
  };
}

function lazy<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}
