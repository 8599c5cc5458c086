// Living with eslint-plugin-promise and eslint-plugin-n (their current versions, from devDependencies) and core
// `consistent-return`: on correct Functions written the way Twilio's docs write them, those rules flag Twilio's own
// idioms; `configs['disable-overlapping-rules']`, last in the config, turns exactly those off for Function files.
import { ESLint, type Linter } from 'eslint';
import nodePlugin from 'eslint-plugin-n';
import promisePlugin from 'eslint-plugin-promise';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

const projectDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/other-plugins');

/** What a user who follows both plugins' READMEs and also wants callback hygiene from them would have. */
const otherPlugins: Linter.Config[] = [
  promisePlugin.configs['flat/recommended'],
  nodePlugin.configs['flat/recommended-script'],
  {
    languageOptions: { globals: { console: 'readonly' } },
    rules: { 'n/callback-return': 'error', 'n/no-callback-literal': 'error', 'consistent-return': 'error' },
  },
];

async function findings(config: Linter.Config[]): Promise<string[]> {
  const eslint = new ESLint({ cwd: projectDir, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(['.']);
  // The fixture's Functions are correct, so the plugin's own rules must find nothing in them.
  return results.flatMap((result) =>
    result.messages.map((message) => `${path.relative(projectDir, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? message.message}`),
  );
}

/** Findings in lib/, which is not a Function, and the rules of those plugins that do not overlap with ours. */
const KEPT = [
  'functions/wait.js:2:36 promise/param-names',
  'lib/not-a-function.js:4:5 n/no-callback-literal',
  'lib/not-a-function.js:7:3 consistent-return',
];

describe('configs["disable-overlapping-rules"] with eslint-plugin-promise and eslint-plugin-n', () => {
  it('without it, every overlapping rule flags a correct Function', async () => {
    const found = await findings([...otherPlugins, ...plugin.configs.recommended]);
    expect(found).toEqual([
      'functions/lookup.protected.js:7:11 promise/always-return',
      'functions/lookup.protected.js:9:7 promise/no-callback-in-promise',
      'functions/lookup.protected.js:13:7 promise/no-callback-in-promise',
      'functions/lookup.protected.js:13:7 n/no-callback-literal',
      'functions/send-sms.js:2:19 consistent-return',
      'functions/send-sms.js:4:12 n/no-callback-literal',
      'functions/send-sms.js:9:24 promise/no-callback-in-promise',
      'functions/send-sms.js:10:23 promise/no-callback-in-promise',
      'functions/status.js:5:7 n/callback-return',
      'functions/status.js:7:7 n/callback-return',
      ...KEPT,
    ]);
    const ruleIds = new Set(found.map((finding) => finding.split(' ')[1]));
    for (const ruleId of Object.keys(plugin.configs['disable-overlapping-rules'][0]!.rules!)) {
      expect(ruleIds, ruleId).toContain(ruleId);
    }
  });

  it('with it last, the noise is gone from Functions and everything else stays', async () => {
    expect(await findings([...otherPlugins, ...plugin.configs.recommended, ...plugin.configs['disable-overlapping-rules']])).toEqual(KEPT);
  });

  it('before the other plugins’ configs it is overridden, which is why the README puts it last', async () => {
    const found = await findings([...plugin.configs['disable-overlapping-rules'], ...otherPlugins, ...plugin.configs.recommended]);
    expect(found.length).toBeGreaterThan(KEPT.length);
  });

  it('is valid without those plugins installed: ESLint does not look up a rule to turn it off', async () => {
    expect(await findings([...plugin.configs.recommended, ...plugin.configs['disable-overlapping-rules']])).toEqual([]);
  });
});
