import { readFileSync } from 'node:fs';

import { initSync, parse } from 'es-module-lexer';

import { dependOnFile, FileBackedCache } from './file-backed-cache.js';

/** What es-module-lexer tells about one file: enough to follow an ES module's graph without parsing it. */
export interface LexedFile {
  readonly exports: readonly string[];
  readonly starSpecifiers: readonly string[];
  readonly staticImports: readonly string[];
  readonly hasModuleSyntax: boolean;
  readonly source: string;
}

let lexerReady = false;
const lexed = new FileBackedCache<string, LexedFile | null>(2_000);

/** Lexes a file once while it is unchanged; undefined when it cannot be read or is not parsable as a module. */
export function lexFile(path: string): LexedFile | undefined {
  return (
    lexed.get(path, () => {
      dependOnFile(path);
      return lexUncached(path);
    }) ?? undefined
  );
}

export function hasModuleSyntax(path: string): boolean {
  return lexFile(path)?.hasModuleSyntax ?? false;
}

function lexUncached(path: string): LexedFile | null {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    if (!lexerReady) {
      initSync();
      lexerReady = true;
    }
    const [imports, exports, , moduleSyntax] = parse(source, path);
    const starSpecifiers: string[] = [];
    const staticImports: string[] = [];
    for (const entry of imports) {
      // d === -1: a static `import`/`export … from`; dynamic import() and import.meta are not part of the graph.
      if (entry.d !== -1 || entry.n === undefined) continue;
      staticImports.push(entry.n);
      if (/^export\s*\*\s*from/.test(source.slice(entry.ss, entry.se))) starSpecifiers.push(entry.n);
    }
    return {
      exports: exports.map((entry) => entry.n),
      starSpecifiers,
      staticImports,
      hasModuleSyntax: moduleSyntax,
      source,
    };
  } catch {
    // Not lexable as a module (e.g. CommonJS with syntax the lexer rejects): treat as no module syntax.
    return null;
  }
}

export function clearLexedFileCache(): void {
  lexed.clear();
}
