const { logged } = require(Runtime.getFunctions()['helpers/logged'].path);

// ❌ require-callback: `logged()` (in helpers/logged.private.js) drops the handler's `callback(error)`: that request is never answered.
exports.handler = logged(async (context, event, callback) => {
  if (!event.CallSid) return callback(new Error('no CallSid'));
  const call = await context.getTwilioClient().calls(event.CallSid).fetch();
  return callback(null, call.status);
});
