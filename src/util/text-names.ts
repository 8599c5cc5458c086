import type { TSESLint } from '@typescript-eslint/utils';

/**
 * Whether a file's text names any of some words (package names), looked at once per `SourceCode`: a quick test
 * that turns most files away before a per-call check does scope work. A `WeakMap` keeps nothing after the file.
 */
export function textNamesAnyOf(words: readonly string[]): (sourceCode: TSESLint.SourceCode) => boolean {
  const known = new WeakMap<TSESLint.SourceCode, boolean>();
  return (sourceCode) => {
    let names = known.get(sourceCode);
    if (names === undefined) {
      names = words.some((word) => sourceCode.text.includes(word));
      known.set(sourceCode, names);
    }
    return names;
  };
}
