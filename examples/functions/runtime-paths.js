// Runtime keys that name no deployed file: `.path` throws a TypeError on every request.
exports.handler = function (context, event, callback) {
  const { formatGreeting } = require(Runtime.getFunctions()['utils/fromat'].path);
  const greetings = require(Runtime.getAssets()['/greeting.json'].path);
  const messages = JSON.parse(Runtime.getAssets()['/messages.json'].open());
  const greeting = event.closed ? messages.closed : greetings.en;
  callback(null, formatGreeting(greeting, event.name || 'caller'));
};
