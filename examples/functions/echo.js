const { reply } = require(Runtime.getFunctions()['helpers/reply'].path);

// ❌ require-callback: `reply()` (in helpers/reply.private.js) returns without calling back when the SMS has no body.
exports.handler = (context, event, callback) => {
  return reply(callback, event.Body);
};
