import { readFileSync } from 'node:fs';

/**
 * Parses JSON that may carry `//` and `/* *\/` comments and trailing commas, as `.twilioserverlessrc` and
 * `tsconfig.json` do. Returns undefined for anything unreadable: a broken config file must never crash linting.
 */
export function parseJsonWithComments(text: string): unknown {
  try {
    // Most files (package.json, lockfiles of megabytes) are strict JSON: no need to scan them character by character.
    return JSON.parse(text);
  } catch {
    // Comments or trailing commas: strip them below.
  }
  try {
    return JSON.parse(toStrictJson(text));
  } catch {
    return undefined;
  }
}

/** Reads and parses a JSON (or JSON-with-comments) file; undefined when it is missing or broken. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return parseJsonWithComments(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Drops comments and trailing commas outside string literals (a `//` inside `"https://…"` must survive), in one
 * pass: a comma is dropped when the next thing that is not blank or a comment closes an object or an array.
 */
function toStrictJson(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      const end = endOfString(text, index);
      out += text.slice(index, end);
      index = end;
    } else if (isCommentStart(text, index)) {
      index = endOfComment(text, index);
    } else {
      if (char !== ',' || !closesNext(text, index + 1)) out += char;
      index += 1;
    }
  }
  return out;
}

function isCommentStart(text: string, index: number): boolean {
  return text[index] === '/' && (text[index + 1] === '/' || text[index + 1] === '*');
}

/** The index just past the comment that starts at `start`. */
function endOfComment(text: string, start: number): number {
  if (text[start + 1] === '/') {
    const end = text.indexOf('\n', start);
    return end === -1 ? text.length : end;
  }
  const end = text.indexOf('*/', start + 2);
  return end === -1 ? text.length : end + 2;
}

/** Whether the next significant character from `index` is `}` or `]`. */
function closesNext(text: string, index: number): boolean {
  let next = index;
  while (next < text.length) {
    if (isCommentStart(text, next)) next = endOfComment(text, next);
    else if (/\s/.test(text[next]!)) next += 1;
    else return text[next] === '}' || text[next] === ']';
  }
  return false;
}

/** The index just past the string literal that starts at `start` (a `"`). */
function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === '\\') index += 2;
    else if (text[index] === '"') return index + 1;
    else index += 1;
  }
  return text.length;
}
