// ❌ no-code-after-callback (duplicate): on error the node-style callback answers twice.
// ❌ require-callback (unreachable): the last callback comes after a return.
exports.handler = (context, event, callback) => {
  const client = context.getTwilioClient();
  client.calls(event.CallSid).fetch((error, call) => {
    if (error) {
      callback(error);
    }
    callback(null, { status: call.status });
  });
  return;
  callback(null, 'pending');
};
