// The ways the README tells users to put configs.recommended into a flat config, checked with the ESLint under
// test (ESLint 10 in `npm test`, ESLint 9 in `npm run test:eslint9`): each form lints a JavaScript and a
// TypeScript Function alike, and the nested form that is not allowed fails the way the README says.
import { ESLint, type Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

const JAVASCRIPT = 'exports.handler = function (context, event, callback) {\n  callback(null, 1);\n  event.count = 2;\n};\n';
const TYPESCRIPT = 'export const handler = (context: unknown, event: { count?: number }, callback: (e: null, r: number) => void): void => {\n  callback(null, 1);\n  event.count = 2;\n};\n';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'twilio-functions-config-forms-'));
  for (const [file, code] of [
    ['functions/a.js', JAVASCRIPT],
    ['src/functions/b.ts', TYPESCRIPT],
    ['apps/sms/functions/c.js', JAVASCRIPT],
    ['serverless/d.ts', TYPESCRIPT],
  ] as const) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), code);
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function lint(config: Linter.Config[]): Promise<string[]> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(['.']);
  return results
    .flatMap((result) => result.messages.map((message) => `${path.relative(dir, result.filePath)}:${message.line} ${message.ruleId ?? message.message}`))
    .sort();
}

const [functions, typescriptFunctions] = plugin.configs.recommended;

describe(`configs.recommended in a flat config (ESLint ${ESLint.version})`, () => {
  const BOTH = ['functions/a.js:3 twilio-functions/no-code-after-callback', 'src/functions/b.ts:3 twilio-functions/no-code-after-callback'];

  it('spread: [...recommended]', async () => {
    expect(await lint([...plugin.configs.recommended])).toEqual(BOTH);
  });

  it('nested in defineConfig([recommended]) and in extends', async () => {
    expect(await lint(defineConfig([plugin.configs.recommended]))).toEqual(BOTH);
    expect(await lint(defineConfig({ extends: [plugin.configs.recommended] }))).toEqual(BOTH);
  });

  it('under a monorepo folder with basePath', async () => {
    expect(await lint(defineConfig({ basePath: 'apps/sms', extends: [plugin.configs.recommended] }))).toEqual([
      'apps/sms/functions/c.js:3 twilio-functions/no-code-after-callback',
    ]);
  });

  it('with files of your own for each object', async () => {
    expect(
      await lint([
        { ...functions, files: ['serverless/**/*.{js,ts}'] },
        { ...typescriptFunctions, files: ['serverless/**/*.ts'] },
      ]),
    ).toEqual(['serverless/d.ts:3 twilio-functions/no-code-after-callback']);
  });

  it('nested in a plain array: ESLint refuses it', async () => {
    await expect(lint([plugin.configs.recommended] as unknown as Linter.Config[])).rejects.toThrow('Unexpected array.');
  });
});
