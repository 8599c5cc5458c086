import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import rule from '../../src/rules/no-undeployed-require.js';
import { runWithBothParsers, runWithTypeScriptParser } from '../rule-testers.js';

/** A project with a package.json, outside the repository (whose own node_modules would be found). */
const PROJECT = mkdtempSync(join(tmpdir(), 'no-undeployed-require-'));
writeFileSync(
  join(PROJECT, 'package.json'),
  JSON.stringify({
    name: 'fns',
    dependencies: { got: '^11.8.0', '@scope/pkg': '^1.0.0', twilio: '^4.0.0' },
    devDependencies: { chalk: '^4.1.0', 'twilio-run': '^4.0.0' },
    peerDependencies: { 'peer-only': '*' },
  }),
);
const FUNCTION = join(PROJECT, 'functions/handler.js');
const TS_FUNCTION = join(PROJECT, 'src/functions/handler.ts');
/** A Console-only service: no package.json anywhere above the file. */
const CONSOLE_ONLY = join(mkdtempSync(join(tmpdir(), 'no-undeployed-console-')), 'functions/handler.js');
/** An old project that declares twilio 3, whose dependencies include lodash. */
const TWILIO3 = mkdtempSync(join(tmpdir(), 'no-undeployed-twilio3-'));
writeFileSync(join(TWILIO3, 'package.json'), JSON.stringify({ dependencies: { twilio: '^3.56.0' } }));
mkdirSync(join(TWILIO3, 'functions'));

/** Twilio 4, and a runtime-handler 1.x that brings twilio 3 (and so lodash) with it. */
const CARRIED_TWILIO3 = mkdtempSync(join(tmpdir(), 'no-undeployed-carried-'));
writeFileSync(join(CARRIED_TWILIO3, 'package.json'), JSON.stringify({ dependencies: { twilio: '^4.11.0', '@twilio/runtime-handler': '1.3.0' } }));
/** Twilio 4 with runtime-handler 2 (twilio 4 too), and serverless-runtime-types 1 (twilio 3) among the devDependencies only. */
const CARRIED_TWILIO4 = mkdtempSync(join(tmpdir(), 'no-undeployed-carried4-'));
writeFileSync(
  join(CARRIED_TWILIO4, 'package.json'),
  JSON.stringify({ dependencies: { twilio: '^4.11.0', '@twilio/runtime-handler': '^2.0.0' }, devDependencies: { '@twilio-labs/serverless-runtime-types': '^1.1.8' } }),
);

/** No node_modules, but a lockfile (v3) that records what the declared analytics client depends on; and a v1 one. */
const LOCKED_DEPENDENCY = mkdtempSync(join(tmpdir(), 'no-undeployed-locked-'));
writeFileSync(join(LOCKED_DEPENDENCY, 'package.json'), JSON.stringify({ dependencies: { 'events-client': '^6.0.0' }, devDependencies: { 'test-runner': '^1.0.0' } }));
writeFileSync(
  join(LOCKED_DEPENDENCY, 'package-lock.json'),
  JSON.stringify({
    lockfileVersion: 3,
    packages: {
      '': { dependencies: { 'events-client': '^6.0.0' }, devDependencies: { 'test-runner': '^1.0.0' } },
      'node_modules/events-client': { version: '6.2.0', dependencies: { uuid: '^8.3.2' } },
      'node_modules/uuid': { version: '8.3.2' },
      'node_modules/test-runner': { version: '1.4.0', dev: true, dependencies: { 'left-pad': '^1.3.0' } },
      'node_modules/left-pad': { version: '1.3.0', dev: true },
    },
  }),
);
const LOCKED_V1 = mkdtempSync(join(tmpdir(), 'no-undeployed-locked-v1-'));
writeFileSync(join(LOCKED_V1, 'package.json'), JSON.stringify({ dependencies: { 'id-maker': '^6.2.8' } }));
writeFileSync(
  join(LOCKED_V1, 'package-lock.json'),
  JSON.stringify({ lockfileVersion: 1, dependencies: { 'id-maker': { version: '6.2.8', requires: { uuid: '8.3.2' } }, uuid: { version: '8.3.2' } } }),
);

