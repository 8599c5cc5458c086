// A Twilio Functions project is CommonJS; Node >= 20.19 can require() the ESM-only plugin.
const twilioFunctions = require('eslint-plugin-twilio-functions');

module.exports = [
  ...twilioFunctions.configs.recommended,
  // The Twilio runtime (from .twilioserverlessrc) and the locked dependency versions: no-esm-require depends on
  // both, and putting them in settings makes `eslint --cache` re-lint when they change.
  { settings: { 'twilio-functions': twilioFunctions.readProjectSettings(__dirname) } },
];
