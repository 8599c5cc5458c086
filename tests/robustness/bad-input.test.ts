// Bad input and odd shapes, each linted as a Function with every rule of the plugin on (the rules are read from
// `plugin.rules`, so rules added later are covered too), under espree and typescript-eslint: no rule may throw,
// `--fix` output must parse and converge, suggestions must parse (lint-as-function.js), and each case gets a clear
// result. The same checks run over all of node_modules in `npm run test:robustness`.
import { ESLint, Linter } from 'eslint';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin, { readProjectSettings } from '../../src/index.js';
import { createFunctionLinter, type FunctionLintResult } from './lint-as-function.js';

const typescriptParser = plugin.configs.recommended.find((config) => config.languageOptions?.parser)!.languageOptions!.parser as Linter.Parser;
const { lintAsFunction, rules } = createFunctionLinter({ Linter, plugin, typescriptParser });

let projectDir: string;

beforeAll(() => {
  projectDir = mkdtempSync(path.join(os.tmpdir(), 'twilio-functions-bad-input-'));
  writeFileSync(path.join(projectDir, 'package.json'), JSON.stringify({ name: 'bad-input', dependencies: { got: '^14.0.0' } }));
});

afterAll(() => {
  if (projectDir) rmSync(projectDir, { recursive: true, force: true });
});

/** A clear result: it parsed, nothing went wrong, and every message is a finding of one of the plugin's rules. */
function expectClearResult(result: FunctionLintResult): void {
  expect(result.problems).toEqual([]);
  expect(result.parsed).toBe(true);
  for (const message of result.messages) {
    expect(rules, message.message).toContain(message.ruleId);
    expect(message.message.length).toBeGreaterThan(20);
  }
}

/** Lints the code as `functions/<name>.js` (espree) and as `src/functions/<name>.ts` (typescript-eslint). */
function lintBoth(name: string, code: string): FunctionLintResult[] {
  return [
    lintAsFunction(path.join(projectDir, 'functions', `${name}.js`), code),
    lintAsFunction(path.join(projectDir, 'src/functions', `${name}.ts`), code),
  ];
}

function ruleIdsOf(result: FunctionLintResult): string[] {
  return result.messages.map((message) => message.ruleId ?? 'fatal');
}

const ODD_HANDLERS: Record<string, string> = {
  'a handler that is a number': 'exports.handler = 42;',
  'a handler that is null, a string, a call result': [
    'module.exports.handler = null;',
    "exports.handler = 'handler';",
    'exports.handler = makeHandler()(1);',
  ].join('\n'),
  'a getter that returns the handler': [
    'module.exports = {',
    '  get handler() {',
    '    return (context, event, callback) => { callback(null, 1); work(); };',
    '  },',
    '};',
  ].join('\n'),
  'Object.defineProperty with a getter': [
    "Object.defineProperty(exports, 'handler', {",
    '  get: () => function (context, event, callback) { if (event.a) return; callback(null); },',
    '});',
  ].join('\n'),
  'a generator handler': 'exports.handler = function* (context, event, callback) { yield 1; if (event.a) return; callback(null, 1); };',
  'an async generator handler': 'exports.handler = async function* (context, event, callback) { for await (const x of event.items) yield x; callback(null); };',
  'a class method handler on an instance': [
    'class Handler {',
    '  #secret = 1;',
    '  handler(context, event, callback) { if (event.a) { callback(null, this.#secret); } }',
    '  static handler(context, event, callback) { callback(null); callback(null); }',
    '}',
    'module.exports = new Handler();',
  ].join('\n'),
  'a class as the handler': 'exports.handler = class { constructor(context, event, callback) { callback(null); } };',
  'a class with a static handler as the module': [
    'module.exports = class Function {',
    '  static handler(context, event, callback) { if (!event.To) return; callback(null, event.To); }',
    '};',
  ].join('\n'),
  'destructured and defaulted parameters': [
    "exports.handler = ({ API_KEY }, { To = '' } = {}, callback = () => {}) => {",
    '  if (!To) return;',
    '  callback(null, API_KEY);',
    '};',
  ].join('\n'),
  'a destructured callback': [
    'exports.handler = function (context, event, { callback }) { callback(null); };',
    'module.exports.other = (context, event, [callback]) => callback(null);',
  ].join('\n'),
  'rest parameters': 'exports.handler = (context, ...rest) => { const [, callback] = rest; callback(null); };',
  'a callback defaulted to another function': 'exports.handler = function (context, event, callback = console.log) { callback(null); event.x = 1; };',
  'fewer than three parameters': 'exports.handler = (context, event) => ({ ok: true });',
  'a handler reassigned and exported twice': [
    'let handler = (context, event, callback) => callback(null);',
    'handler = async (context, event, callback) => { throw new Error(); };',
    'exports.handler = handler;',
    'module.exports = { handler };',
  ].join('\n'),
  'requires of odd specifiers': [
    "const a = require('');",
    "const b = require('got/' + name);",
    'const c = require(`${name}`);',
    "const d = require('node:fs'), e = require('./missing'), f = require('@scope');",
    "const { default: g } = require('got');",
    'exports.handler = async (context, event, callback) => { callback(null, [a, b, c, d, e, f, g]); };',
  ].join('\n'),
};

