// ❌ require-catch-callback: each of these answers when the call update succeeds and times out when it fails.
exports.handler = async function (context, event, callback) {
  const client = context.getTwilioClient();
  const call = await client.calls(event.CallSid).fetch();
  if (call.status === 'completed') return callback(null, { status: call.status });
  await client.calls(event.CallSid).update({ status: 'completed' });
  return callback(null, { status: 'completed' });
};
