// Type-aware no-floating-promises: TypeScript's checker decides what is a thenable. One file, one project service.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/no-floating-promises.js';

const tsconfigRootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/typed');

const ruleTester = new RuleTester({
  languageOptions: {
    sourceType: 'commonjs',
    parserOptions: { projectService: { allowDefaultProject: ['*.ts'] }, tsconfigRootDir },
  },
});

const filename = path.join(tsconfigRootDir, 'src/functions/file.ts');
const prelude = `type Callback = (error: unknown, payload?: unknown) => void;
interface Mailer { send(to: string): Promise<string>; log(to: string): void }
declare const mailer: Mailer;
`;

ruleTester.run('no-floating-promises (type-checked)', rule, {
  valid: [
    {
      code: `${prelude}export const handler = (context: unknown, event: { To: string }, callback: Callback) => {
  mailer.log(event.To);
  callback(null, 'ok');
};`,
      filename,
      options: [{ checkTypes: true }],
    },
    {
      code: `${prelude}export const handler = async (context: unknown, event: { To: string }, callback: Callback) => {
  await mailer.send(event.To);
  callback(null, 'ok');
};`,
      filename,
      options: [{ checkTypes: true }],
    },
    // Without checkTypes an unknown library's Promise is not known.
    {
      code: `${prelude}export const handler = (context: unknown, event: { To: string }, callback: Callback) => {
  mailer.send(event.To);
  callback(null, 'ok');
};`,
      filename,
    },
  ],
  invalid: [
    {
      code: `${prelude}export const handler = (context: unknown, event: { To: string }, callback: Callback) => {
  mailer.send(event.To);
  callback(null, 'ok');
};`,
      filename,
      options: [{ checkTypes: true }],
      errors: [
        {
          messageId: 'floating',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 14,
          data: { producer: '`mailer.send()`', answer: '`callback()` on line 6', name: 'callback' },
          suggestions: [
            {
              messageId: 'suggestMoveCallback',
              data: { name: 'callback' },
              output: `${prelude}export const handler = (context: unknown, event: { To: string }, callback: Callback) => {
  return mailer.send(event.To).then(() => callback(null, 'ok')).catch((error) => callback(error));
};`,
            },
          ],
        },
      ],
    },
    {
      code: `${prelude}export const handler = async (context: unknown, event: { To: string }, callback: Callback) => {
  const pending = mailer.send(event.To);
  callback(null, 'ok');
  await pending;
};`,
      filename,
      options: [{ checkTypes: true }],
      errors: [
        {
          messageId: 'floating',
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 30,
          data: { producer: '`mailer.send()`', answer: '`callback()` on line 6', name: 'callback' },
        },
      ],
    },
  ],
});