describe('odd handler shapes get a clear result under both parsers', () => {
  for (const [name, code] of Object.entries(ODD_HANDLERS)) {
    it(name, () => {
      for (const result of lintBoth(name.replace(/\W+/g, '-'), code)) expectClearResult(result);
    });
  }

  it('the rules do run on these cases: the callback mistakes are reported', () => {
    const [viaClass] = lintBoth('class-static', ODD_HANDLERS['a class with a static handler as the module']!);
    const [defaulted] = lintBoth('defaulted', ODD_HANDLERS['destructured and defaulted parameters']!);
    const reported = [...ruleIdsOf(viaClass!), ...ruleIdsOf(defaulted!)];
    expect(reported.length).toBeGreaterThan(0);
  });
});

describe('syntax errors', () => {
  const BROKEN = [
    'exports.handler = function (context, event, callback) { callback(null, ; };',
    'exports.handler = (context, event, callback) => {',
    'exports.handler = function (context, event, callback) { return callback(null, <b>hi</b>); };',
    '\u0000\u0001\uFFFF',
  ];

  it('parse as nothing, and nothing breaks', () => {
    for (const code of BROKEN) {
      for (const result of lintBoth('broken', code)) {
        expect(result).toEqual({ parsed: false, messages: [], problems: [] });
      }
    }
  });

  it('give eslint one fatal parsing error at the right place, and no rule finding', async () => {
    const eslint = new ESLint({ cwd: projectDir, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    const [result] = await eslint.lintText(BROKEN[0]!, { filePath: path.join(projectDir, 'functions/broken.js') });
    expect(result?.messages).toEqual([
      expect.objectContaining({ ruleId: null, fatal: true, severity: 2, line: 1, column: 72, message: 'Parsing error: Unexpected token ;' }),
    ]);
  });
});

describe('scale', () => {
  function nested(depth: number): Record<string, string> {
    const bodies = {
      ifs: `${'if (event.a) {\n'.repeat(depth)}callback(null, 1);\n${'}\n'.repeat(depth)}`,
      functions: `${'run(function () {\n'.repeat(depth)}callback(null, 2);\n${'});\n'.repeat(depth)}`,
      expressions: `const deep = ${'['.repeat(depth)}1${']'.repeat(depth)} + ${'('.repeat(depth)}2${')'.repeat(depth)};\ncallback(null, deep);`,
    };
    return Object.fromEntries(
      Object.entries(bodies).map(([kind, body]) => [kind, `exports.handler = function (context, event, callback) {\n${body}\n};\n`]),
    );
  }

  it('1,000-deep nesting: a clear result where the parser copes, its parsing error where it does not', () => {
    // espree reads 1,000 nested ifs; both parsers run out of stack on 1,000 nested functions or brackets, and
    // typescript-eslint on 1,000 nested ifs (and on 200 nested functions). ESLint then reports one fatal
    // "Parsing error: Maximum call stack size exceeded" (or espree's "Not enough stack space") and runs no rule.
    const outcomes: string[] = [];
    for (const [kind, code] of Object.entries(nested(1000))) {
      for (const result of lintBoth(`deep-${kind}`, code)) {
        expect(result.problems).toEqual([]);
        if (result.parsed) expectClearResult(result);
        outcomes.push(`${kind}: ${result.parsed ? 'linted' : 'parsing error'}`);
      }
    }
    expect(outcomes).toContain('ifs: linted');
  });

  it('150-deep nesting of each kind, which both parsers read: a clear result', () => {
    for (const [kind, code] of Object.entries(nested(150))) {
      for (const result of lintBoth(`nested-${kind}`, code)) expectClearResult(result);
    }
  });

  it('a 50,000-line handler, in bounded time', () => {
    const lines = Array.from({ length: 49_998 }, (_, i) => (i % 500 === 0 ? `  if (event.k${i}) return callback(null, ${i});` : `  total += event.v${i % 97} || ${i};`));
    const code = `exports.handler = function (context, event, callback) {\n  let total = 0;\n${lines.join('\n')}\n  callback(null, total);\n};\n`;
    expect(code.split('\n').length).toBeGreaterThanOrEqual(50_000);
    const started = performance.now();
    const result = lintAsFunction(path.join(projectDir, 'functions/huge.js'), code);
    expectClearResult(result);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

describe('broken projects on disk', () => {
  const HANDLER = [
    "const got = require('got');",
    "const helper = require('./lib/helper');",
    "const missing = require('not-installed-anywhere');",
    'exports.handler = async function (context, event, callback) {',
    '  const body = await got(event.url).text();',
    '  callback(null, helper(body, missing));',
    '};',
  ].join('\n');

  function project(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'twilio-functions-broken-project-'));
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    }
    return dir;
  }

  const CASES: Record<string, Record<string, string>> = {
    'no package.json': {},
    'a malformed package.json': { 'package.json': '{ "dependencies": { "got": ' },
    'a package.json that is not an object': { 'package.json': '[1, 2]' },
    'dependencies of the wrong types': { 'package.json': '{ "dependencies": ["got"], "engines": { "node": 22 } }' },
    'a malformed lockfile': { 'package.json': '{ "dependencies": { "got": "^14.0.0" } }', 'package-lock.json': 'not json' },
    'a lockfile of the wrong shape': { 'package.json': '{ "dependencies": { "got": "^14.0.0" } }', 'package-lock.json': '{ "packages": { "node_modules/got": 14 } }' },
    'a malformed installed package.json': {
      'package.json': '{ "dependencies": { "got": "^14.0.0" } }',
      'node_modules/got/package.json': '{ "type": "module", "exports": ',
    },
    'a malformed .twilioserverlessrc': { '.twilioserverlessrc': '{ runtime: ', 'package.json': '{}' },
  };

  for (const [name, files] of Object.entries(CASES)) {
    it(`${name}: a clear result`, () => {
      const dir = project(files);
      try {
        expectClearResult(lintAsFunction(path.join(dir, 'functions/send.js'), HANDLER));
        expect(() => readProjectSettings(dir)).not.toThrow();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('a node_modules symlink loop: a clear result, no hang', () => {
    const dir = project({ 'package.json': '{ "dependencies": { "got": "^14.0.0", "loop": "1.0.0" } }' });
    try {
      mkdirSync(path.join(dir, 'node_modules'));
      symlinkSync(dir, path.join(dir, 'node_modules/got'), 'dir'); // got -> the project, whose node_modules has got…
      symlinkSync(path.join(dir, 'node_modules/loop'), path.join(dir, 'node_modules/loop')); // ELOOP
      symlinkSync(path.join(dir, 'node_modules'), path.join(dir, 'node_modules/not-installed-anywhere'), 'dir');
      const code = `${HANDLER}\nconst loop = require('loop');\n`;
      expectClearResult(lintAsFunction(path.join(dir, 'functions/send.js'), code));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file outside any project: a clear result', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'twilio-functions-no-project-'));
    try {
      expectClearResult(lintAsFunction(path.join(dir, 'send.js'), HANDLER));
      expectClearResult(lintAsFunction('/send.js', HANDLER));
      // The CLI's way: a file passed on stdin has no path at all.
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.js'], plugins: { 'twilio-functions': plugin }, rules: Object.fromEntries(rules.map((ruleId) => [ruleId, 'error'])), languageOptions: { sourceType: 'commonjs' } }] });
      const [result] = await eslint.lintText(HANDLER);
      expect(result?.fatalErrorCount).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
