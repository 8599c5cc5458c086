// The editor, for real: the ESLint language server that VS Code's ESLint extension, Neovim, Helix and Zed run
// (`vscode-eslint-language-server` from vscode-langservers-extracted), started over stdio on a copy of examples/.
// It pulls diagnostics for two Functions, checks every plugin diagnostic against what ESLint's Node API reports
// for the same file (range, message, docs link), and applies a fix and a suggestion through the server's own
// commands, answering its `workspace/applyEdit` the way an editor does.
import { ESLint, type Linter } from 'eslint';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeExampleProject } from '../../bench/example-project.js';
import {
  startEslintServer,
  type CodeAction,
  type Diagnostic,
  type LanguageServerClient,
  type TextEdit,
  type WorkspaceEdit,
} from '../../bench/lsp-client.js';
import plugin from '../../src/index.js';
import { ensureBuilt } from './ensure-built.js';

interface OpenDocument {
  readonly uri: string;
  readonly filePath: string;
  text: string;
  version: number;
}

let projectDir: string;
let client: LanguageServerClient;
let eslint: ESLint;
let firstDiagnosticMs: number;
const documents = new Map<string, OpenDocument>();

/** LSP positions are 0-based, in UTF-16 code units, which is what JavaScript string indices count. */
function offsetOf(text: string, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + position.character;
}

function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  return sorted.reduce(
    (result, edit) => result.slice(0, offsetOf(text, edit.range.start)) + edit.newText + result.slice(offsetOf(text, edit.range.end)),
    text,
  );
}

/** Answers the server's `workspace/applyEdit` as an editor does: change the open document, tell the server. */
function applyWorkspaceEdit(edit: WorkspaceEdit): { applied: boolean } {
  const perDocument = edit.documentChanges?.map((change) => [change.textDocument.uri, change.edits] as const) ??
    Object.entries(edit.changes ?? {});
  for (const [uri, edits] of perDocument) {
    const document = documents.get(uri);
    if (!document) return { applied: false };
    document.text = applyTextEdits(document.text, edits);
    document.version += 1;
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: document.version },
      contentChanges: [{ text: document.text }],
    });
  }
  return { applied: true };
}

function open(file: string): OpenDocument {
  const filePath = path.join(projectDir, file);
  const document = { uri: pathToFileURL(filePath).href, filePath, text: readFileSync(filePath, 'utf8'), version: 1 };
  documents.set(document.uri, document);
  client.notify('textDocument/didOpen', {
    textDocument: { uri: document.uri, languageId: 'javascript', version: 1, text: document.text },
  });
  return document;
}

async function pullDiagnostics(document: OpenDocument): Promise<Diagnostic[]> {
  const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
    textDocument: { uri: document.uri },
  });
  expect(report.kind).toBe('full');
  return report.items;
}

function isPluginDiagnostic(diagnostic: Diagnostic): boolean {
  return String(diagnostic.code).startsWith('twilio-functions/');
}

/** What the editor must show: ESLint's own findings for the document's current text, in LSP terms. */
async function expectedDiagnostics(document: OpenDocument): Promise<{ messages: Linter.LintMessage[]; diagnostics: Diagnostic[] }> {
  const [result] = await eslint.lintText(document.text, { filePath: document.filePath });
  const messages = (result?.messages ?? []).filter((message) => message.ruleId?.startsWith('twilio-functions/'));
  const diagnostics = messages.map((message) => ({
    message: message.message,
    severity: 1,
    source: 'eslint',
    range: {
      start: { line: message.line - 1, character: message.column - 1 },
      end: { line: (message.endLine ?? message.line) - 1, character: (message.endColumn ?? message.column) - 1 },
    },
    code: message.ruleId!,
    codeDescription: { href: plugin.rules[message.ruleId!.slice('twilio-functions/'.length)]!.meta!.docs!.url! },
  }));
  return { messages, diagnostics };
}

async function codeActionsFor(document: OpenDocument, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: document.uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
}

