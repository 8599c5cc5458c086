// Types for bench/example-project.js, which tests/e2e/ imports.
export declare function makeExampleProject(extraDependencies?: readonly string[]): string;
