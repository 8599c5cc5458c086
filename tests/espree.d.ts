// espree ships no type declarations; the tests only hand it to ESLint as a parser object.
declare module 'espree' {
  export function parse(code: string, options?: unknown): unknown;
  export const version: string;
  export const latestEcmaVersion: number;
}