/** A project that declares moment-timezone, whose installed package.json depends on moment. */
const WITH_DEPENDENCY = mkdtempSync(join(tmpdir(), 'no-undeployed-transitive-'));
writeFileSync(join(WITH_DEPENDENCY, 'package.json'), JSON.stringify({ dependencies: { 'moment-timezone': '^0.5.0' } }));
mkdirSync(join(WITH_DEPENDENCY, 'node_modules/moment-timezone'), { recursive: true });
writeFileSync(join(WITH_DEPENDENCY, 'node_modules/moment-timezone/package.json'), JSON.stringify({ name: 'moment-timezone', dependencies: { moment: '^2.29.4' } }));
/** A TypeScript project whose tsconfig (through `extends`) maps `@shared/*` to project files. */
const ALIASED = mkdtempSync(join(tmpdir(), 'no-undeployed-paths-'));
writeFileSync(join(ALIASED, 'package.json'), JSON.stringify({ dependencies: { twilio: '^5.0.0' } }));
writeFileSync(join(ALIASED, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', paths: { '@shared/*': ['./src/shared/*'], config: ['./src/config.ts'] } } }));
writeFileSync(join(ALIASED, 'tsconfig.json'), '{ "extends": "./tsconfig.base.json", /* comments are fine */ "include": ["src"] }');
/** The same, with a solution-style tsconfig that only references the build's config. */
const SOLUTION = mkdtempSync(join(tmpdir(), 'no-undeployed-references-'));
writeFileSync(join(SOLUTION, 'package.json'), JSON.stringify({ dependencies: { twilio: '^5.0.0' } }));
writeFileSync(join(SOLUTION, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: { paths: { '@shared/*': ['./src/shared/*'] } } }));
writeFileSync(join(SOLUTION, 'tsconfig.build.json'), JSON.stringify({ extends: './tsconfig.base.json', include: ['src'] }));
writeFileSync(join(SOLUTION, 'tsconfig.json'), JSON.stringify({ files: [], references: [{ path: './tsconfig.build.json' }] }));

/** Functions bundled by webpack into `dist/` before the deploy, which deploys that folder: the bundle inlines packages. */
const BUNDLED = mkdtempSync(join(tmpdir(), 'no-undeployed-bundled-'));
writeFileSync(
  join(BUNDLED, 'package.json'),
  JSON.stringify({
    scripts: { 'functions:build': 'webpack --config webpack.functions.config.js', 'functions:deploy': 'npm run functions:build && twilio serverless:deploy --functions-folder=dist' },
    devDependencies: { webpack: '^5.0.0', chalk: '^4.1.0' },
  }),
);
mkdirSync(join(BUNDLED, 'functions'));

const notDeclared = (name: string, specifier = name, subject = `\`require('${specifier}')\``) => ({
  messageId: 'notDeclared' as const,
  data: { name, specifier, subject },
});

