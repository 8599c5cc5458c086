import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { Linter, type Rule } from 'eslint';

import { dependOnFile, FileBackedCache } from '../modules/file-backed-cache.js';
import type { ModuleSummary } from './helper-summary.js';
import { type ModuleSummariser, summariseModule } from './summarise-module.js';

/** The part of a rule's `context.languageOptions` a helper file is parsed with. */
export interface HelperLanguageOptions {
  readonly parser?: unknown;
  readonly parserOptions?: Readonly<Record<string, unknown>>;
  readonly sourceType?: string;
  readonly ecmaVersion?: unknown;
}

/** Files bigger than this are not summarised (a bundled vendor file is no helper anyone reads). */
const MAX_HELPER_BYTES = 512 * 1024;

/**
 * Summaries of project files by path and parser, checked against the file's stamp (size, mtime, inode) once per
 * linted file, so an editor that lints a handler again after its helper changed on disk gets the new summary.
 */
const summaries = new FileBackedCache<string, ModuleSummary | undefined>(512);

/** Parser objects get an id for the cache key: a file parsed by espree and by typescript-eslint is two entries. */
const parserIds = new WeakMap<object, number>();
let nextParserId = 1;

/** Every extension `required-file.ts` resolves a helper to. */
const HELPER_FILE_PATTERNS = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'];

let linter: Linter | undefined;
/** Set while a helper is being summarised: a summary never asks for another file's. */
let summarising = false;

/**
 * What the exports of the file at `path` do with a callback and a wrapped handler, or undefined when the file is
 * missing, too big or does not parse with the linted file's parser (it is then trusted, as before). Never throws.
 */
export function summaryOfFile(path: string, languageOptions: HelperLanguageOptions): ModuleSummary | undefined {
  if (summarising) return undefined;
  const parser = languageOptions.parser;
  let parserId = 0;
  if (typeof parser === 'object' && parser !== null) {
    parserId = parserIds.get(parser) ?? nextParserId++;
    parserIds.set(parser, parserId);
  }
  return summaries.get(`${parserId}\0${languageOptions.sourceType ?? ''}\0${path}`, () => {
    dependOnFile(path);
    return summariseFile(path, languageOptions);
  });
}

/** Forgets every summary (a config load; nothing needs it to stay correct, the entries check their files). */
export function clearHelperSummaries(): void {
  summaries.clear();
}

function summariseFile(path: string, languageOptions: HelperLanguageOptions): ModuleSummary | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  if (text.length > MAX_HELPER_BYTES) return undefined;
  let summariser: ModuleSummariser | undefined;
  const rule: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      summariser = summariseModule(context.sourceCode as never);
      return summariser.listeners as Rule.RuleListener;
    },
  };
  summarising = true;
  try {
    linter ??= new Linter({ configType: 'flat' });
    linter.verify(
      text,
      [
        {
          // `**/*` alone does not match a `.ts` file in a flat config (ESLint only lints what a non-universal pattern names).
          files: HELPER_FILE_PATTERNS,
          languageOptions: helperLanguageOptions(languageOptions),
          plugins: { 'twilio-functions-internal': { rules: { summarise: rule } } },
          rules: { 'twilio-functions-internal/summarise': 'error' },
        },
      ],
      { filename: basename(path) },
    );
    // A file that does not parse never runs the rule: it is trusted, as an unknown package is.
    return summariser?.result();
  } catch {
    // The analysis failing on a strange file: the helper is trusted too.
    return undefined;
  } finally {
    summarising = false;
  }
}

/** The linted file's parser and options, without type information: a helper is read on its own, not in a program. */
function helperLanguageOptions(options: HelperLanguageOptions): Record<string, unknown> {
  const parserOptions = Object.fromEntries(
    Object.entries(options.parserOptions ?? {}).filter(([key]) => key !== 'project' && key !== 'projectService' && key !== 'programs'),
  );
  return {
    ...(options.parser === undefined ? {} : { parser: options.parser }),
    ...(options.sourceType === undefined ? {} : { sourceType: options.sourceType }),
    ...(options.ecmaVersion === undefined ? {} : { ecmaVersion: options.ecmaVersion }),
    parserOptions,
  };
}
