// The plugin object as ESLint and users see it: meta, rules, configs.recommended, and require() from CommonJS.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

import * as tsParser from '@typescript-eslint/parser';
import plugin, { configs, meta, rules } from '../src/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** The rule names whose docs say they are recommended. */
const recommendedRuleNames = Object.entries(plugin.rules)
  .filter(([, rule]) => rule.meta?.docs?.recommended === true)
  .map(([name]) => name);

describe('the plugin object', () => {
  it('names itself after package.json', () => {
    expect(plugin.meta.name).toBe(packageJson.name);
    expect(plugin.meta.version).toBe(packageJson.version);
    expect(plugin.meta.namespace).toBe('twilio-functions');
  });

  it('has rules, each with meta and create()', () => {
    expect(Object.keys(plugin.rules)).toEqual(expect.arrayContaining(['require-callback', 'no-code-after-callback']));
    for (const [name, rule] of Object.entries(plugin.rules)) {
      expect(typeof rule.create, name).toBe('function');
      expect(rule.meta?.docs?.description, name).toEqual(expect.any(String));
    }
  });

  it('exports meta, rules and configs by name as well, the same objects as the default export', () => {
    expect(meta).toBe(plugin.meta);
    expect(rules).toBe(plugin.rules);
    expect(configs).toBe(plugin.configs);
  });
});

describe('configs.recommended', () => {
  // An array, like typescript-eslint's configs: spread it (`[...recommended]`) or hand it to defineConfig/extends.
  const [javascript, typescript] = plugin.configs.recommended;

  it('is two named config objects: every Function file, then the TypeScript ones', () => {
    expect(plugin.configs.recommended.map((config) => config.name)).toEqual([
      'twilio-functions/recommended',
      'twilio-functions/recommended/typescript',
    ]);
  });

  it('applies to Twilio Functions: functions/ and the TypeScript template’s src/functions/', () => {
    expect(javascript?.files).toEqual(['functions/**/*.{js,cjs,ts}', 'src/functions/**/*.{js,cjs,ts}']);
    expect(typescript?.files).toEqual(['functions/**/*.ts', 'src/functions/**/*.ts']);
  });

  it('parses Functions as CommonJS with the runtime’s globals', () => {
    expect(javascript?.languageOptions?.sourceType).toBe('commonjs');
    expect(javascript?.languageOptions?.globals).toEqual({ Twilio: 'readonly', Runtime: 'readonly' });
    expect(javascript?.languageOptions?.parser).toBeUndefined();
  });

  it('parses the TypeScript Functions with typescript-eslint’s parser, and sets nothing else for them', () => {
    expect((typescript?.languageOptions?.parser as { meta?: unknown } | undefined)?.meta).toEqual({ name: '@typescript-eslint/parser', version: tsParser.version });
    expect(Object.keys(typescript ?? {}).sort()).toEqual(['files', 'languageOptions', 'name']);
  });

  it('gives the same tree as typescript-eslint’s parser, which it loads on first use', () => {
    const code = 'export const handler = (context: unknown, event: { To: string }, callback: Function): void => callback(null, event.To);';
    const options = { sourceType: 'commonjs', ecmaVersion: 2026, filePath: 'src/functions/send.ts', range: true, loc: true } as const;
    const parser = typescript?.languageOptions?.parser as { parseForESLint(code: string, options: object): { ast: unknown } };
    expect(parser.parseForESLint(code, options).ast).toEqual(tsParser.parseForESLint(code, options).ast);
  });

  it('registers the plugin under its namespace', () => {
    expect(javascript?.plugins).toEqual({ 'twilio-functions': plugin });
  });

  it('turns on every recommended rule as an error, and nothing else', () => {
    expect(recommendedRuleNames).toEqual(expect.arrayContaining(['require-callback', 'no-code-after-callback']));
    expect(javascript?.rules).toEqual(
      Object.fromEntries(recommendedRuleNames.map((name) => [`twilio-functions/${name}`, 'error'])),
    );
  });
});

describe('configs["recommended-type-checked"]', () => {
  it('is recommended, then no-floating-promises with the type checker on the TypeScript Functions', () => {
    const [...configs] = plugin.configs['recommended-type-checked'];
    expect(configs.slice(0, -1)).toEqual(plugin.configs.recommended);
    expect(configs.at(-1)).toEqual({
      name: 'twilio-functions/recommended-type-checked',
      files: ['functions/**/*.ts', 'src/functions/**/*.ts'],
      rules: { 'twilio-functions/no-floating-promises': ['error', { checkTypes: true }] },
    });
  });
});

describe('configs["disable-overlapping-rules"]', () => {
  it('only turns rules off, on Function files', () => {
    const [config, ...rest] = plugin.configs['disable-overlapping-rules'];
    expect(rest).toEqual([]);
    expect(config?.files).toEqual(['functions/**/*.{js,cjs,ts}', 'src/functions/**/*.{js,cjs,ts}']);
    expect(config?.rules).toEqual({
      'consistent-return': 'off',
      'promise/no-callback-in-promise': 'off',
      'promise/always-return': 'off',
      'n/callback-return': 'off',
      'n/no-callback-literal': 'off',
    });
  });
});

describe('require() from CommonJS', () => {
  beforeAll(() => {
    // The package's entry point is dist/index.js; a fresh clone has no dist/ until it is built.
    if (!existsSync(path.join(repoRoot, 'dist/index.js'))) {
      execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'pipe' });
    }
  });

  it('returns the plugin through the package name (require(esm): no top-level await)', () => {
    // A package can require itself by name through its "exports", so this resolves as it would for a user.
    const require = createRequire(path.join(repoRoot, 'package.json'));
    expect(require.resolve('eslint-plugin-twilio-functions')).toBe(path.join(repoRoot, 'dist/index.js'));
    const required = require('eslint-plugin-twilio-functions') as typeof import('../src/index.js');
    expect(required.meta).toEqual(plugin.meta);
    expect(Object.keys(required.rules).sort()).toEqual(Object.keys(plugin.rules).sort());
    expect(required.configs.recommended.map((config) => config.rules)).toEqual(
      plugin.configs.recommended.map((config) => config.rules),
    );
    expect(required.default.rules).toBe(required.rules);
    expect(required.configs.recommended[0]?.plugins?.['twilio-functions']).toBe(required.default);
  });

  it('works from a .cjs file run by plain Node', () => {
    const output = execFileSync(process.execPath, [path.join(repoRoot, 'tests/fixtures/require-plugin/index.cjs')], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    const seen = JSON.parse(output) as Record<string, unknown>;
    expect(seen).toEqual({
      keys: expect.arrayContaining(['configs', 'default', 'meta', 'rules']) as unknown,
      name: packageJson.name,
      version: packageJson.version,
      rules: Object.keys(plugin.rules).sort(),
      recommendedRules: plugin.configs.recommended.flatMap((config) => Object.keys(config.rules ?? {})).sort(),
      defaultIsPlugin: true,
      recommendedPluginIsDefault: true,
    });
  });
});
