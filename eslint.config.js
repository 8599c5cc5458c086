// Lints the plugin's own sources: typescript-eslint for the TypeScript, eslint-plugin-eslint-plugin for the rules.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'examples/', 'tests/fixtures/', 'bench/generated/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bench/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['src/rules/*.ts'],
    extends: [eslintPlugin.configs.recommended],
  },
  {
    files: ['tests/rules/*.test.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['bench/**/*.js', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
