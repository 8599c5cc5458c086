import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { projectForFile } from '../../src/project/project-model.js';
import { readRuntimePaths } from '../../src/project-settings.js';

function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'twilio-project-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the project model', () => {
  it('keys the .ts sources of functions/ beside a tsconfig.json as the .js they compile to', () => {
    const root = makeProject({
      'package.json': '{"scripts": {"deploy": "tsc && twilio serverless:deploy --functions-folder compiled/functions"}}',
      'tsconfig.json': '{"compilerOptions": {"outDir": "compiled"}, "include": ["functions/**/*.ts"]}',
      'functions/send.ts': '',
      'functions/helpers/janitor.private.ts': '',
      'functions/types.d.ts': '',
    });
    const project = projectForFile(join(root, 'functions/send.ts'))!;
    expect([...project.functions.keys()].sort()).toEqual(['helpers/janitor', 'send']);
  });

  it('keeps the .ts files of a JavaScript project without a tsconfig.json out of the Functions', () => {
    const root = makeProject({ 'package.json': '{}', 'functions/send.js': '', 'functions/notes.ts': '' });
    expect([...projectForFile(join(root, 'functions/send.js'))!.functions.keys()]).toEqual(['send']);
  });

  it('lists Functions and assets by their Runtime keys', () => {
    const root = makeProject({
      'package.json': '{}',
      'functions/a b.js': '',
      'functions/utils/auth.private.js': '',
      'functions/admin/reset.protected.js': '',
      'functions/notes.md': '',
      'assets/data.private.json': '',
      'assets/index.html': '',
    });
    const project = projectForFile(join(root, 'functions/utils/auth.private.js'))!;
    expect([...project.functions.keys()].sort()).toEqual(['a-b', 'admin/reset', 'utils/auth']);
    expect([...project.assets].map(([key, files]) => [key, files[0]!.visibility]).sort()).toEqual([
      ['/data.json', 'private'],
      ['/index.html', 'public'],
    ]);
    expect(project.deployedFile(join(root, 'functions/notes.md'))).toBeUndefined();
    expect(project.isFunctionSource(join(root, 'functions/utils/auth.private.js'))).toBe(true);
    expect(project.isFunctionSource(join(root, 'functions/notes.md'))).toBe(false);
  });

  it('takes the folders from .twilioserverlessrc, and src/functions without functions/', () => {
    const root = makeProject({
      'package.json': '{}',
      '.twilioserverlessrc': "{ \"functionsFolder\": 'serverless/fns', /* a comment */ }",
      'serverless/fns/x.js': '',
      'src/functions/y.js': '',
      'static/s.private.txt': '',
    });
    const project = projectForFile(join(root, 'serverless/fns/x.js'))!;
    expect([...project.functions.keys()]).toEqual(['x']);
    expect([...project.assets.keys()]).toEqual(['/s.txt']);
    // The TypeScript template: src/functions and src/assets are compiled to the folders the deploy names.
    const other = makeProject({ 'package.json': '{}', 'tsconfig.json': '{}', 'src/functions/y.ts': '', 'src/assets/z.private.js': '' });
    expect([...projectForFile(join(other, 'src/functions/y.ts'))!.functions.keys()]).toEqual(['y']);
    expect([...projectForFile(join(other, 'src/functions/y.ts'))!.assets.keys()]).toEqual(['/z.js']);
  });

  it('takes src/ itself for the Functions folder of a JavaScript project with neither functions/ nor a config', () => {
    // The Serverless Toolkit looks for functions/, then src/: every Function's key then starts with `functions/`,
    // as the keys of older Flex project templates do (`functions/common/helpers/parameter-validator`).
    const root = makeProject({ 'package.json': '{}', 'src/functions/common/helper.private.js': '', 'src/functions/y.js': '' });
    expect([...projectForFile(join(root, 'src/functions/y.js'))!.functions.keys()].sort()).toEqual(['functions/common/helper', 'functions/y']);
  });

  it('is undefined outside a project, and survives symlink loops, unreadable and missing folders', () => {
    expect(projectForFile('/definitely/not/a/project/functions/x.js')).toBeUndefined();
    expect(projectForFile('relative/functions/x.js')).toBeUndefined();
    const root = makeProject({ 'package.json': '{}', 'functions/a.js': '', 'functions/locked/b.js': '' });
    symlinkSync(join(root, 'functions'), join(root, 'functions/loop'));
    symlinkSync(join(root, 'nowhere'), join(root, 'functions/dangling.js'));
    chmodSync(join(root, 'functions/locked'), 0o000);
    try {
      const keys = [...projectForFile(join(root, 'functions/a.js'))!.functions.keys()];
      expect(keys).toContain('a');
      // The loop is the Functions folder itself, already read: not followed.
      expect(keys.filter((key) => key.startsWith('loop/'))).toEqual([]);
    } finally {
      chmodSync(join(root, 'functions/locked'), 0o755);
    }
  });

  it('sees a file added between two lints in one process (an editor)', () => {
    const root = makeProject({ 'package.json': '{}', 'functions/hello.js': '', 'assets/.keep': '' });
    const linter = new Linter({ cwd: root });
    const config = [{ ...plugin.configs.recommended[0], files: ['**/*.js'] }];
    const filename = join(root, 'functions/hello.js');
    const code = "const x = require(Runtime.getFunctions()['utils/auth'].path);\nconst d = Runtime.getAssets()['/data.json'];";
    const ruleIds = () => linter.verify(code, config, { filename }).map((message) => message.ruleId);
    expect(ruleIds()).toEqual(['twilio-functions/valid-runtime-paths', 'twilio-functions/valid-runtime-paths']);
    mkdirSync(join(root, 'functions/utils'));
    writeFileSync(join(root, 'functions/utils/auth.private.js'), '');
    expect(ruleIds()).toEqual(['twilio-functions/valid-runtime-paths']);
    writeFileSync(join(root, 'assets/data.private.json'), '{}');
    expect(ruleIds()).toEqual([]);
    rmSync(join(root, 'functions/utils'), { recursive: true });
    expect(ruleIds()).toEqual(['twilio-functions/valid-runtime-paths']);
  });

  it('sees the layout change between two look-ups in one process (an editor)', () => {
    const root = makeProject({ 'functions/hello.js': '', 'fns/other.js': '' });
    const filename = join(root, 'functions/hello.js');
    // No package.json yet: not a project; then one appears.
    expect(projectForFile(filename)).toBeUndefined();
    writeFileSync(join(root, 'package.json'), '{}');
    expect([...projectForFile(filename)!.functions.keys()]).toEqual(['hello']);
    // The deploy config's text decides the Functions folder: a change of it is seen although no folder changed.
    writeFileSync(join(root, '.twilioserverlessrc'), '{ "functionsFolder": "fns" }');
    expect([...projectForFile(filename)!.functions.keys()]).toEqual(['other']);
    writeFileSync(join(root, '.twilioserverlessrc'), '{ "functionsFolder": "functions" }');
    expect([...projectForFile(filename)!.functions.keys()]).toEqual(['hello']);
    // A nearer project root appears between the file and the old root.
    mkdirSync(join(root, 'functions/nested/functions'), { recursive: true });
    writeFileSync(join(root, 'functions/nested/functions/inner.js'), '');
    const inner = join(root, 'functions/nested/functions/inner.js');
    expect(projectForFile(inner)!.layout.root).toBe(root);
    writeFileSync(join(root, 'functions/nested/package.json'), '{}');
    expect(projectForFile(inner)!.layout.root).toBe(join(root, 'functions/nested'));
    // The Functions folder is removed: the project is gone with it.
    rmSync(join(root, 'functions'), { recursive: true });
    rmSync(join(root, 'fns'), { recursive: true });
    expect(projectForFile(filename)).toBeUndefined();
  });

  it('keeps the listings of many projects linted in turn', () => {
    const roots = Array.from({ length: 40 }, (_, index) => makeProject({ 'package.json': '{}', [`functions/f${index}.js`]: '' }));
    const first = roots.map((root) => projectForFile(join(root, 'functions/x.js')));
    const again = roots.map((root) => projectForFile(join(root, 'functions/x.js')));
    expect(again.every((project, index) => project === first[index])).toBe(true);
    expect([...again[39]!.functions.keys()]).toEqual(['f39']);
  });

  it('puts the keys into settings, so that eslint --cache re-lints when one is added', () => {
    const root = makeProject({ 'package.json': '{}', 'functions/hello.js': '', 'assets/a.private.txt': '', 'assets/b.css': '' });
    expect(readRuntimePaths(root)).toEqual({
      runtimePaths: { functions: ['hello'], assets: ['/a.txt (private)', '/b.css (public)'] },
    });
    expect(readRuntimePaths(join(root, 'nowhere'))).toEqual({ runtimePaths: { functions: [], assets: [] } });
  });
});
