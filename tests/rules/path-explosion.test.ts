import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

/** A handler whose `if/else` chain has 2^n paths, with a callback in every branch of the last one. */
function sequentialIfs(n: number): string {
  const steps = Array.from({ length: n }, (_, i) => `  if (event.k${i}) { work(${i}); } else { other(${i}); }`);
  return `exports.handler = (context, event, callback) => {\n${steps.join('\n')}\n  if (event.ok) callback(null, 'ok');\n  else callback('no');\n  after();\n};\nfunction work() {}\nfunction other() {}\nfunction after() {}`;
}

function lint(code: string): { ms: number; messages: Linter.LintMessage[] } {
  const linter = new Linter();
  const start = performance.now();
  const messages = linter.verify(code, {
    plugins: { 'twilio-functions': plugin },
    languageOptions: { sourceType: 'commonjs' },
    rules: { 'twilio-functions/require-callback': 'error', 'twilio-functions/no-code-after-callback': 'error' },
  });
  return { ms: performance.now() - start, messages };
}

describe('path explosion', () => {
  it('analyses a 2^400-path handler without enumerating paths', () => {
    lint(sequentialIfs(10)); // warm-up: module loading and JIT
    const { ms, messages } = lint(sequentialIfs(400));
    expect(messages.map((message) => `${message.line}:${message.column} ${message.messageId}`)).toEqual([
      '404:3 codeAfterCallback',
    ]);
    // Parsing and all of ESLint included; enumerating paths would never finish.
    expect(ms).toBeLessThan(2000);
  });
});
