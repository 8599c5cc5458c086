// Types for bench/lsp-client.js, which tests/e2e/editor.test.ts imports.
export declare const ESLINT_SERVER: string;

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  source?: string;
  code?: string | number;
  codeDescription?: { href: string };
}
export interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
export interface CodeAction {
  title: string;
  kind?: string;
  command?: Command;
  diagnostics?: Diagnostic[];
}
export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
}

export interface LanguageServerClient {
  readonly log: { method: string; params: unknown }[];
  request<Result = unknown>(method: string, params: unknown): Promise<Result>;
  notify(method: string, params: unknown): void;
  initialize(): Promise<unknown>;
  stop(): Promise<void>;
}

export declare function eslintSettings(workspaceDir: string): Record<string, unknown>;

export declare function startEslintServer(
  workspaceDir: string,
  options?: { onRequest?: (method: string, params: unknown) => unknown },
): LanguageServerClient;
