import noCodeAfterCallback from './no-code-after-callback.js';
import noEsmRequire from './no-esm-require.js';
import noUndeployedRequire from './no-undeployed-require.js';
import requireCallback from './require-callback.js';

/** Every rule of the plugin, by its name without the `twilio-functions/` prefix. */
export const rules = {
  'no-code-after-callback': noCodeAfterCallback,
  'no-esm-require': noEsmRequire,
  'no-undeployed-require': noUndeployedRequire,
  'require-callback': requireCallback,
};
