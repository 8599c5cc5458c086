// Lints any file as if it were a Twilio Function, with every rule of the plugin on, and checks what a user would
// notice: that no rule throws, that `eslint --fix` output parses and converges, and that every suggestion's output
// parses. Plain JavaScript with its dependencies passed in, so that the npm test suite (the plugin from src/, the
// ESLint under test) and the node_modules scan (the plugin from dist/, in worker threads) share it.

/** ESLint's warning for an inline config comment, which `noInlineConfig` makes it ignore. */
const IGNORED_INLINE_CONFIG = /has no effect because you have 'noInlineConfig' setting/;

/** `--fix` gives up after this many passes; output that still has fixes then has not converged. */
const MAX_FIX_PASSES = 10;

/**
 * @param {{ Linter: typeof import('eslint').Linter, plugin: import('eslint').ESLint.Plugin, typescriptParser: import('eslint').Linter.Parser }} dependencies
 */
export function createFunctionLinter({ Linter, plugin, typescriptParser }) {
  const namespace = plugin.meta?.namespace ?? 'twilio-functions';
  const rules = Object.fromEntries(Object.keys(plugin.rules ?? {}).map((name) => [`${namespace}/${name}`, 'error']));
  const linter = new Linter({ cwd: '/' });

  /** One config per parser and source type. Inline `eslint-disable` comments must not switch the rules off. */
  function configFor(typescript, sourceType) {
    return [
      { ignores: ['!**/node_modules/'] },
      {
        files: ['**/*.{js,cjs,mjs,ts,cts,mts}'],
        plugins: { [namespace]: plugin },
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
        languageOptions: {
          ecmaVersion: 'latest',
          sourceType,
          globals: { Twilio: 'readonly', Runtime: 'readonly' },
          ...(typescript ? { parser: typescriptParser } : {}),
        },
        rules,
      },
    ];
  }

  function parses(code, config, filename) {
    return !linter.verify(code, [config[0], { ...config[1], rules: {} }], { filename }).some((message) => message.fatal);
  }

  /**
   * @param {string} filename absolute path; the rules see it (module resolution starts from its folder)
   * @param {string} code
   * @returns {{ parsed: boolean, sourceType?: string, messages: import('eslint').Linter.LintMessage[], problems: string[] }}
   *   `problems` lists what must never happen: a rule that threw, fix output that does not parse or converge,
   *   a suggestion whose output does not parse, and a file that ESLint did not lint (no matching config).
   */
  function lintAsFunction(filename, code) {
    const typescript = /\.[cm]?tsx?$/.test(filename);
    const problems = [];
    // A Function is CommonJS; an ES module file (much of node_modules) is then linted as a module, so that the
    // rules run on it at all.
    for (const sourceType of ['commonjs', 'module']) {
      const config = configFor(typescript, sourceType);
      let messages;
      try {
        messages = linter.verify(code, config, { filename });
      } catch (error) {
        problems.push(`threw: ${firstLines(error)}`);
        return { parsed: true, sourceType, messages: [], problems };
      }
      if (messages.some((message) => message.fatal)) continue;
      for (const message of messages) {
        if (message.ruleId === null && !IGNORED_INLINE_CONFIG.test(message.message)) problems.push(`ESLint: ${message.message}`);
      }

      if (messages.some((message) => message.fix)) {
        try {
          const fixed = linter.verifyAndFix(code, config, { filename });
          if (fixed.messages.some((message) => message.fatal)) {
            problems.push(`--fix output does not parse: ${fixed.messages.find((message) => message.fatal).message}`);
          } else if (fixed.messages.some((message) => message.fix)) {
            problems.push(`--fix does not converge in ${MAX_FIX_PASSES} passes`);
          }
        } catch (error) {
          problems.push(`threw during --fix: ${firstLines(error)}`);
        }
      }
      for (const message of messages) {
        for (const suggestion of message.suggestions ?? []) {
          const output = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
          if (!parses(output, config, filename)) {
            problems.push(`suggestion "${suggestion.desc}" of ${message.ruleId} at ${message.line}:${message.column} gives code that does not parse`);
          }
        }
      }
      return { parsed: true, sourceType, messages, problems };
    }
    return { parsed: false, messages: [], problems };
  }

  return { lintAsFunction, rules: Object.keys(rules) };
}

function firstLines(error) {
  return String(error?.stack ?? error).split('\n').slice(0, 6).join('\n');
}