runWithBothParsers('no-undeployed-require', rule, {
  valid: [
    { name: 'a bundled deploy inlines devDependencies and undeclared packages', filename: join(BUNDLED, 'functions/a.js'), code: "require('chalk'); require('left-pad');" },
    { name: 'declared in dependencies', filename: FUNCTION, code: "const got = require('got');" },
    { name: 'subpaths resolve to their package', filename: FUNCTION, code: "require('got/dist/source'); require('@scope/pkg/x');" },
    {
      name: 'built-ins, with and without node:',
      filename: FUNCTION,
      code: "require('fs'); require('fs/promises'); require('node:crypto'); require('node:test'); require('node:sqlite');",
    },
    { name: 'twilio and @twilio/runtime-handler are part of every build', filename: join(TWILIO3, 'functions/a.js'), code: "require('twilio'); require('@twilio/runtime-handler');" },
    { name: "twilio's own dependencies are hoisted next to it", filename: join(TWILIO3, 'functions/a.js'), code: "require('axios'); require('lodash');" },
    // A declared dependency's own dependencies, as the lockfile records them, are installed with it and hoisted.
    { name: 'a dependency of a declared package, from the lockfile', filename: join(LOCKED_DEPENDENCY, 'functions/a.js'), code: "const { v4 } = require('uuid');" },
    { name: 'the same from a version 1 lockfile', filename: join(LOCKED_V1, 'functions/a.js'), code: "const { v4 } = require('uuid');" },
    // So are those of the twilio 3 that a runtime-handler 1.x (or serverless-runtime-types before 3) brings.
    { name: "the dependencies of the twilio a declared runtime-handler brings", filename: join(CARRIED_TWILIO3, 'functions/a.js'), code: "require('lodash');" },
    { name: 'relative and absolute paths', filename: FUNCTION, code: "require('./other'); require('../assets/x'); require('/abs/path');" },
    { name: 'Runtime paths', filename: FUNCTION, code: "require(Runtime.getFunctions()['utils/auth'].path); require(Runtime.getAssets()['/data.js'].path);" },
    { name: 'not a static specifier, or a local require', filename: FUNCTION, code: "require(name); function f(require) { require('x'); }" },
    { name: 'no package.json: a Console-only service', filename: CONSOLE_ONLY, code: "require('left-pad');" },
    { name: 'the package requiring itself', filename: FUNCTION, code: "require('fns/x');" },
    {
      name: 'a dependency of a declared dependency is installed with it, and hoisted',
      filename: join(WITH_DEPENDENCY, 'functions/a.js'),
      code: "const moment = require('moment');",
    },
  ],
  invalid: [
    {
      name: 'only in devDependencies',
      filename: FUNCTION,
      code: "const chalk = require('chalk');",
      errors: [{ messageId: 'devDependencyOnly', line: 1, column: 15, endColumn: 31, data: { name: 'chalk', specifier: 'chalk', subject: "`require('chalk')`" } }],
    },
    {
      name: 'not declared; a peerDependency is not deployed either',
      filename: FUNCTION,
      code: "const leftPad = require('left-pad');\nrequire(`peer-only`);",
      errors: [
        { ...notDeclared('left-pad'), line: 1, column: 17 },
        { ...notDeclared('peer-only'), line: 2, column: 1 },
      ],
    },
    {
      name: 'a subpath of an undeclared package names the package',
      filename: FUNCTION,
      code: "const get = require('lodash/get');\nconst { x } = require('@other/pkg/x');",
      errors: [
        { ...notDeclared('lodash', 'lodash/get'), line: 1, column: 13 },
        { ...notDeclared('@other/pkg', '@other/pkg/x'), line: 2, column: 15 },
      ],
    },
    {
      name: 'one report per package and file',
      filename: FUNCTION,
      code: "const leftPad = require('left-pad');\nconst pad = require('left-pad/pad');",
      errors: [{ ...notDeclared('left-pad'), line: 1, column: 17 }],
    },
    {
      name: "a package twilio 3 depended on, but the project declares twilio 4",
      filename: FUNCTION,
      code: "require('lodash');",
      errors: [{ ...notDeclared('lodash'), line: 1, column: 1 }],
    },
    {
      name: 'a package only a devDependency depends on',
      filename: join(LOCKED_DEPENDENCY, 'functions/a.js'),
      code: "require('left-pad');",
      errors: [{ ...notDeclared('left-pad'), line: 1, column: 1 }],
    },
    {
      name: 'runtime-handler 2 brings twilio 4, and a devDependency brings nothing',
      filename: join(CARRIED_TWILIO4, 'functions/a.js'),
      code: "require('lodash');",
      errors: [{ ...notDeclared('lodash'), line: 1, column: 1 }],
    },
  ],
});

runWithTypeScriptParser('no-undeployed-require (TypeScript compiled to CommonJS)', rule, {
  valid: [
    { name: 'type-only imports', filename: TS_FUNCTION, code: "import type { X } from 'types-only';\nimport { type Y } from 'types-only';" },
    { name: 'an import used only as a type is elided by tsc', filename: TS_FUNCTION, code: "import { Handler } from 'types-pkg';\nexport const handler: Handler = () => {};" },
    { name: 'an unused import is elided', filename: TS_FUNCTION, code: "import unused from 'unused-pkg';" },
    { name: '.mts is not a Function', filename: join(PROJECT, 'src/functions/x.mts'), code: "import x from 'left-pad';\nx();" },
    {
      name: 'specifiers that tsconfig paths map to project files',
      filename: join(ALIASED, 'src/functions/a.ts'),
      code: "import { greet } from '@shared/greetings';\nimport settings from 'config';\ngreet(settings);",
    },
    {
      name: 'tsconfig paths found through a solution-style config',
      filename: join(SOLUTION, 'src/functions/a.ts'),
      code: "import { greet } from '@shared/greetings';\ngreet();",
    },
  ],
  invalid: [
    {
      name: 'import used as a value, a side-effect import, import = require, re-exports',
      filename: TS_FUNCTION,
      code: "import leftPad from 'left-pad';\nimport 'side-effect';\nimport chalk = require('chalk');\nexport * from 'reexported';\nleftPad(chalk);",
      errors: [
        { ...notDeclared('left-pad', 'left-pad', "this import (tsc emits `require('left-pad')`)"), line: 1, column: 21 },
        { ...notDeclared('side-effect', 'side-effect', "this import (tsc emits `require('side-effect')`)"), line: 2, column: 8 },
        { messageId: 'devDependencyOnly', line: 3, column: 16 },
        { ...notDeclared('reexported', 'reexported', "this import (tsc emits `require('reexported')`)"), line: 4, column: 15 },
      ],
    },
  ],
});
