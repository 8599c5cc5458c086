// A minimal Language Server Protocol client over stdio, for driving the real ESLint language server
// (`vscode-eslint-language-server` from vscode-langservers-extracted) the way an editor does. Used by the editor
// end-to-end test (tests/e2e/editor.test.ts) and the editor timing (bench/editor.js).
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { clearTimeout, setTimeout } from 'node:timers';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The server's entry point, resolved from this repository's node_modules. */
export const ESLINT_SERVER = require.resolve('vscode-langservers-extracted/bin/vscode-eslint-language-server');

/**
 * The settings VS Code's ESLint extension sends, for a project whose flat config is at `workspaceDir`.
 * `experimental: {}` is required: the server reads `experimental.useFlatConfig` without checking for it.
 */
export function eslintSettings(workspaceDir) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    experimental: {},
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: 'location' },
    workspaceFolder: { name: 'project', uri: pathToFileURL(workspaceDir).href },
  };
}

/**
 * Starts the server in `workspaceDir` and returns a client. `onRequest(method, params)` answers the server's own
 * requests (`workspace/configuration` is answered with `eslintSettings`, everything else with null unless handled).
 */
export function startEslintServer(workspaceDir, { onRequest } = {}) {
  const child = spawn(process.execPath, [ESLINT_SERVER, '--stdio'], {
    cwd: workspaceDir,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const pending = new Map();
  const log = [];
  let nextId = 1;
  let buffer = Buffer.alloc(0);
  let exited = false;

  function send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  }

  async function answer(message) {
    let result = null;
    try {
      if (message.method === 'workspace/configuration') {
        result = message.params.items.map(() => eslintSettings(workspaceDir));
      } else if (onRequest) {
        result = (await onRequest(message.method, message.params)) ?? null;
      }
      send({ id: message.id, result });
    } catch (error) {
      send({ id: message.id, error: { code: -32603, message: String(error) } });
    }
  }

  function receive(message) {
    if (message.id !== undefined && message.method === undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (!waiter) return;
      if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter.resolve(message.result);
    } else if (message.id !== undefined) {
      void answer(message);
    } else {
      log.push(message);
    }
  }

  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      buffer = buffer.subarray(headerEnd + 4 + length);
      receive(JSON.parse(body));
    }
  });
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(chunk.toString()));
  child.on('exit', () => {
    exited = true;
    for (const waiter of pending.values()) waiter.reject(new Error(`server exited during ${waiter.method}: ${stderr.join('')}`));
    pending.clear();
  });

  return {
    /** Notifications the server sent (window/logMessage and the like), for error messages. */
    log,
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        if (exited) reject(new Error(`server has exited: ${stderr.join('')}`));
        pending.set(id, { method, resolve, reject });
        send({ id, method, params });
      });
    },
    notify(method, params) {
      send({ method, params });
    },
    async initialize() {
      const result = await this.request('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(workspaceDir).href,
        workspaceFolders: [{ name: 'project', uri: pathToFileURL(workspaceDir).href }],
        capabilities: {
          workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
          textDocument: {
            diagnostic: { dynamicRegistration: false },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          },
        },
      });
      this.notify('initialized', {});
      return result;
    },
    async stop() {
      if (exited) return;
      const exit = new Promise((resolve) => child.once('exit', resolve));
      try {
        await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 2000))]);
        this.notify('exit', null);
      } catch {
        // The server is gone already.
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exit;
      clearTimeout(timer);
    },
  };
}
