// One analysis per linted file: every rule of a lint reads the same result, whatever the rule order, and a
// new SourceCode (each --fix pass, each editor keystroke) gets a new one.
import type { Rule } from 'eslint';
import { Linter, SourceCode } from 'eslint';
import { describe, expect, it } from 'vitest';

import { type FileAnalysis, onFileAnalysis } from '../../src/file-analysis/file-analysis.js';
import plugin from '../../src/index.js';

const HANDLER = `exports.handler = function (context, event, callback) {
  if (event.skip) return;
  callback(null, 'ok');
  notify(event);
};
function notify() {}
`;

/** A rule that only records which analysis object it was handed. */
function probe(seen: FileAnalysis[]): Rule.RuleModule {
  return {
    meta: { type: 'problem', schema: [] },
    create: (context) =>
      onFileAnalysis(context as never, (analysis) => {
        seen.push(analysis);
      }) as Rule.RuleListener,
  };
}

function lint(code: string | SourceCode, ruleNames: string[], seen: FileAnalysis[]): Linter.LintMessage[] {
  const linter = new Linter();
  const probes = Object.fromEntries(ruleNames.filter((name) => name.startsWith('probe')).map((name) => [name, probe(seen)]));
  return linter.verify(code, [
    {
      files: ['**/*.js'],
      plugins: { test: { rules: probes }, 'twilio-functions': plugin },
      languageOptions: { sourceType: 'commonjs' },
      rules: Object.fromEntries(ruleNames.map((name) => [name.startsWith('probe') ? `test/${name}` : `twilio-functions/${name}`, 'error'])),
    },
  ], 'functions/a.js');
}

describe('the file analysis', () => {
  it('is one object for every rule of a lint, created before or after the plugin rules', () => {
    const seen: FileAnalysis[] = [];
    const messages = lint(HANDLER, ['probe-a', 'require-callback', 'no-code-after-callback', 'probe-b'], seen);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[0]!.handlerFlows).toHaveLength(1);
    expect(messages.map((message) => message.ruleId)).toEqual([
      'twilio-functions/require-callback',
      'twilio-functions/no-code-after-callback',
    ]);
  });

  it('solves each handler once: every rule reads the same solutions', () => {
    const seen: FileAnalysis[] = [];
    lint(HANDLER, ['probe-a', 'probe-b'], seen);
    const [first, second] = seen;
    const handlerFlow = first!.handlerFlows[0]!;
    expect(first!.callbackAnalysisOf(handlerFlow)).toBe(second!.callbackAnalysisOf(handlerFlow));
    const flow = handlerFlow.functions.get(handlerFlow.bindings.handler.node)!;
    const analysis = first!.callbackAnalysisOf(handlerFlow);
    expect(analysis.solveCompletion(flow, 'handled')).toBe(analysis.solveCompletion(flow, 'handled'));
  });

  it('is new for each SourceCode, and kept when the same SourceCode is linted again', () => {
    const seen: FileAnalysis[] = [];
    lint(HANDLER, ['probe-a'], seen);
    lint(HANDLER, ['probe-a'], seen);
    expect(seen[0]).not.toBe(seen[1]);

    const linter = new Linter();
    linter.verify(HANDLER, { languageOptions: { sourceType: 'commonjs' } });
    const sourceCode = linter.getSourceCode();
    const again: FileAnalysis[] = [];
    lint(sourceCode, ['probe-a'], again);
    lint(sourceCode, ['probe-a', 'require-callback'], again);
    expect(again).toHaveLength(2);
    expect(again[0]).toBe(again[1]);
    expect(again[0]!.handlerFlows).toHaveLength(1);
  });

  it('gives the same findings with one rule on as with all of them', () => {
    const alone = lint(HANDLER, ['no-code-after-callback'], []);
    const together = lint(HANDLER, ['require-callback', 'no-code-after-callback'], []).filter(
      (message) => message.ruleId === 'twilio-functions/no-code-after-callback',
    );
    expect(together).toEqual(alone);
  });
});
