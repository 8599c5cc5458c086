import { clearEsmRequireTargetCache } from './esm-require-target.js';
import { clearFileStamps } from './file-stamps.js';
import { clearLexedFileCache } from './lexed-file.js';
import { clearLockfileCache } from './lockfile.js';
import { clearModuleExportsCache } from './module-exports.js';
import { clearResolutionCache } from './module-resolution.js';
import { clearPackageJsonCache } from './package-json.js';
import { clearTopLevelAwaitCache } from './top-level-await.js';

/**
 * Forgets everything read from disk about packages. Nothing needs it to stay correct: every cached value is
 * checked against the files it was read from once per linted file (file-stamps.ts). readProjectSettings calls
 * it when a config is loaded, which frees the memory of projects an editor no longer lints.
 */
export function clearAnalysisCaches(): void {
  clearFileStamps();
  clearEsmRequireTargetCache();
  clearTopLevelAwaitCache();
  clearModuleExportsCache();
  clearLexedFileCache();
  clearResolutionCache();
  clearLockfileCache();
  clearPackageJsonCache();
}
