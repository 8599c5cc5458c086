// A Twilio Functions project is CommonJS; Node >= 20.19 can require() the ESM-only plugin.
const twilioFunctions = require('eslint-plugin-twilio-functions');

module.exports = [
  ...twilioFunctions.configs.recommended,
  // The Twilio runtime (from .twilioserverlessrc) and the locked dependency versions: no-esm-require depends on
  // both; the Function and asset keys: valid-runtime-paths and no-relative-require depend on them. Putting them
  // in settings makes `eslint --cache` re-lint when they change.
  {
    settings: {
      'twilio-functions': {
        ...twilioFunctions.readProjectSettings(__dirname),
        ...twilioFunctions.readRuntimePaths(__dirname),
      },
    },
  },
];
