// Types for bench/editor-project.js, which tests/e2e/editor.test.ts imports.
export declare function makeEditorProject(): string;