function applyFix(text: string, fix: { range: readonly [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

beforeAll(async () => {
  ensureBuilt();
  projectDir = makeExampleProject();
  // The same config file the server loads, so both read the same settings (runtime, dependency versions).
  eslint = new ESLint({ cwd: projectDir });
  const started = performance.now();
  client = startEslintServer(projectDir, {
    onRequest: (method, params) => (method === 'workspace/applyEdit' ? applyWorkspaceEdit((params as { edit: WorkspaceEdit }).edit) : null),
  });
  await client.initialize();
  await pullDiagnostics(open('functions/send-with-got.js'));
  firstDiagnosticMs = performance.now() - started;
});

afterAll(async () => {
  await client?.stop();
  if (projectDir) rmSync(projectDir, { recursive: true, force: true });
});

describe('the ESLint language server with configs.recommended', () => {
  it('answers the first pull within the time limit, with the server cold', () => {
    // bench/editor.js measures this against the 1 s target; here only a bound that a loaded CI machine keeps.
    expect(firstDiagnosticMs).toBeLessThan(15_000);
  });

  it('shows no-esm-require on send-with-got.js under the require(), with the rule’s docs link', async () => {
    const document = [...documents.values()].find((open) => open.filePath.endsWith('send-with-got.js'))!;
    const diagnostics = (await pullDiagnostics(document)).filter(isPluginDiagnostic);
    expect(diagnostics).toEqual((await expectedDiagnostics(document)).diagnostics);
    // The squiggle is under the `require('got')` call, as an editor shows it: the range read back from the text.
    const esmRequire = diagnostics.filter((diagnostic) => diagnostic.code === 'twilio-functions/no-esm-require');
    expect(esmRequire).toHaveLength(1);
    const { start, end } = esmRequire[0]!.range;
    expect(document.text.slice(offsetOf(document.text, start), offsetOf(document.text, end))).toBe("require('got')");
    for (const diagnostic of diagnostics) {
      expect(diagnostic.codeDescription?.href).toMatch(/\/docs\/rules\/[a-z-]+\.md$/);
    }
  });

  it('applies the no-esm-require fix through eslint.applySingleFix, and the finding is gone', async () => {
    const document = [...documents.values()].find((open) => open.filePath.endsWith('send-with-got.js'))!;
    const { messages } = await expectedDiagnostics(document);
    const finding = messages.find((message) => message.ruleId === 'twilio-functions/no-esm-require');
    expect(finding?.fix).toBeDefined();
    const expectedText = applyFix(document.text, finding!.fix!);

    const diagnostic = (await pullDiagnostics(document)).find((item) => item.code === 'twilio-functions/no-esm-require')!;
    const action = (await codeActionsFor(document, diagnostic)).find(
      (candidate) => candidate.command?.command === 'eslint.applySingleFix',
    );
    expect(action?.command?.arguments).toEqual([
      expect.objectContaining({ uri: document.uri, ruleId: 'twilio-functions/no-esm-require' }),
    ]);
    await client.request('workspace/executeCommand', { command: action!.command!.command, arguments: action!.command!.arguments });

    expect(document.version).toBe(2);
    expect(document.text).toBe(expectedText);
    expect(document.text).toContain("await import('got')");
    const after = await pullDiagnostics(document);
    expect(after.filter((item) => item.code === 'twilio-functions/no-esm-require')).toEqual([]);
    expect(after.filter(isPluginDiagnostic)).toEqual((await expectedDiagnostics(document)).diagnostics);
  });

  it('applies the no-code-after-callback suggestion on send-sms.js through eslint.applySuggestion', async () => {
    const document = open('functions/send-sms.js');
    const { messages, diagnostics: expected } = await expectedDiagnostics(document);
    const diagnostics = (await pullDiagnostics(document)).filter(isPluginDiagnostic);
    expect(diagnostics).toEqual(expected);
    const finding = messages.find((message) => message.ruleId === 'twilio-functions/no-code-after-callback');
    expect(finding?.suggestions?.length).toBeGreaterThan(0);
    const suggestion = finding!.suggestions![0]!;
    const expectedText = applyFix(document.text, suggestion.fix);

    const diagnostic = diagnostics.find((item) => item.code === 'twilio-functions/no-code-after-callback')!;
    const actions = await codeActionsFor(document, diagnostic);
    const action = actions.find(
      (candidate) => candidate.command?.command === 'eslint.applySuggestion' && candidate.title.startsWith(suggestion.desc),
    );
    expect(action, JSON.stringify(actions.map((candidate) => candidate.title))).toBeDefined();
    await client.request('workspace/executeCommand', { command: action!.command!.command, arguments: action!.command!.arguments });

    expect(document.text).toBe(expectedText);
    expect(document.text).toContain("return callback('\"To\" is required');");
    const after = await pullDiagnostics(document);
    expect(after.filter((item) => item.code === 'twilio-functions/no-code-after-callback')).toEqual([]);
    expect(after.filter(isPluginDiagnostic)).toEqual((await expectedDiagnostics(document)).diagnostics);
  });
});
