import callbackErrorFirst from './callback-error-first.js';
import noCodeAfterCallback from './no-code-after-callback.js';
import noEsmRequire from './no-esm-require.js';
import noFloatingPromises from './no-floating-promises.js';
import noRelativeRequire from './no-relative-require.js';
import noUndeployedRequire from './no-undeployed-require.js';
import requireCallback from './require-callback.js';
import requireCatchCallback from './require-catch-callback.js';
import validRuntimePaths from './valid-runtime-paths.js';

/** Every rule of the plugin, by its name without the `twilio-functions/` prefix. */
export const rules = {
  'callback-error-first': callbackErrorFirst,
  'no-code-after-callback': noCodeAfterCallback,
  'no-esm-require': noEsmRequire,
  'no-floating-promises': noFloatingPromises,
  'no-relative-require': noRelativeRequire,
  'no-undeployed-require': noUndeployedRequire,
  'require-callback': requireCallback,
  'require-catch-callback': requireCatchCallback,
  'valid-runtime-paths': validRuntimePaths,
};
