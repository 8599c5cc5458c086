/**
 * Exact findings of the deploy rules on the never-installed fixture project (tests/fixtures/deploy/project), on
 * each runtime: a stale lockfile, a `*` range, a devDependency-only package, an undeclared one, subpaths,
 * built-ins and an undeclared `twilio`.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

const PROJECT = mkdtempSync(join(tmpdir(), 'deploy-findings-'));
cpSync(resolve(import.meta.dirname, '../fixtures/deploy/project'), PROJECT, { recursive: true });

function findings(runtime: string): string[] {
  const linter = new Linter({ configType: 'flat', cwd: PROJECT });
  const config: Linter.Config[] = [
    ...plugin.configs.recommended,
    {
      rules: {
        'twilio-functions/require-callback': 'off',
        'twilio-functions/no-code-after-callback': 'off',
        'twilio-functions/no-floating-promises': 'off',
        'twilio-functions/require-catch-callback': 'off',
      },
      settings: { 'twilio-functions': { runtime } },
    },
  ];
  const out: string[] = [];
  for (const file of readdirSync(join(PROJECT, 'functions')).sort()) {
    const filename = join(PROJECT, 'functions', file);
    for (const message of linter.verify(readFileSync(filename, 'utf8'), config, { filename })) {
      out.push(`${file}:${message.line}:${message.column} ${message.ruleId ?? ''} ${message.message}`);
    }
  }
  return out;
}

const UNDEPLOYED = [
  "dev-only.js:2:15 twilio-functions/no-undeployed-require 'chalk' is only in devDependencies: not deployed. Twilio's build installs only `dependencies`, so `require('chalk')` throws `Cannot find module 'chalk'` once deployed, although it works locally. Move it: `npm install --save-prod chalk`.",
];
const SUBPATH_AND_UNDECLARED = [
  "subpaths.js:4:16 twilio-functions/no-undeployed-require 'uuid' is not declared in package.json: not deployed. Twilio's build installs only `dependencies`, so `require('uuid/v4')` throws `Cannot find module 'uuid/v4'` once deployed, even if it works locally. Add it: `npm install --save uuid`.",
  "undeclared.js:1:17 twilio-functions/no-undeployed-require 'left-pad' is not declared in package.json: not deployed. Twilio's build installs only `dependencies`, so `require('left-pad')` throws `Cannot find module 'left-pad'` once deployed, even if it works locally. Add it: `npm install --save left-pad`.",
];

describe('deploy rules on a project that was never installed', () => {
  it('node18: p-retry "*" deploys an ES module; node-fetch "2" deploys CommonJS whatever the stale lockfile says', () => {
    expect(findings('node18')).toEqual([
      ...UNDEPLOYED,
      "retry-any.js:2:16 twilio-functions/no-esm-require `require('p-retry')` throws ERR_REQUIRE_ESM on node18: 'p-retry' * (package.json) is an ES module. Load it with `await import('p-retry')` inside the handler. Or use p-retry@4 (4.6.2).",
      ...SUBPATH_AND_UNDECLARED,
    ]);
  });

  it.each(['node22', 'node24'])('%s: the namespace is called; reported at the require, naming the call', (runtime) => {
    expect(findings(runtime)).toEqual([
      ...UNDEPLOYED,
      `retry-any.js:2:16 twilio-functions/no-esm-require On ${runtime}, \`require('p-retry')\` returns the ES module namespace of 'p-retry' * (package.json), not its default export, so using \`pRetry\` as the default export throws a TypeError (first: \`pRetry(…)\` on line 5). Load it with \`await import('p-retry')\` and take \`.default\`, or use \`require('p-retry').default\`. Or use p-retry@4 (4.6.2).`,
      ...SUBPATH_AND_UNDECLARED,
    ]);
  });
});
