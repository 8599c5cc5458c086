// The fixed version of runtime-paths.js and relative-require.js.
exports.handler = function (context, event, callback) {
  const { formatGreeting } = require(Runtime.getFunctions()['utils/format'].path);
  const greetings = require(Runtime.getAssets()['/greetings.json'].path);
  callback(null, formatGreeting(greetings.en, event.name || 'caller'));
};
