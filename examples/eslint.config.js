// A Twilio Functions project is CommonJS; Node >= 20.19 can require() the ESM-only plugin.
const twilioFunctions = require('eslint-plugin-twilio-functions');

module.exports = [twilioFunctions.configs.recommended];
