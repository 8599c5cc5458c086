import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

const examplesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../examples');
const CALLBACK_RULES = ['twilio-functions/require-callback', 'twilio-functions/no-code-after-callback'];
const PROMISE_RULES = ['twilio-functions/no-floating-promises', 'twilio-functions/require-catch-callback'];
const RUNTIME_RULES = [
  'twilio-functions/valid-runtime-paths',
  'twilio-functions/no-relative-require',
  'twilio-functions/callback-error-first',
];

/** Lints the example project with `configs.recommended`, as its own eslint.config.js does. */
async function lintExamples(ruleIds: readonly string[] = CALLBACK_RULES): Promise<string[]> {
  const eslint = new ESLint({
    cwd: examplesDir,
    overrideConfigFile: true,
    overrideConfig: plugin.configs.recommended,
  });
  const results = await eslint.lintFiles(['functions']);
  return results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId !== null && ruleIds.includes(message.ruleId))
      .map((message) => `${path.relative(examplesDir, result.filePath)}:${message.line}:${message.column} ${message.ruleId} ${message.messageId}`),
  );
}

describe('the example project', () => {
  it('shows the deploy rules: an ES module required, a package that is not deployed', async () => {
    expect(await lintExamples(['twilio-functions/no-esm-require', 'twilio-functions/no-undeployed-require'])).toEqual([
      'functions/send-with-got.js:5:13 twilio-functions/no-esm-require namespaceAsDefault',
      'functions/slug.js:4:17 twilio-functions/no-undeployed-require notDeclared',
    ]);
  });

  it('shows every kind of callback finding, and none in the correct files', async () => {
    expect(await lintExamples()).toEqual([
      'functions/broadcast.private.js:9:5 twilio-functions/require-callback unreachableInUncalledFunction',
      'functions/broadcast.private.js:13:5 twilio-functions/no-code-after-callback codeAfterCallbackInLoop',
      'functions/caller-country.js:11:7 twilio-functions/no-code-after-callback codeAfterCallbackThenDuplicate',
      'functions/caller-name.js:9:6 twilio-functions/no-code-after-callback linkAfterCatchCallback',
      'functions/check-token.js:13:3 twilio-functions/no-code-after-callback duplicateAfterHelper',
      'functions/echo.js:5:10 twilio-functions/require-callback helperMissingOnPath',
      'functions/find-caller.js:7:1 twilio-functions/require-callback missingAfterIteration',
      'functions/find-contact.js:10:3 twilio-functions/no-code-after-callback duplicateAfterPerItem',
      'functions/find-flow.js:9:11 twilio-functions/no-code-after-callback perItem',
      'functions/forward-message.js:7:6 twilio-functions/no-code-after-callback linkAfterCallback',
      'functions/forward.private.js:5:33 twilio-functions/no-code-after-callback duplicateInLoop',
      'functions/greeting.js:5:13 twilio-functions/require-callback rejectedByUndeclaredName',
      'functions/job-status.js:14:7 twilio-functions/require-callback pageFailureUnanswered',
      'functions/logged-lookup.js:4:19 twilio-functions/require-callback wrapperLosesAnswer',
      'functions/lookup-number.js:6:3 twilio-functions/require-callback rejectedByAssert',
      'functions/lookup.protected.js:4:5 twilio-functions/require-callback missingOnPath',
      'functions/lookup.protected.js:15:1 twilio-functions/require-callback missingAtEnd',
      'functions/never-responds.js:2:19 twilio-functions/require-callback missing',
      'functions/payment-receipt.js:10:1 twilio-functions/require-callback delegateNeverCalls',
      'functions/recording.js:9:9 twilio-functions/require-callback missingOnPath',
      'functions/redeem-code.js:10:35 twilio-functions/no-code-after-callback perItemOfAtMostOne',
      'functions/route-task.js:3:3 twilio-functions/require-callback missingAfterDecision',
      'functions/send-sms.js:7:3 twilio-functions/no-code-after-callback codeAfterCallback',
      'functions/sms-reply.js:12:3 twilio-functions/no-code-after-callback duplicateThroughFunction',
      'functions/stats.js:11:5 twilio-functions/no-code-after-callback codeAfterCallbackInFinally',
      'functions/status.js:6:5 twilio-functions/require-callback unreachable',
      'functions/status.js:13:5 twilio-functions/no-code-after-callback duplicate',
      'functions/verify.js:5:5 twilio-functions/require-callback rejectedOnPath',
    ]);
  });

  it('covers every message of both rules', async () => {
    const shown = new Set((await lintExamples()).map((finding) => finding.split(' ').slice(1).join('/')));
    const expected = CALLBACK_RULES.flatMap((ruleId) => {
      const rule = plugin.rules[ruleId.replace('twilio-functions/', '')]!;
      return Object.keys(rule.meta?.messages ?? {})
        .filter((messageId) => messageId !== 'useReturn') // a suggestion's message, not a finding
        .map((messageId) => `${ruleId}/${messageId}`);
    });
    expect([...shown].sort()).toEqual(expected.sort());
  });

  it('shows every finding of the runtime rules, and none in the fixed file', async () => {
    expect(await lintExamples(RUNTIME_RULES)).toEqual([
      'functions/callback-order.js:6:21 twilio-functions/callback-error-first responseAsError',
      'functions/callback-order.js:12:21 twilio-functions/callback-error-first responseWithoutStatusAsError',
      'functions/callback-order.js:17:11 twilio-functions/callback-error-first thenCallback',
      'functions/relative-require.js:2:28 twilio-functions/no-relative-require function',
      'functions/relative-require.js:3:19 twilio-functions/no-relative-require privateAsset',
      'functions/relative-require.js:4:18 twilio-functions/no-relative-require publicAsset',
      'functions/relative-require.js:5:18 twilio-functions/no-relative-require notDeployed',
      'functions/runtime-paths.js:3:61 twilio-functions/valid-runtime-paths unknownFunction',
      'functions/runtime-paths.js:4:49 twilio-functions/valid-runtime-paths unknownAsset',
      'functions/runtime-paths.js:5:51 twilio-functions/valid-runtime-paths notPrivate',
    ]);
    const shown = new Set((await lintExamples(RUNTIME_RULES)).map((finding) => finding.split(' ').slice(1).join('/')));
    const expected = RUNTIME_RULES.flatMap((ruleId) =>
      Object.keys(plugin.rules[ruleId.replace('twilio-functions/', '')]!.meta?.messages ?? {})
        .filter((messageId) => messageId !== 'replaceKey' && messageId !== 'passAsResponse') // suggestions' messages, not findings
        .map((messageId) => `${ruleId}/${messageId}`),
    );
    expect([...shown].sort()).toEqual(expected.sort());
  });

  it('shows every kind of promise finding, and none in the fixed files', async () => {
    expect(await lintExamples(PROMISE_RULES)).toEqual([
      'functions/call-control.js:4:16 twilio-functions/require-catch-callback unguardedAwait',
      'functions/notify-owner.js:8:30 twilio-functions/require-catch-callback catchThrows',
      'functions/notify-team.js:5:3 twilio-functions/no-floating-promises floating',
      'functions/notify-team.js:6:3 twilio-functions/no-floating-promises floatingForEach',
      'functions/notify-team.js:9:3 twilio-functions/no-floating-promises floatingContinuation',
      'functions/order-status.js:8:15 twilio-functions/require-catch-callback ignoredError',
      'functions/order-status.js:14:6 twilio-functions/require-catch-callback thenAfterCatch',
      'functions/queue-status.private.js:9:8 twilio-functions/require-catch-callback missingCatch',
      'functions/queue-status.private.js:15:8 twilio-functions/require-catch-callback catchDoesNotAnswer',
      'functions/queue-status.private.js:17:15 twilio-functions/require-catch-callback asyncIife',
    ]);
    const shown = new Set((await lintExamples(PROMISE_RULES)).map((finding) => finding.split(' ').slice(1).join('/')));
    const expected = PROMISE_RULES.flatMap((ruleId) =>
      Object.keys(plugin.rules[ruleId.replace('twilio-functions/', '')]!.meta?.messages ?? {})
        .filter((messageId) => !messageId.startsWith('suggest')) // suggestions' messages, not findings
        .map((messageId) => `${ruleId}/${messageId}`),
    );
    expect([...shown].sort()).toEqual(expected.sort());
  });

  it('shows the type-checked finding in the TypeScript project, and none in its fixed file', async () => {
    const typescriptDir = path.join(examplesDir, 'typescript');
    const eslint = new ESLint({
      cwd: typescriptDir,
      overrideConfigFile: true,
      overrideConfig: [
        ...plugin.configs['recommended-type-checked'],
        {
          files: ['src/functions/**/*.ts'],
          languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: typescriptDir } },
        },
      ],
    });
    const results = await eslint.lintFiles(['src']);
    const findings = results.flatMap((result) =>
      result.messages.map((message) => `${path.relative(typescriptDir, result.filePath)}:${message.line}:${message.column} ${message.ruleId} ${message.messageId}`),
    );
    expect(findings).toEqual(['src/functions/save-lead.ts:22:3 twilio-functions/no-floating-promises floating']);
  });
});
