// Works under `twilio-run`, fails once deployed: each Function is deployed on its own (serverless-toolkit#279).
const { formatGreeting } = require('./utils/format.private');
const greetings = require('../assets/greetings.private.json');
const messages = require('../assets/messages.json');
const settings = require('../config/settings');

exports.handler = function (context, event, callback) {
  const greeting = event.closed ? messages.closed : greetings[settings.language];
  callback(null, formatGreeting(greeting, event.name || 'caller'));
};
