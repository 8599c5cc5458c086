import { clearEsmRequireTargetCache } from './esm-require-target.js';
import { clearLexedFileCache } from './lexed-file.js';
import { clearLockfileCache } from './lockfile.js';
import { clearModuleExportsCache } from './module-exports.js';
import { clearResolutionCache } from './module-resolution.js';
import { clearPackageJsonCache } from './package-json.js';
import { clearTopLevelAwaitCache } from './top-level-await.js';

/**
 * Forgets everything read from disk about packages. The caches live for the process, which is one lint run
 * for the CLI; a long-lived process (an editor's ESLint server, a test) calls this when it reloads the config.
 */
export function clearAnalysisCaches(): void {
  clearEsmRequireTargetCache();
  clearTopLevelAwaitCache();
  clearModuleExportsCache();
  clearLexedFileCache();
  clearResolutionCache();
  clearLockfileCache();
  clearPackageJsonCache();
}
